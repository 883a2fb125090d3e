# str.encode, bytes.decode, str(bytes, encoding) and bytes(str, encoding) with the
# built-in codecs, their aliases and error handlers, and the UnicodeError details.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

text = 'aé€\U0001f40d'
for enc in ['utf-8', 'utf8', 'UTF-8', 'utf_8', 'U8', 'utf', 'ascii', 'US-ASCII', '646', 'latin-1', 'latin1',
            'ISO-8859-1', 'iso8859-1', 'l1', 'L1', 'cp819', 'latin', ' utf-8 ', 'utf--8', 'utf.8', 'nope']:
    show(enc, lambda: text.encode(enc, 'replace'))
for errors in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'surrogateescape', 'bogus']:
    show('ascii ' + errors, lambda: text.encode('ascii', errors))
    show('latin-1 ' + errors, lambda: text.encode('latin-1', errors))
    show('ok ' + errors, lambda: 'plain'.encode('ascii', errors))

data = b'a\xffb\xe2\x82c\xe2\x82\xac\xf0\x9f\x90'
for errors in ['strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape', 'bogus']:
    show('utf-8 ' + errors, lambda: data.decode('utf-8', errors))
    show('ascii ' + errors, lambda: data.decode('ascii', errors))
show('latin-1', lambda: data.decode('latin-1'))
show('round trip', lambda: b'a\xff'.decode('utf-8', 'surrogateescape').encode('utf-8', 'surrogateescape'))
show('escape to latin-1', lambda: 'a\udcff'.encode('latin-1', 'surrogateescape'))
show('escape needs low', lambda: 'a\udc00'.encode('ascii', 'surrogateescape'))

for bad in [b'\xff', b'\xff\xfe', b'\xe2\x82', b'\xe2\x41', b'\xe0\x80', b'\xed\xa0\x80', b'\xf4\x90\x80\x80',
            b'\xc0\x80', b'a\xf0\x9f\x90', b'\x80', b'\xf5']:
    try:
        bad.decode('utf-8')
    except UnicodeDecodeError as e:
        print(bad, '->', e, '|', e.encoding, e.object, e.start, e.end, e.reason, e.args)
for s, enc in [('\ud800', 'utf-8'), ('\ud800\udc00x', 'utf-8'), ('caf\xe9\u20ac', 'latin-1'), ('\u20ac\u20ac', 'latin-1'),
               ('\U0001f40d', 'ascii'), ('caf\xe9', 'ascii'), ('ab\u0100cd', 'latin1')]:
    try:
        s.encode(enc)
    except UnicodeEncodeError as e:
        print(ascii(s), '->', e, '|', e.encoding, ascii(e.object), e.start, e.end, e.reason)

show('encode type', lambda: 'a'.encode(1))
show('errors type', lambda: 'a'.encode('ascii', 1))
show('encode kw', lambda: 'é'.encode(encoding='latin-1', errors='strict'))
show('encode none', lambda: 'é'.encode())
show('str decode', lambda: (str(b'caf\xc3\xa9', 'utf-8'), str(b'caf\xe9', 'latin-1'), str(bytearray(b'x'), 'ascii')))
show('str errors', lambda: str(b'\xff', 'utf-8', 'replace'))
show('str unknown', lambda: str(b'a', 'foo'))
show('str lazy handler', lambda: str(b'a', 'ascii', 'foo'))
show('str int', lambda: str(1, 'ascii'))
show('str str', lambda: str('a', 'ascii'))
show('bytes enc', lambda: (bytes('é', 'utf-8'), bytes('é', 'latin-1'), bytearray('é', 'utf-8'), bytes('é', 'ascii', 'ignore')))
show('bytes bad', lambda: bytes('é', 'ascii'))

e = UnicodeEncodeError('ascii', 'x\xe9', 1, 2, 'bad')
print(repr(e), '|', e, '|', e.args)
e.start = 0
e.reason = 'r2'
print(e, '|', e.args, e.start, e.end)
print(UnicodeEncodeError('ascii', 'x\xe9', 5, 9, 'bad'), '|', UnicodeEncodeError('ascii', 'x\xe9', 1, 1, 'bad'))
e = UnicodeDecodeError('utf-8', bytearray(b'ab'), 0, 1, 'bad')
print(repr(e), '|', e, '|', e.object)
print(UnicodeDecodeError('ascii', b'x\xe9', 1, 1, 'bad'))
for args in [(), ('a',), (1, 'x', 0, 1, 'r'), ('a', 1, 0, 1, 'r'), ('a', 'x', '0', 1, 'r'), ('a', 'x', 0, 1, 2)]:
    for E in (UnicodeEncodeError, UnicodeDecodeError):
        show(E.__name__ + repr(args), lambda: E(*args))
print(UnicodeEncodeError.__mro__, issubclass(UnicodeDecodeError, ValueError))
try:
    'é'.encode('ascii')
except UnicodeError as e:
    print('caught as UnicodeError:', type(e).__name__)
try:
    b'\xff'.decode()
except ValueError as e:
    print('caught as ValueError:', type(e).__name__)
