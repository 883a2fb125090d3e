# Mixing a huge int with a float converts the int first.
print(2 ** 1000 * 1.5)
x = 2 ** 2000 * 1.5
