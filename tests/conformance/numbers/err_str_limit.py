# str() of an int over 4300 digits raises ValueError (the conversion limit).
x = 10 ** 4299
print(x % 9, x // 10 ** 4298)
s = str(x * 10)
