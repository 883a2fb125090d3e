# Three-argument pow is for ints only.
x = pow(2.0, 3, 5)
