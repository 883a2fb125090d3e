# bytes % values (PEP 461): %s and %b take bytes-like objects or __bytes__, %r and %a
# give ascii(), %c a byte; numbers format as for str.
class Token:
    def __bytes__(self):
        return b'<token>'

tests = r"""
b'%s=%d %r %x %5.2f %c %c %%' % (b'k', 42, b'r', 255, 3.14159, 65, b'z')
b'%(a)s-%(b)s' % {b'a': b'1', b'b': b'2'}
b'%a' % 'é'
b'%r' % 'é'
b'%b' % bytearray(b'q')
b'%s' % Token()
b'%s' % 3
b'%s' % 'x'
b'%-5s|%05d|%+d|% d|%o|%X|%#x|%e|%g|%i|%u' % (b'ab', 42, 5, 5, 8, 255, 255, 1.5, 0.0001, 7, 8)
b'%c' % 256
b'%c' % b'ab'
b'%c' % 'a'
b'%c%c' % (0, 255)
b'%d' % 1.7
b'%d' % 'x'
b'%x' % 1.5
bytearray(b'%s') % b'x'
b'%s' % bytearray(b'x')
b'%.2s' % b'abc'
b'%*d' % (5, 3)
b'%' % ()
b'%(a)s' % (1,)
b'%s %s' % (b'a',)
b'%s' % (b'a', b'b')
b'%q' % 1
b'\xff%s\x00' % b'\xfe'
b'no format' % ()
""".strip().splitlines()
for t in tests:
    try:
        r = eval(t)
        print(t, '->', repr(r))
    except Exception as e:
        print(t, '!!', type(e).__name__ + ':', e)
