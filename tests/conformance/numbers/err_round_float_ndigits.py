# ndigits must be an integer.
x = round(5, 1.0)
