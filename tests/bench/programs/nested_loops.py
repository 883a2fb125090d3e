# Nested loops with integer arithmetic: an integer matrix product modulo a prime, then
# a count of lattice points inside a circle. Measures range iteration, local variable
# access, list indexing and small-int *, +, % in tight inner loops.

N = 150
MOD = 1000003

a = [[(i * 31 + j * 17) % 97 for j in range(N)] for i in range(N)]
b = [[(i * 13 + j * 7 + 5) % 89 for j in range(N)] for i in range(N)]


def matmul(x, y, n):
    out = []
    for i in range(n):
        row_x = x[i]
        row = []
        for j in range(n):
            acc = 0
            for k in range(n):
                acc += row_x[k] * y[k][j]
            row.append(acc % MOD)
        out.append(row)
    return out


def lattice_points(r):
    count = 0
    r2 = r * r
    for x in range(-r, r + 1):
        for y in range(-r, r + 1):
            if x * x + y * y <= r2:
                count += 1
    return count


c = matmul(a, b, N)
trace = 0
for i in range(N):
    trace = (trace + c[i][i] * (i + 1)) % MOD
print("matmul trace:", trace, "lattice:", lattice_points(900))
