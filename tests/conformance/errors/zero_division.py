x = 10
print("before")
print(x / (x - 10))
print("after")
