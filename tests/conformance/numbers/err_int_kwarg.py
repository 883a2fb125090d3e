# int() takes x positionally only.
x = int(x=5)
