# int() of text that is no number in base 10.
print(int(" 12 "))
n = int("12abc")
