# json.encoder for Terrarium: JSONEncoder, which turns dict, list, tuple, str, int, float,
# True, False and None (and their subclasses) into JSON text, plus the string escapers.
# Written from the json documentation; output matches CPython 3.11 byte for byte.

__all__ = ['JSONEncoder']

_SHORT_ESCAPES = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t',
                  '\b': '\\b', '\f': '\\f'}
INFINITY = float('inf')


def _escape_char(char, ascii_only):
    short = _SHORT_ESCAPES.get(char)
    if short is not None:
        return short
    code = ord(char)
    if code < 0x20 or (ascii_only and code > 0x7e):
        if code > 0xFFFF:   # outside the BMP: a UTF-16 surrogate pair
            code -= 0x10000
            return '\\u%04x\\u%04x' % (0xD800 | (code >> 10), 0xDC00 | (code & 0x3FF))
        return '\\u%04x' % code
    return char


def py_encode_basestring(s):
    """The JSON string literal for s, keeping non-ASCII characters as they are."""
    return '"' + ''.join([_escape_char(c, False) for c in s]) + '"'


def py_encode_basestring_ascii(s):
    """The JSON string literal for s, with every non-ASCII character \\u-escaped."""
    return '"' + ''.join([_escape_char(c, True) for c in s]) + '"'


encode_basestring = py_encode_basestring
encode_basestring_ascii = py_encode_basestring_ascii


class JSONEncoder:
    """Encodes Python values as JSON; override default() to support more types."""

    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None,
                 default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','   # no trailing spaces before the newlines
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

    def encode(self, o):
        if isinstance(o, str):
            return self._string(o)
        return ''.join(self.iterencode(o, _one_shot=True))

    def iterencode(self, o, _one_shot=False):
        """The JSON text for o, as an iterable of pieces (json.dump writes them one by one)."""
        parts = []
        _Writer(self, parts).value(o, 0)
        return iter(parts)

    def _string(self, s):
        if self.ensure_ascii:
            return py_encode_basestring_ascii(s)
        return py_encode_basestring(s)

    def _float(self, o):
        if o != o:
            text = 'NaN'
        elif o == INFINITY:
            text = 'Infinity'
        elif o == -INFINITY:
            text = '-Infinity'
        else:
            return float.__repr__(o)
        if not self.allow_nan:
            raise ValueError('Out of range float values are not JSON compliant')
        return text


class _Writer:
    """One encoding: appends the pieces of the text to parts, tracking the containers
    being written so a container that contains itself is reported, not recursed into."""

    def __init__(self, encoder, parts):
        self.encoder = encoder
        self.parts = parts
        self.markers = {} if encoder.check_circular else None
        indent = encoder.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        self.indent = indent

    def value(self, o, level):
        encoder = self.encoder
        if isinstance(o, str):
            self.parts.append(encoder._string(o))
        elif o is None:
            self.parts.append('null')
        elif o is True:
            self.parts.append('true')
        elif o is False:
            self.parts.append('false')
        elif isinstance(o, int):
            self.parts.append(int.__repr__(o))
        elif isinstance(o, float):
            self.parts.append(encoder._float(o))
        elif isinstance(o, (list, tuple)):
            self._enter(o)
            self.array(o, level)
            self._leave(o)
        elif isinstance(o, dict):
            self._enter(o)
            self.object(o, level)
            self._leave(o)
        else:
            self._enter(o)
            self.value(encoder.default(o), level)
            self._leave(o)

    def _enter(self, o):
        if self.markers is not None:
            if id(o) in self.markers:
                raise ValueError('Circular reference detected')
            self.markers[id(o)] = o

    def _leave(self, o):
        if self.markers is not None:
            del self.markers[id(o)]

    def _newline(self, level):
        # Between items: the separator, then (when indenting) a new line at this depth.
        if self.indent is None:
            return ''
        return '\n' + self.indent * level

    def array(self, items, level):
        if not items:
            self.parts.append('[]')
            return
        inner = self._newline(level + 1)
        self.parts.append('[' + inner)
        separator = self.encoder.item_separator + inner
        for index, item in enumerate(items):
            if index:
                self.parts.append(separator)
            self.value(item, level + 1)
        self.parts.append(self._newline(level) + ']')

    def object(self, mapping, level):
        if not mapping:
            self.parts.append('{}')
            return
        encoder = self.encoder
        inner = self._newline(level + 1)
        self.parts.append('{' + inner)
        separator = encoder.item_separator + inner
        items = sorted(mapping.items()) if encoder.sort_keys else mapping.items()
        first = True
        for key, item in items:
            key = self._key(key)
            if key is None:
                continue
            if not first:
                self.parts.append(separator)
            first = False
            self.parts.append(encoder._string(key) + encoder.key_separator)
            self.value(item, level + 1)
        self.parts.append(self._newline(level) + '}')

    def _key(self, key):
        """The key as a str, or None when skipkeys drops it."""
        if isinstance(key, str):
            return key
        if isinstance(key, float):
            return self.encoder._float(key)
        if key is True:
            return 'true'
        if key is False:
            return 'false'
        if key is None:
            return 'null'
        if isinstance(key, int):
            return int.__repr__(key)
        if self.encoder.skipkeys:
            return None
        raise TypeError(f'keys must be str, int, float, bool or None, '
                        f'not {key.__class__.__name__}')
