# Underscores must sit between digits.
print(float("1_0"))
x = float("1__0")
