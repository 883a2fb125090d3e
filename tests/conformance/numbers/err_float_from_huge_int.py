# An int too large for a double.
print(float(2 ** 1023))
x = float(2 ** 1024)
