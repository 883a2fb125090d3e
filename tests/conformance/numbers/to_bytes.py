# int.to_bytes and int.from_bytes: byte orders (big by default), signed values, bytes,
# bytearray and iterables as sources, round trips, and the argument errors.
print((5).to_bytes(), (5).to_bytes(2), (5).to_bytes(2, "little"), (-1).to_bytes(1, signed=True))
print((2 ** 70).to_bytes(9, "big"), (0).to_bytes(0), (-128).to_bytes(1, "big", signed=True))
print(int.from_bytes(b"\x01\x00"), int.from_bytes(b"\xff\xff", "little", signed=True), int.from_bytes(bytearray(b"\x7f")))
n = 2 ** 100 - 12345
print(int.from_bytes(n.to_bytes(13, "little"), "little") == n, int.from_bytes((-n).to_bytes(14, "big", signed=True), signed=True) == -n)

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

show("middle", lambda: (1).to_bytes(1, "middle"))
show("too big", lambda: (256).to_bytes(1, "big"))
show("signed too big", lambda: (128).to_bytes(1, "big", signed=True))
show("signed fits", lambda: (-129).to_bytes(2, "little", signed=True))
show("negative unsigned", lambda: (-1).to_bytes(1, "big"))
show("negative length", lambda: (1).to_bytes(-1, "big"))
show("byteorder type", lambda: (1).to_bytes(1, 5))
show("from str", lambda: int.from_bytes("ab", "big"))
show("from int", lambda: int.from_bytes(1, "big"))
show("from list", lambda: int.from_bytes([1, 2], "little"))
show("from bad list", lambda: int.from_bytes([256], "little"))
show("bool subclass", lambda: bool.from_bytes(b"\x01", "big"))
show("zero length", lambda: ((0).to_bytes(0), (-1).to_bytes(0, signed=True)))
