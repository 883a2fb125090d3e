# float() of something that is no number.
x = float(None)
