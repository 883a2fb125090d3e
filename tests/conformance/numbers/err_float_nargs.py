# float() takes at most one argument.
x = float(1, 2)
