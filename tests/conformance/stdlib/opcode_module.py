# The opcode module: CPython 3.11's instruction names, numbers, argument kinds, inline
# cache counts, and stack_effect() for every instruction and its error cases.
import opcode
import dis

print("HAVE_ARGUMENT", opcode.HAVE_ARGUMENT, "EXTENDED_ARG", opcode.EXTENDED_ARG)
print("cmp_op", opcode.cmp_op)
print("_nb_ops", opcode._nb_ops)
print("named", [(n, name) for n, name in enumerate(opcode.opname) if not name.startswith("<")])
print("unnamed sample", opcode.opname[3], opcode.opname[255], len(opcode.opname))
print("opmap size", len(opcode.opmap), sorted(opcode.opmap.items())[:5])
for kind in ("hasconst", "hasname", "hasjrel", "hasjabs", "haslocal", "hascompare", "hasfree", "hasnargs"):
    print(kind, getattr(opcode, kind))
print("caches", [(opcode.opname[n], c) for n, c in enumerate(opcode._inline_cache_entries) if c])
print("__all__", opcode.__all__)
print("dis re-exports", dis.opname is opcode.opname, dis.opmap is opcode.opmap, dis.cmp_op, dis.HAVE_ARGUMENT)


def effect(*args, **kwargs):
    try:
        return opcode.stack_effect(*args, **kwargs)
    except (ValueError, TypeError, OverflowError) as exc:
        return f"{type(exc).__name__}: {exc}"


for number, name in enumerate(opcode.opname):
    if number < opcode.HAVE_ARGUMENT:
        print(number, name, effect(number), effect(number, jump=True), effect(number, jump=False))
    else:
        row = [(arg, effect(number, arg), effect(number, arg, jump=True), effect(number, arg, jump=False))
               for arg in (0, 1, 2, 3, 4, 7, 8, 15, 259)]
        print(number, name, row)

print("-- errors")
for args, kwargs in [((1, 2), {}), ((100,), {}), ((100, "x"), {}), (("x",), {}), ((100, 1), {"jump": 1}),
                     ((1.5,), {}), ((2 ** 40,), {}), ((), {}), ((1, 2, 3), {}), ((300,), {}), ((300, 1), {}),
                     ((256, 0), {}), ((1,), {"foo": 1}), ((100, None), {"jump": None}), ((100, True), {}),
                     ((92, -5), {}), ((92, 2 ** 40), {})]:
    print(args, kwargs, effect(*args, **kwargs))
print(dis.stack_effect is opcode.stack_effect, dis.stack_effect(dis.opmap["FOR_ITER"], 0, jump=True))
