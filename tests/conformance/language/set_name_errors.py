# CPython 3.11 reports an exception raised by __set_name__ as the cause of a RuntimeError
# that names the descriptor's type, the attribute and the class being created.


class Refuses:
    def __set_name__(self, owner, name):
        raise TypeError(f"{name} is not welcome in {owner.__name__}")


class Records:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)


try:
    class Host:
        first = Records()
        bad = Refuses()
        never = Records()
except RuntimeError as exc:
    print(f"RuntimeError: {exc}")
    print(f"cause: {exc.__cause__!r}, suppressed context: {exc.__suppress_context__}")
