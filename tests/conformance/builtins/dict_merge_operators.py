# PEP 584: dict | dict makes a new dict, |= accepts anything update() accepts.
d = {"a": 1, "b": 2}
print(d | {"a": 0, "z": 26}, d)
d |= [("q", 9)]
print(d)
try:
    d | [("x", 1)]
except TypeError as e:
    print(e)
class Sub(dict): pass
print(type(Sub(a=1) | {}).__name__)
e = d
e |= {"w": 1}
print(e is d, d)
