# hex() needs an integer.
x = hex(1.5)
