# Rounding up past the largest double.
x = round(1.7976931348623157e308, -308)
