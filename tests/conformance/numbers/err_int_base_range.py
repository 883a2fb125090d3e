# The base must be 0 or 2..36.
n = int("5", 37)
