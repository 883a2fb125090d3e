# try/except* and exception groups (PEP 654).
import sys


def many():
    raise ExceptionGroup("batch", [ValueError("v1"), TypeError("t1"), ValueError("v2"),
                                   ExceptionGroup("nested", [KeyError("k1"), ValueError("v3")])])


try:
    many()
except* ValueError as group:
    print("ValueErrors:", repr(group))
    print("exc_info is the match:", sys.exc_info()[1] is group)
except* (TypeError, KeyError) as group:
    print("Type/Key:", group.message, [repr(e) for e in group.exceptions])
else:
    print("no else")

try:
    try:
        many()
    except* TypeError:
        print("handled only the TypeError")
except ExceptionGroup as rest:
    print("rest re-raised:", repr(rest))

# A naked exception is wrapped in a group.
try:
    raise KeyError("plain")
except* KeyError as g:
    print("wrapped:", repr(g), type(g).__name__)

# Raising inside a handler: the new exception and the unhandled rest travel together.
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("inside")
except BaseException as e:
    print("raised in handler:", repr(e))
    print("context of KeyError:", repr(e.exceptions[0].__context__))

# A bare raise re-raises the matched part, keeping the original's shape.
try:
    try:
        raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [ValueError(2), OSError(3)])])
    except* ValueError:
        raise
except ExceptionGroup as e:
    print("re-raised:", repr(e))

# finally and else still run.
def run(exc):
    try:
        if exc:
            raise exc
    except* ValueError:
        print("  caught ValueError")
    else:
        print("  else")
    finally:
        print("  finally")


run(None)
run(ValueError())
try:
    run(TypeError("t"))
except TypeError as e:
    print("escaped unwrapped:", repr(e))

# Invalid except* types.
for bad in (ExceptionGroup, (ValueError, BaseExceptionGroup), int):
    try:
        try:
            raise ValueError(1)
        except* bad:
            pass
    except TypeError as e:
        print("TypeError:", e)

# split/subgroup/derive and construction rules.
eg = ExceptionGroup("top", [ValueError("a"), ExceptionGroup("sub", [ValueError("b"), OSError("c")])])
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(eg.split(lambda e: False), eg.subgroup(ValueError))
print(eg.split(ExceptionGroup))
print(repr(eg.derive([KeyError()])), str(eg))
try:
    eg.split(3)
except TypeError as e:
    print("TypeError:", e)
for make in [lambda: ExceptionGroup("empty", []), lambda: ExceptionGroup("x", [1]),
             lambda: ExceptionGroup(1, [ValueError()]), lambda: ExceptionGroup("x", 5),
             lambda: ExceptionGroup("x"), lambda: ExceptionGroup("x", [KeyboardInterrupt()]),
             lambda: BaseExceptionGroup("x", [ValueError()]), lambda: BaseExceptionGroup("x", [KeyboardInterrupt()])]:
    try:
        r = make()
        print("ok", type(r).__name__, repr(r))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "!", excs)


m, r = MyGroup("mine", [ValueError(1), TypeError(2)]).split(ValueError)
print(type(m).__name__, repr(m), repr(r))
print([c.__name__ for c in ExceptionGroup.__mro__])

# 'break', 'continue' and 'return' cannot appear in an except* block.
try:
    compile("for x in y:\n    try:\n        pass\n    except* E:\n        break\n", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
