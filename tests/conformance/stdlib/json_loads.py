# json.loads/load: the full grammar (whitespace, escapes, surrogate pairs, numbers, the
# NaN/Infinity extensions), hooks (object_hook, object_pairs_hook, parse_float, parse_int,
# parse_constant), strict=False, raw_decode, and load() from any object with read().
import json

print(json.loads('{"x" : [ true , false , null ] , "y": {}, "z": []}'))
print(json.loads(' \n\t[1, -2, 3.5, -0.0, 1e3, 1E-2, 2.5e+2, 0, 12345678901234567890123]\r\n'))
print(json.loads('[1e400, -1e400, 1e-400]'), json.loads("[NaN, Infinity, -Infinity]"))
print(repr(json.loads(r'"\/\b\f\n\r\t\\\" \u00e9\u00E9 \ud83d\ude00 \ud83dx \ude00\ud83d \u0041"')))
print(repr(json.loads('"\x7f\x80é日本"')), json.loads('"\\ud800"') == "\ud800")
print(json.loads('{"a": 1, "a": 2}'), json.loads('"only a string"'), json.loads("  42  "))
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "b": {"c": 2}}', object_pairs_hook=list))
print(json.loads('{"a": 1}', object_hook=lambda d: "hook", object_pairs_hook=lambda p: "pairs"))
print(json.loads("[1, 2.5]", parse_float=str, parse_int=lambda text: int(text) * 2))
print(json.loads("[NaN, -Infinity]", parse_constant=lambda name: name.lower()))
print(repr(json.loads('"a\x01b\tc"', strict=False)))
decoder = json.JSONDecoder()
print(decoder.decode('{"k": [1]}'), decoder.raw_decode('[1, 2] trailing'), decoder.raw_decode('xx"s"', 2))


class Source:
    def read(self):
        return '{"z": [1, 2], "ok": true}'


print(json.load(Source()), json.load(Source(), object_pairs_hook=dict))
nested = "[" * 50 + "]" * 50
print(len(json.dumps(json.loads(nested))))
