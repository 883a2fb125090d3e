# int(inf) is an OverflowError.
n = int(float("-inf"))
