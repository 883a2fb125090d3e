# Pending: int.to_bytes needs the bytes type (today it checks its arguments, then raises
# NotImplementedError), and int.from_bytes should also accept bytes and bytearray.
print((5).to_bytes(), (5).to_bytes(2), (5).to_bytes(2, "little"), (-1).to_bytes(1, signed=True))
print((2 ** 70).to_bytes(9, "big"), (0).to_bytes(0), (-128).to_bytes(1, "big", signed=True))
print(int.from_bytes(b"\x01\x00"), int.from_bytes(b"\xff\xff", "little", signed=True), int.from_bytes(bytearray(b"\x7f")))
n = 2 ** 100 - 12345
print(int.from_bytes(n.to_bytes(13, "little"), "little") == n, int.from_bytes((-n).to_bytes(14, "big", signed=True), signed=True) == -n)
