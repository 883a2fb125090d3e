# json.dumps/dump: every JSON type, subclasses of the basic types (IntEnum, str and float
# subclasses), key conversion, indent (int, str, 0), separators, sort_keys, ensure_ascii,
# skipkeys, default=, a JSONEncoder subclass, and dump() to any object with write().
import json
from enum import IntEnum, StrEnum


class Level(IntEnum):
    LOW = 1


class Tone(StrEnum):
    SOFT = "soft"


class Money(float):
    def __repr__(self):
        return "Money!"


class Tag(str):
    def __str__(self):
        return "Tag!"


data = {"b": [1, 2.5, True, None, "x"], "a": {"nested": ()}, 3: "int key", 1.5: "float",
        True: "bool", None: "none"}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps([1, [2, [3, {}], []], {"k": {}}], indent="\t"))
print(json.dumps([1, {"a": 2}], indent=0))
print(json.dumps([1, 2], indent=True), json.dumps([1], indent=-1))
print(json.dumps({"b": 1, "a": [1, 2]}, sort_keys=True, separators=(",", ":")))
print(json.dumps({"b": 1, "a": 2}, indent=2, separators=(", ", " = ")))
print(json.dumps({"z": {"y": 1, "x": 2}, "a": None}, sort_keys=True, indent=1))
print(json.dumps(["é", "日本", "😀", "\x00\x1f\x7f", "\"\\/\b\f\n\r\t", "\ud800"]))
print(json.dumps(["é", "日本", "😀", "\x00\x1f\x7f", "\"\\/\b\f\n\r\t"], ensure_ascii=False))
print(json.dumps([1e22, 1e-7, 0.1, -0.0, 3.0, 1e16, 123456789.123456789, 2 ** 100, -5]))
print(json.dumps([float("nan"), float("inf"), -float("inf")]))
print(json.dumps([Level.LOW, Tone.SOFT, Money(2.5), Tag("t"), (1, 2), True, False]))
print(json.dumps({Level.LOW: 1, Tag("k"): 2, Money(1.5): 3, Tone.SOFT: 4}))
print(json.dumps({(1, 2): 1, "a": 2}, skipkeys=True))
print(json.dumps("plain"), json.dumps(None), json.dumps(5), json.dumps([]), json.dumps({}),
      json.dumps({}, indent=2), json.dumps([[]], indent=2))
shared = [1]
print(json.dumps([shared, shared]), json.dumps({"s": {3, 1, 2}}, default=sorted))
print(json.dumps(object(), default=lambda o: "an object"))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y


class PointEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"x": o.x, "y": o.y}
        return super().default(o)


print(json.dumps([Point(1, 2)], cls=PointEncoder), PointEncoder(indent=1).encode([Point(0, 0)]))
print("".join(json.JSONEncoder(sort_keys=True).iterencode({"b": [1, 2], "a": 0})))
print(json.JSONEncoder().item_separator, json.JSONEncoder(indent=2).item_separator + "|")


class Collector:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


out = Collector()
json.dump({"a": [1, 2, {"b": None}]}, out)
print("".join(out.parts))
out = Collector()
json.dump({"a": [1, 2]}, out, indent=2, sort_keys=True)
print("".join(out.parts))
print(json.loads(json.dumps(data)) == {"b": [1, 2.5, True, None, "x"], "a": {"nested": []},
                                        "3": "int key", "1.5": "float", "true": "bool", "null": "none"})
