print("x", sep=3)
