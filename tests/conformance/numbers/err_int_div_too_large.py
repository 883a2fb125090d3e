# int / int too large for a double.
print(10 ** 400 / 10 ** 100)
x = 10 ** 400 / 3
