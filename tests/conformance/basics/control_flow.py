# if/elif/else, while/else, break and continue, nested loops.
n = 0
total = 0
while n < 10:
    n += 1
    if n % 2 == 0:
        continue
    if n > 7:
        break
    total += n
else:
    print("not reached")
print(n, total)

i = 0
while i < 3:
    i = i + 1
else:
    print("loop finished normally", i)

grade = 73
if grade >= 90:
    print("A")
elif grade >= 80:
    print("B")
elif grade >= 70:
    print("C")
else:
    print("F")

row = 1
while row <= 3:
    col = 1
    line = ""
    while col <= row:
        line = line + "*"
        col += 1
    print(line)
    row += 1

count = 0
while True:
    count += 1
    if count == 5: break
print("count", count)

if 0: print("zero")
elif "": print("empty")
else: print("else branch"); print("same line")

a = b = c = 7
a += 1; b -= 1; c *= 2
print(a, b, c)
x = 10
x //= 3
x **= 2
x %= 5
x <<= 3
x |= 1
x ^= 2
x &= 0xff
x >>= 1
print(x)
f = 1.5
f /= 2
print(f)
pass
