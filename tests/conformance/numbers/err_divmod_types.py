# divmod() of unsupported types.
x = divmod("a", 2)
