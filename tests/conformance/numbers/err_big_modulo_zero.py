# Modulo by zero with a big dividend.
x = 2 ** 70 % 0
