# json for Terrarium: dumps/dump and loads/load over json.encoder and json.decoder.
# Written from the Python 3.11 json documentation. Omits the C accelerator (all of it is
# Python) and json.tool; bytes input is decoded as the documentation describes.

from .decoder import JSONDecodeError, JSONDecoder
from .encoder import JSONEncoder

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecoder', 'JSONDecodeError',
           'JSONEncoder']

_default_encoder = JSONEncoder()
_default_decoder = JSONDecoder()


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    """Serialize obj to a JSON formatted str."""
    if (not skipkeys and ensure_ascii and check_circular and allow_nan and cls is None
            and indent is None and separators is None and default is None
            and not sort_keys and not kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
               allow_nan=allow_nan, indent=indent, separators=separators, default=default,
               sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
         cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    """Serialize obj as JSON to fp, anything with a write(str) method."""
    if cls is None:
        cls = JSONEncoder
    encoder = cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii, check_circular=check_circular,
                  allow_nan=allow_nan, indent=indent, separators=separators, default=default,
                  sort_keys=sort_keys, **kw)
    for chunk in encoder.iterencode(obj):
        fp.write(chunk)


# Byte-order marks as byte values (longest first, so UTF-32's wins over UTF-16's).
_BOMS = (((0xEF, 0xBB, 0xBF), 'utf-8-sig'), ((0xFF, 0xFE, 0, 0), 'utf-32'),
         ((0, 0, 0xFE, 0xFF), 'utf-32'), ((0xFF, 0xFE), 'utf-16'), ((0xFE, 0xFF), 'utf-16'))


def detect_encoding(b):
    """The encoding of JSON bytes: from a byte-order mark, else from where the zero bytes
    fall around the first (necessarily ASCII) characters."""
    head = list(b[:4])
    for bom, encoding in _BOMS:
        if tuple(head[:len(bom)]) == bom:
            return encoding
    if len(head) == 4:
        if not head[0]:
            return 'utf-16-be' if head[1] else 'utf-32-be'
        if not head[1]:
            return 'utf-16-le' if head[2] or head[3] else 'utf-32-le'
    elif len(head) == 2:
        if not head[0]:
            return 'utf-16-be'
        if not head[1]:
            return 'utf-16-le'
    return 'utf-8'


def _binary_types():
    # Looked up when needed: a build may not have the bytes types (then only str is read).
    import builtins
    return tuple(getattr(builtins, name) for name in ('bytes', 'bytearray')
                 if hasattr(builtins, name))


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize s (a str, bytes or bytearray holding a JSON document)."""
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', s, 0)
    else:
        if not isinstance(s, _binary_types()):
            raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                            f'not {s.__class__.__name__}')
        s = s.decode(detect_encoding(s), 'surrogatepass')
    if (cls is None and object_hook is None and parse_int is None and parse_float is None
            and parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw['object_hook'] = object_hook
    if object_pairs_hook is not None:
        kw['object_pairs_hook'] = object_pairs_hook
    if parse_float is not None:
        kw['parse_float'] = parse_float
    if parse_int is not None:
        kw['parse_int'] = parse_int
    if parse_constant is not None:
        kw['parse_constant'] = parse_constant
    return cls(**kw).decode(s)


def load(fp, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
         parse_constant=None, object_pairs_hook=None, **kw):
    """Deserialize the JSON document read from fp, anything with a read() method."""
    return loads(fp.read(), cls=cls, object_hook=object_hook, parse_float=parse_float,
                 parse_int=parse_int, parse_constant=parse_constant,
                 object_pairs_hook=object_pairs_hook, **kw)
