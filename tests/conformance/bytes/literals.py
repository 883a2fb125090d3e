# bytes literals and repr: quote choice, escapes (\x, octal, the ones bytes do not know),
# raw literals, implicit concatenation, and the syntax errors CPython reports for them.
print(b'abc', b"abc", b'', b"it's", b'say "hi"', b'both \' and "')
print(b'\x00\x01\x1f\x7f\x80\xfe\xff', b'\t\n\r\\', b'\a\b\f\v', b'\0\07\101\777')
print(b'\u1234', b'\N{DASH}', b'\q', rb'\x00\n', Rb'\d', bR'x', BR"y", br'''tri
ple''')
print(b'con' b"cat" rb'\en' b'ated', (b'a'
      b'b'))
print(len(b'\x00' * 3), b'ab'[0], b'ab'[-1], b'abc'[1:], b'abcdef'[::2], b'abc'[::-1], b'abc'[5:])
print(repr(b"'"), repr(b'"'), repr(b'\'"'), str(b'x'), f'{b"x"}', format(b'y'), ascii(b'\xff'))
empty, one = b'', b'a'
print(type(b''), type(b'') is bytes, empty[:0] is b''[:], one[0:1] is one, bytes is type(b'a' * 2))

for source in ['b"café"', 'b"a" "b"', '"a" b"b"', 'b"a" f"b"', 'x = b"ok" b"also"', "rb'\\xff'", 'b"\\xff"']:
    try:
        code = compile(source, "<literal>", "exec")
        ns = {}
        exec(code, ns)
        print(repr(source), "compiles")
    except SyntaxError as e:
        print(repr(source), "SyntaxError:", e.msg)
