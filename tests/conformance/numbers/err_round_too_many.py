# round() takes at most two arguments.
x = round(1, 2, 3)
