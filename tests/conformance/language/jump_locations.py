# Multi-line tests in if statements, while loops and comprehensions: where CPython 3.11
# puts the conditional jumps and the appends (the dis check compares this file's bytecode).
def pick(a, b):
    if (a
            and b):
        return 1
    x = [n for n in a
         if n
         > 2]
    y = [n for n in a
         if n and
         n > 1]
    z = {
        k: v
        for k, v in zip(a, a)
    }
    while (len(x) <
           0):
        pass
    return x, y, z


print(pick([1, 2, 3, 4], True))
