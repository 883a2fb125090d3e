# round(inf) to an int.
print(round(float("inf"), 1))
x = round(float("inf"))
