def risky(n):
    try:
        if n == 0:
            raise ValueError("zero")
        result = 10 // n
    except ValueError as exc:
        print("caught", exc)
        return -1
    except ZeroDivisionError:
        return -2
    else:
        return result
    finally:
        print("finally", n)

for n in (0, 2):
    print(risky(n))

class Managed:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None)
        return True

with Managed() as m:
    raise KeyError("k")
print("after with")

while True:
    try:
        break
    finally:
        print("cleanup")

def gen_total(items):
    total = 0
    for item in items:
        if item < 0:
            continue
        if item > 100:
            break
        total += item
    else:
        print("no break")
    return total

print(gen_total([1, -2, 3]), gen_total([1, 200, 3]))
assert gen_total([]) == 0, "empty"
lam = lambda a, *, b=2: a * b
print(lam(3), lam(3, b=4))
print(sorted if False else "ok")
