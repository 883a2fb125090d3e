# format() of bool: the empty spec gives str(True), and errors name 'bool'. Pending:
# int.__format__ (core/objects/int_methods.cpp) must pass the type name and handle "".
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

for spec in ["", "d", "5", "x", "s", "xx", ".2f", "c"]:
    show(repr(spec), lambda: (format(True, spec), format(False, spec)))
show("fstring", lambda: f"{True}|{False:>6}|{True:d}")
show("str.format", lambda: "{} {:d} {!r}".format(True, False, True))
