# int() of something that is no number.
n = int(None)
