# Float arithmetic, escape-time Mandelbrot set on a character grid: complex arithmetic
# written out with float pairs in a while loop. Measures float *, +, - and comparisons
# with frequent loop exits, plus building the picture rows as strings.


def mandel_row(y0, width, max_iter):
    chars = " .:-=+*#%@"
    row = []
    escaped = 0
    for col in range(width):
        cr = -2.2 + 3.0 * col / width
        ci = y0
        zr = zi = 0.0
        n = 0
        while n < max_iter:
            zr2 = zr * zr
            zi2 = zi * zi
            if zr2 + zi2 > 4.0:
                break
            zi = 2.0 * zr * zi + ci
            zr = zr2 - zi2 + cr
            n += 1
        escaped += n
        row.append(chars[n % 10] if n < max_iter else "@")
    return "".join(row), escaped


W, H, ITER = 300, 150, 400
total = 0
checksum = 0
for r in range(H):
    line, esc = mandel_row(-1.2 + 2.4 * r / H, W, ITER)
    total += esc
    for i in range(len(line)):
        checksum = (checksum * 7 + ord(line[i])) % 1000000007
print("iterations", total, "checksum", checksum)
