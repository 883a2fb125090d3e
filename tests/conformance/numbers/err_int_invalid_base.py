# A digit outside the base.
print(int("11", 2))
n = int("12", 2)
