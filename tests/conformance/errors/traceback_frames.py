def inner(x):
    return 10 / x

def middle(x):
    y = inner(x)
    return y

class Box:
    def get(self):
        return middle(0)

print("start")
Box().get()
