# bool() takes no keyword arguments.
x = bool(x=1)
