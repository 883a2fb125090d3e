# A negative exponent with a modulus needs an inverse.
print(pow(3, -1, 7))
x = pow(2, -1, 4)
