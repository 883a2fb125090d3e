# json.decoder for Terrarium: JSONDecoder, a recursive-descent parser of the full JSON
# grammar (plus NaN/Infinity as CPython accepts), and JSONDecodeError, whose messages and
# positions follow CPython 3.11's C scanner. Written from the json documentation.

__all__ = ['JSONDecoder', 'JSONDecodeError']

_WHITESPACE = ' \t\n\r'
_DIGITS = '0123456789'
_HEX = '0123456789abcdefABCDEF'
_SIMPLE_ESCAPES = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n',
                   'r': '\r', 't': '\t'}
_CONSTANTS = (('NaN', 'NaN'), ('Infinity', 'Infinity'), ('-Infinity', '-Infinity'))
_LITERALS = (('null', None), ('true', True), ('false', False))


class JSONDecodeError(ValueError):
    """ValueError with where parsing failed: msg, doc, pos, lineno and colno."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        super().__init__('%s: line %d column %d (char %d)' % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


class _NoValue(Exception):
    """Raised at a position where no JSON value starts; becomes 'Expecting value'."""

    def __init__(self, pos):
        self.pos = pos


def _skip_whitespace(s, pos):
    end = len(s)
    while pos < end and s[pos] in _WHITESPACE:
        pos += 1
    return pos


class _Parser:
    """One parse of one document; holds the decoder's hooks while it walks the text."""

    def __init__(self, decoder, s):
        self.s = s
        self.object_hook = decoder.object_hook
        self.object_pairs_hook = decoder.object_pairs_hook
        self.parse_float = decoder.parse_float
        self.parse_int = decoder.parse_int
        self.parse_constant = decoder.parse_constant
        self.strict = decoder.strict

    def value(self, pos):
        """Parses the value starting exactly at pos; returns (value, end)."""
        s = self.s
        if pos >= len(s):
            raise _NoValue(pos)
        char = s[pos]
        if char == '"':
            return self.string(pos + 1)
        if char == '{':
            return self.object(pos + 1)
        if char == '[':
            return self.array(pos + 1)
        for word, result in _LITERALS:
            if s.startswith(word, pos):
                return result, pos + len(word)
        for word, name in _CONSTANTS:
            if s.startswith(word, pos):
                return self.parse_constant(name), pos + len(word)
        if char == '-' or char in _DIGITS:
            return self.number(pos)
        raise _NoValue(pos)

    def number(self, start):
        # -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)? ; an incomplete fraction or
        # exponent is left unread, so '1.' parses 1 and stops at the dot.
        s = self.s
        pos = start + 1 if s[start] == '-' else start
        if pos >= len(s) or s[pos] not in _DIGITS:
            raise _NoValue(start)
        pos = pos + 1 if s[pos] == '0' else self._digits(pos)
        is_float = False
        if pos + 1 < len(s) and s[pos] == '.' and s[pos + 1] in _DIGITS:
            pos = self._digits(pos + 1)
            is_float = True
        if pos < len(s) and s[pos] in 'eE':
            exponent = pos + 1
            if exponent < len(s) and s[exponent] in '+-':
                exponent += 1
            if exponent < len(s) and s[exponent] in _DIGITS:
                pos = self._digits(exponent)
                is_float = True
        text = s[start:pos]
        return (self.parse_float(text) if is_float else self.parse_int(text)), pos

    def _digits(self, pos):
        s = self.s
        while pos < len(s) and s[pos] in _DIGITS:
            pos += 1
        return pos

    def string(self, pos):
        """Parses the rest of a string whose opening quote is at pos - 1."""
        s = self.s
        begin = pos - 1
        chunks = []
        while True:
            quote = s.find('"', pos)
            backslash = s.find('\\', pos, quote if quote >= 0 else len(s))
            stop = backslash if backslash >= 0 else quote
            if stop < 0:
                raise JSONDecodeError('Unterminated string starting at', s, begin)
            self._check_control(pos, stop)
            chunks.append(s[pos:stop])
            if stop == quote:
                return ''.join(chunks), quote + 1
            text, pos = self.escape(stop, begin)
            chunks.append(text)

    def _check_control(self, pos, stop):
        if not self.strict:
            return
        s = self.s
        for index in range(pos, stop):
            if s[index] < ' ':
                raise JSONDecodeError('Invalid control character at', s, index)

    def escape(self, backslash, begin):
        """Decodes the escape at backslash; returns (text, position after it)."""
        s = self.s
        if backslash + 1 >= len(s):
            raise JSONDecodeError('Unterminated string starting at', s, begin)
        kind = s[backslash + 1]
        if kind != 'u':
            if kind not in _SIMPLE_ESCAPES:
                raise JSONDecodeError('Invalid \\escape', s, backslash)
            return _SIMPLE_ESCAPES[kind], backslash + 2
        code = self._hex4(backslash)
        pos = backslash + 6
        # A high surrogate followed by an escaped low one is a single character.
        if 0xD800 <= code <= 0xDBFF and s.startswith('\\u', pos):
            low = self._hex4(pos)
            if 0xDC00 <= low <= 0xDFFF:
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                pos += 6
        return chr(code), pos

    def _hex4(self, backslash):
        digits = self.s[backslash + 2:backslash + 6]
        if len(digits) != 4 or any(d not in _HEX for d in digits):
            raise JSONDecodeError('Invalid \\uXXXX escape', self.s, backslash + 1)
        return int(digits, 16)

    def object(self, pos):
        s = self.s
        pairs = []
        pos = _skip_whitespace(s, pos)
        if pos < len(s) and s[pos] == '}':
            return self._finish_object(pairs), pos + 1
        while True:
            if pos >= len(s) or s[pos] != '"':
                raise JSONDecodeError('Expecting property name enclosed in double quotes',
                                      s, pos)
            key, pos = self.string(pos + 1)
            pos = _skip_whitespace(s, pos)
            if pos >= len(s) or s[pos] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, pos)
            pos = _skip_whitespace(s, pos + 1)
            value, pos = self._member_value(pos)
            pairs.append((key, value))
            pos = _skip_whitespace(s, pos)
            if pos < len(s) and s[pos] == '}':
                return self._finish_object(pairs), pos + 1
            if pos >= len(s) or s[pos] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, pos)
            pos = _skip_whitespace(s, pos + 1)

    def _finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        result = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(result)
        return result

    def _member_value(self, pos):
        try:
            return self.value(pos)
        except _NoValue as missing:
            raise JSONDecodeError('Expecting value', self.s, missing.pos) from None

    def array(self, pos):
        s = self.s
        items = []
        pos = _skip_whitespace(s, pos)
        if pos < len(s) and s[pos] == ']':
            return items, pos + 1
        while True:
            value, pos = self._member_value(pos)
            items.append(value)
            pos = _skip_whitespace(s, pos)
            if pos < len(s) and s[pos] == ']':
                return items, pos + 1
            if pos >= len(s) or s[pos] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, pos)
            pos = _skip_whitespace(s, pos + 1)


class JSONDecoder:
    """Decodes JSON text into dict, list, str, int, float, True, False and None."""

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _constant_value
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        """Returns the value of the JSON document s (whitespace around it allowed)."""
        obj, end = self.raw_decode(s, _skip_whitespace(s, 0))
        end = _skip_whitespace(s, end)
        if end != len(s):
            raise JSONDecodeError('Extra data', s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Parses one value starting at idx; returns (value, index where it ended)."""
        try:
            return _Parser(self, s).value(idx)
        except _NoValue as missing:
            raise JSONDecodeError('Expecting value', s, missing.pos) from None


def _constant_value(name):
    return float(name.replace('Infinity', 'inf'))
