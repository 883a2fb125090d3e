items = 3
print(items < "4")
