a = 7
b = 0
r = a % b
