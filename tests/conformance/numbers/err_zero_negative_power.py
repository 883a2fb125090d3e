# 0 ** -1 is a ZeroDivisionError, as for floats.
print(2 ** -1)
x = 0 ** -1
