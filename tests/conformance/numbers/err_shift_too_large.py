# A shift count too large to represent.
print(0 << 10 ** 30, 5 >> 10 ** 30, -5 >> 10 ** 30)
x = 1 << 10 ** 30
