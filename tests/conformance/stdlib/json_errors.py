# json errors with CPython's messages and positions: JSONDecodeError (msg, pos, lineno,
# colno) for every malformed input kind, and the encoder's TypeError/ValueError cases.
import json

bad_documents = [
    "", " ", "{", "[", "[1,", "[1 2]", '{"a" 1}', '{"a":}', "{a:1}", '{"a":1,}', "[1,]",
    '"abc', r'"a\qb"', r'"\u12"', r'"\u12zz"', '"a\nb"', "01", "-", "-x", "1.", "1e",
    "1.5e+", "tru", "nul", "[1] x", "\n\n  [1,\n  ]", '{"a":1 "b":2}', '{"a":1,"b"', "NaNx",
    "[-]", '"\\', '"abc\\"', '{"a":1}}', "\ufeff[]", "infinity", "-NaN", "[1,2", '{"a"',
    '{"a":', "1 2", '"\t"', '{"":1,', "[\n1,\n2\n,]", r'"\ud800\u12"', r'"\ud800\x"',
]
for document in bad_documents:
    try:
        json.loads(document)
    except json.JSONDecodeError as exc:
        print(repr(document), "->", exc, "|", exc.msg, exc.pos, exc.lineno, exc.colno)

try:
    json.loads('{"key": [1, 2,\n   oops]}')
except ValueError as exc:
    print(type(exc).__name__, isinstance(exc, ValueError), repr(exc), exc.doc[exc.pos:exc.pos + 4])
for value in (5, None, [1]):
    try:
        json.loads(value)
    except TypeError as exc:
        print("TypeError:", exc)

cycle = []
cycle.append(cycle)
mapping = {}
mapping["self"] = mapping
cases = [
    lambda: json.dumps({"a": {1, 2}}),
    lambda: json.dumps([object()]),
    lambda: json.dumps({(1, 2): 1}),
    lambda: json.dumps([float("nan")], allow_nan=False),
    lambda: json.dumps({"x": float("inf")}, allow_nan=False),
    lambda: json.dumps({1: 2, "a": 3}, sort_keys=True),
    lambda: json.dumps(cycle),
    lambda: json.dumps(mapping),
    lambda: json.dumps([1], bogus=True),
    lambda: json.dumps(object(), default=lambda o: o),
    lambda: json.JSONEncoder().default(3),
]
for case in cases:
    try:
        case()
    except (TypeError, ValueError) as exc:
        print(f"{type(exc).__name__}: {exc}")
