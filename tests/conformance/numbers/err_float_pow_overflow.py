# float ** float past the largest double.
print(2.0 ** 1000)
x = 2.0 ** 10000
