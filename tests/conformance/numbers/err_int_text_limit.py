# int() of text over 4300 decimal digits raises ValueError naming the digit count.
print(int("9" * 4300) % 10)
print(int("1" * 5000, 16) % 10)
n = int("1" * 4301)
