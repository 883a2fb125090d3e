# Base 0 follows literal rules: no leading zeros.
print(int("0", 0), int("0x10", 0))
n = int("010", 0)
