# chr, ord, format and ascii built-ins.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

show("chr ord", lambda: (chr(65), chr(233), chr(0x4e2d), chr(0x1F600), ord("A"), ord("é"), ord("中"), ord("😀"), chr(0), ord("\x00")))
show("roundtrip", lambda: [ord(chr(i)) == i for i in (0, 127, 128, 255, 256, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF)])
show("chr bool", lambda: chr(True))
show("chr range", lambda: chr(0x110000))
show("chr neg", lambda: chr(-1))
show("chr str", lambda: chr("a"))
show("chr float", lambda: chr(65.0))
show("chr big", lambda: chr(2**40))
show("chr none", lambda: chr())
show("chr kw", lambda: chr(i=65))
show("ord long", lambda: ord("ab"))
show("ord empty", lambda: ord(""))
show("ord int", lambda: ord(1))
show("ord none", lambda: ord())
show("format", lambda: (format(3.5, "08.3f"), format(42), format("x", "^5"), format(255, "#x"), format(1234567, ","), format(0.5, "%")))
show("format defaults", lambda: (format(None), format([1, 2]), format(2.0), format("s"), format(-7)))
show("format bad", lambda: format(1, 2))
show("format none spec", lambda: format(1, None))
show("format obj", lambda: format(object(), "x"))
show("format many", lambda: format(1, "d", 3))
show("format noargs", lambda: format())

class Fmt:
    def __format__(self, spec):
        return "Fmt(" + spec + ")"
class BadFmt:
    def __format__(self, spec):
        return 5
show("format custom", lambda: (format(Fmt()), format(Fmt(), "abc"), "{:xyz}".format(Fmt()), f"{Fmt():q}"))
show("format bad return", lambda: format(BadFmt()))
show("ascii", lambda: (ascii("é"), ascii(["ü", 1]), ascii("a\n"), ascii(1.5), ascii("\U0001F600"), ascii("\u20ac"), ascii("plain")))
show("ascii none", lambda: ascii())
