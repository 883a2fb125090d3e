# The modulus cannot be 0.
x = pow(2, 3, 0)
