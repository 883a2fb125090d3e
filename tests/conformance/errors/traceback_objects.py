# exc.__traceback__ chains tb_next from the catching frame inward; __exit__ and sys.exc_info() receive it.
import sys
def inner():
    1 / 0
def outer():
    inner()
try:
    outer()
except ZeroDivisionError as e:
    tb = e.__traceback__
    lines = []
    while tb is not None:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print(lines, type(e.__traceback__).__name__, sys.exc_info()[2] is not None)
class CM:
    def __enter__(self): return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__, tb is not None, tb.tb_lineno)
        return True
with CM():
    raise KeyError("x")
print(ValueError().__traceback__)
