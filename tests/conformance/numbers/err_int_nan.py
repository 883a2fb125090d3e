# int(nan) is a ValueError.
n = int(float("nan"))
