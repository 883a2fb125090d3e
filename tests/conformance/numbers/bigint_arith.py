# Arbitrary-precision int arithmetic: every operator at sizes past int64, with Python's
# floor-division and modulo signs, and results that shrink back to small ints.
a = 2 ** 64
b = -(3 ** 50)
c = 123456789012345678901234567890
print(a, b, c)
print(a + 1, a - 1, -a, +a, a * a, a * b)
print(9223372036854775807 + 1, -9223372036854775808 - 1, 9223372036854775807 * 2)
print(-9223372036854775808 // -1, -9223372036854775808 % -1, -(-9223372036854775808))
print(c // 7, c % 7, -c // 7, -c % 7, c // -7, c % -7, -c // -7, -c % -7)
print(c // a, c % a, b // a, b % a, a // b, a % b)
print(a // a, (a * a) // a == a, (a + 1) - a, a - a, a * 0)
print(c / 7, a / 3, b / a, 1 / a, a / -a, (10 ** 30) / (10 ** 10))
print(2 ** 100, (-2) ** 99, (-3) ** 40, 10 ** 20, 7 ** 0, 0 ** 0, 1 ** 1000, (-1) ** 1001)
print(2 ** -1, 2 ** -2, (-2) ** -3, 10 ** -5)
print(1 << 64, 1 << 100, -1 << 70, 5 << 62, 3 << 63, 0 << 1000)
print(a >> 1, a >> 64, a >> 65, a >> 1000, b >> 10, b >> 1000, -1 >> 100, c >> 30)
print(a & (a - 1), a | 1, a ^ (a + 5), b & 0xFFFF, b | 1, b ^ -1, ~a, ~b, b & a, -a & -a)
print(c & b, c | b, c ^ b, (-c) & (-b), (-c) | (-b), (-c) ^ b)
print(a > b, a < b, a == 2 ** 64, a != 2 ** 64, a >= a, b <= -(3 ** 50), a == b)
print(a > 5, 5 < a, -a < -5, b < 0, 0 > b, a == 18446744073709551616)
print(18446744073709551616, 0xFFFFFFFFFFFFFFFFFFFF, 0o7777777777777777777777777, 0b1_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000_0000)
print(1_000_000_000_000_000_000_000, 99999999999999999999)
x = 1
n = 0
while n < 100:
    x = x * 3
    n += 1
print(x, x % 1000000007, x // (3 ** 98))
f = 1
k = 1
while k <= 30:
    f *= k
    k += 1
print(f, f // 2 ** 26, f % 1000)
y = 2 ** 200
y -= 2 ** 200 - 5
five = 5
print(y, y is five, y + 0)
z = 2 ** 70
z //= 2 ** 69
two = 2
print(z, z is two)
print(True + 2 ** 64, (2 ** 64) * True, False - 2 ** 64)
print(int(2 ** 64) == 2 ** 64, -(2 ** 63), -(2 ** 63) - 1, 2 ** 63 - 1, 2 ** 63)
