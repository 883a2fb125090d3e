# dis's structured views: get_instructions (Instruction and Positions tuples), Bytecode,
# code_info/show_code, findlinestarts, findlabels, pretty_flags, the exception table,
# and the code-object attributes they read (co_code, co_lines(), co_positions(),
# co_linetable, co_exceptiontable, _varname_from_oparg, replace()).
import dis


class Sink:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


def scale(values, factor=2, *, offset=0):
    result = []
    for v in values:
        try:
            result.append(v * factor + offset)
        except TypeError:
            result.append(None)
    return result


def counter():
    count = 0

    def bump(step=1):
        nonlocal count
        count += step
        return count
    return bump


HERE = Sink.write.__code__.co_filename  # absolute under CPython: printed as <this file>


def here(text):
    return text.replace(HERE, "<this file>")


long_body = "def long_function(a):\n" + "".join(f"    a = a + {i} * a - {i}\n" for i in range(300)) + "    return a\n"
namespace = {}
exec(compile(long_body, "<long>", "exec"), namespace)
long_function = namespace["long_function"]

print("-- get_instructions")
for ins in dis.get_instructions(scale):
    print(ins)
for ins in dis.get_instructions(scale, first_line=100, show_caches=True):
    print(ins.offset, ins.opname, ins.arg, ins.argval, repr(ins.argrepr), ins.starts_line, ins.is_jump_target,
          tuple(ins.positions))
ins = next(iter(dis.get_instructions(scale)))
print(type(ins).__name__, ins._fields, ins.positions._fields, ins._disassemble(), ins._disassemble(5, True, 6))

print("-- Bytecode")
bc = dis.Bytecode(scale)
print([ins.opname for ins in bc][:8], bc.first_line - scale.__code__.co_firstlineno)
print(bc.dis(), end="")
print(dis.Bytecode(scale, current_offset=8).dis().splitlines()[3:6])
print(dis.Bytecode(scale, first_line=1).dis().splitlines()[:3])
print(dis.Bytecode("x + 1").dis(), end="")
print(repr(dis.Bytecode("x + 1")))
print(here(bc.info()))
print(here(dis.Bytecode(counter().__code__).info()))
print(dis.code_info("for i in j: pass"))
sink = Sink()
dis.show_code(counter(), file=sink)
print(here("".join(sink.parts)), end="")
print(dis.Bytecode(long_function).dis().splitlines()[-4:])

print("-- line and label tables")
print(list(dis.findlinestarts(scale.__code__)))
print(dis.findlabels(scale.__code__.co_code))
print(dis._parse_exception_table(scale.__code__))
print(list(scale.__code__.co_lines()))
print(list(scale.__code__.co_positions())[:12])
print(scale.__code__.co_linetable)
print(scale.__code__.co_exceptiontable)
print(scale.__code__.co_code == scale.__code__._co_code_adaptive, len(scale.__code__.co_code))
print(list(dis.findlinestarts(long_function.__code__))[-3:], len(long_function.__code__.co_linetable))
inner = counter().__code__
print([inner._varname_from_oparg(i) for i in range(len(inner.co_varnames) + len(inner.co_freevars))])

print("-- flags")
for flags in (0, 1, 3, 0x43, 0x23, 0x83, 0x200, 0x400, 0x20000, 0x100000000):
    print(hex(flags), dis.pretty_flags(flags))
print(dis.COMPILER_FLAG_NAMES)
print(dis.MAKE_FUNCTION_FLAGS, [name for _, name in dis.FORMAT_VALUE_CONVERTERS])

print("-- replace")
renamed = scale.__code__.replace(co_name="rescale", co_qualname="rescale", co_firstlineno=50)
print(renamed.co_name, renamed.co_qualname, renamed.co_firstlineno, list(dis.findlinestarts(renamed))[:3])
print(renamed.co_code == scale.__code__.co_code, renamed.co_consts == scale.__code__.co_consts)
same = scale.__code__.replace(co_linetable=scale.__code__.co_linetable,
                              co_exceptiontable=scale.__code__.co_exceptiontable)
print(list(same.co_positions()) == list(scale.__code__.co_positions()), dis._parse_exception_table(same))
swapped = scale.__code__.replace(co_consts=(None, 7))
print(swapped.co_consts)
for bad in (dict(co_name=1), dict(co_argcount="x"), dict(co_consts=[1]), dict(bogus=1), dict(co_code=b"\x00"),
            dict(co_names=(1,)), dict(co_varnames=("a",))):
    try:
        scale.__code__.replace(**bad)
    except Exception as exc:
        print(type(exc).__name__, exc)
try:
    scale.__code__.replace(1)
except TypeError as exc:
    print(exc)
