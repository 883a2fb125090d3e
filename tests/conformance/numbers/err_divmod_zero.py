# divmod() by zero.
print(divmod(7, 3))
x = divmod(7.0, 0)
