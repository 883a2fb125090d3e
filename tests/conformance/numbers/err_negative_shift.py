# Shifts by a negative count.
print(1 << 0, 2 ** 70 >> 0)
x = 2 ** 70 >> -1
