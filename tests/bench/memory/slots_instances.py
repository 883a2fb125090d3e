# The same 1,000,000 instances with __slots__: no per-instance __dict__.
class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


points = [Point(i, -i) for i in range(1_000_000)]
print(len(points), points[-1].x)
