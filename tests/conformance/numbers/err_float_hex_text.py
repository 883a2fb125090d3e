# float() does not read hexadecimal.
x = float("0x1p3")
