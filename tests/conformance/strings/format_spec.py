# format(value, spec) for str, int and float: fill/align, sign, z, #, 0, width,
# grouping, precision and every presentation type, with CPython's errors.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

ivals = [0, 1, -1, 7, 255, -255, 12345678, -1234567, 10**20, -(10**25), 65]
ispecs = ["", "d", "5", "<5", ">5", "^7", "=8", "+", "-", " ", "+08", "08", "010,", ",", "_", "_x", "_b", "#x", "#X", "#o", "#b",
          "x", "X", "o", "b", "c", "n", "e", ".2e", "f", ".3f", "g", ".3g", "%", ".1%", "E", "G", "F", "*^12,", "0=+12_", "z",
          ".2", "s", "xx", ",x", "#010x", "-#10b", "=", "0<6", "★>6", "_n", ",c", "#c", "+c", "10c", "010", ",_", "_,", " #_o"]
for v in ivals:
    for sp in ispecs:
        show("format(" + repr(v) + ", " + repr(sp) + ")", lambda: format(v, sp))

fvals = [0.0, -0.0, 1.0, -1.5, 0.1, 1 / 3, 2 / 3, 1e16, 1e-5, 123456.789, -0.0001, 1e100, 1.5e-300, float("inf"), float("-inf"),
         float("nan"), 2.5, 3.5, 0.125, 12345678901234567890.0, 9.999, 99.99, 5e-324, 1.7976931348623157e308]
fspecs = ["", "f", ".0f", ".1f", ".2f", ".10f", "e", ".0e", ".3e", "E", "g", ".0g", ".1g", ".2g", ".3g", ".10g", "G", "#g",
          "#.3g", "#.0f", "#", ".3", ".1", "n", "%", ".0%", ".2%", "+", " ", "z", "z.1f", "+z.2f", "010", "010.3f", "<10",
          "^10.2", "=+12.3e", ",", ",.2f", "_.3f", "015,.2f", "x", "c", "d", "s", ".", "#.3", ".20g", ".17g", "r", "*<12.5g",
          ".30f", "#.0e", "_g"]
for v in fvals:
    for sp in fspecs:
        show("format(" + repr(v) + ", " + repr(sp) + ")", lambda: format(v, sp))

svals = ["", "a", "hello", "héllo", "中文"]
sspecs = ["", "s", "5", "<5", ">5", "^6", "*^7", ".2", "10.3", "05", "0>5", "=5", "+", " ", "-", "#", "z", ",", "_", "d",
          "x", "é^5", ".0", "xx", "^", "中<4", "99999999999999999999999"]
for v in svals:
    for sp in sspecs:
        show("format(" + repr(v) + ", " + repr(sp) + ")", lambda: format(v, sp))

print(format(1234567.891, ",.2f"), format(-1234567, "_"), format(0.000123, ".2e"), format(1e16), format(0.1, ""), format(3, ".2f"))
print(f"{3.14159:.2f}|{42:>6}|{'x':*^5}|{255:#06x}|{-0.0:z}|{1e-7:g}|{12345:,}")
