# Three-argument pow with an unsupported type.
x = pow(2, "a", 5)
