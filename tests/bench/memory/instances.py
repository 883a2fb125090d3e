# 1,000,000 instances of a two-attribute class, kept alive together.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


points = [Point(i, -i) for i in range(1_000_000)]
print(len(points), points[-1].x)
