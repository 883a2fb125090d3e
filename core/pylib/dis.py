# dis for Terrarium: CPython 3.11's disassembler, written from its documentation and its
# observable output (the text must match python3.11 byte for byte).
# The instruction tables come from `opcode`, itself built from core/bytecode/opcodes.def.
# `terrarium dis FILE` prints the same text from C++ (core/bytecode/dis.cpp) without
# this module; tests/dis/compare.py checks that the two agree.
# Omits: distb() needs frame objects (tb_frame), which Terrarium does not have yet;
# adaptive=True shows the same bytecode as adaptive=False (we never specialise).

import sys
import types
import collections

from opcode import *
from opcode import __all__ as _opcode_all, _inline_cache_entries, _nb_ops

__all__ = ["code_info", "dis", "disassemble", "distb", "disco",
           "findlinestarts", "findlabels", "show_code",
           "get_instructions", "Instruction", "Bytecode"] + _opcode_all
del _opcode_all

LOAD_CONST = opmap['LOAD_CONST']
LOAD_GLOBAL = opmap['LOAD_GLOBAL']
BINARY_OP = opmap['BINARY_OP']
JUMP_BACKWARD = opmap['JUMP_BACKWARD']
FORMAT_VALUE = opmap['FORMAT_VALUE']
MAKE_FUNCTION = opmap['MAKE_FUNCTION']
CACHE = opmap['CACHE']

FORMAT_VALUE_CONVERTERS = ((None, ''), (str, 'str'), (repr, 'repr'), (ascii, 'ascii'))
MAKE_FUNCTION_FLAGS = ('defaults', 'kwdefaults', 'annotations', 'closure')

# Names of the co_flags bits (inspect reads this too). CPython: Include/cpython/code.h.
COMPILER_FLAG_NAMES = {
    1: "OPTIMIZED", 2: "NEWLOCALS", 4: "VARARGS", 8: "VARKEYWORDS", 16: "NESTED",
    32: "GENERATOR", 64: "NOFREE", 128: "COROUTINE", 256: "ITERABLE_COROUTINE",
    512: "ASYNC_GENERATOR",
}

_OPNAME_WIDTH = 20
_OPARG_WIDTH = 5


def pretty_flags(flags):
    """Return pretty representation of code flags."""
    names = []
    for bit in range(32):
        flag = 1 << bit
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                return ", ".join(names)
    # Bits above 31 (or no bits at all) are shown as one hex number at the end.
    names.append(hex(flags))
    return ", ".join(names)


class _Unknown:
    def __repr__(self):
        return "<unknown>"


# The value of an argument dis cannot work out (a KW_NAMES constant, for instance).
UNKNOWN = _Unknown()

Positions = collections.namedtuple(
    'Positions', ['lineno', 'end_lineno', 'col_offset', 'end_col_offset'], defaults=[None] * 4)

_Instruction = collections.namedtuple(
    '_Instruction',
    ['opname', 'opcode', 'arg', 'argval', 'argrepr', 'offset', 'starts_line',
     'is_jump_target', 'positions'],
    defaults=[None])

_ExceptionTableEntry = collections.namedtuple('_ExceptionTableEntry', 'start end target depth lasti')


class Instruction(_Instruction):
    """Details for a bytecode operation: opname, opcode, arg, argval, argrepr, offset,
    starts_line, is_jump_target and positions."""

    def _disassemble(self, lineno_width=3, mark_as_current=False, offset_width=4):
        """One line of dis output: line number, current marker, jump marker, offset,
        name, argument and its meaning."""
        fields = []
        if lineno_width:
            if self.starts_line is None:
                fields.append(' ' * lineno_width)
            else:
                fields.append(str(self.starts_line).rjust(lineno_width))
        fields.append('-->' if mark_as_current else '   ')
        fields.append('>>' if self.is_jump_target else '  ')
        fields.append(repr(self.offset).rjust(offset_width))
        fields.append(self.opname.ljust(_OPNAME_WIDTH))
        if self.arg is not None:
            fields.append(repr(self.arg).rjust(_OPARG_WIDTH))
            if self.argrepr:
                fields.append('(' + self.argrepr + ')')
        return ' '.join(fields).rstrip()


# ---- finding the code object ------------------------------------------------------------

def _try_compile(source, name):
    """Compile source as an expression if it is one, else as statements."""
    try:
        return compile(source, name, 'eval')
    except SyntaxError:
        return compile(source, name, 'exec')


def _unwrap(x):
    """The code-bearing object behind a method, function, generator or coroutine."""
    if hasattr(x, '__func__'):
        x = x.__func__
    for attr in ('__code__', 'gi_code', 'ag_code', 'cr_code'):
        if hasattr(x, attr):
            return getattr(x, attr)
    return x


def _get_code_object(x):
    x = _unwrap(x)
    if isinstance(x, str):
        x = _try_compile(x, "<disassembly>")
    if hasattr(x, 'co_code'):
        return x
    raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def _get_code_array(co, adaptive):
    return co._co_code_adaptive if adaptive else co.co_code


# ---- reading the bytecode -----------------------------------------------------------------

def _unpack_opargs(code):
    """(offset, opcode, arg) per instruction; arg None for opcodes below HAVE_ARGUMENT.
    EXTENDED_ARG prefixes are yielded too and widen the next argument; caches are skipped.
    The argument wraps like CPython's 32-bit C int."""
    extended = 0
    skip = 0
    for offset in range(0, len(code), 2):
        if skip:
            skip -= 1
            continue
        op = code[offset]
        skip = _inline_cache_entries[op]
        if op < HAVE_ARGUMENT:
            arg = None
            extended = 0
        else:
            arg = code[offset + 1] | extended
            extended = arg << 8 if op == EXTENDED_ARG else 0
            if extended >= 2 ** 31:
                extended -= 2 ** 32
        yield offset, op, arg


def _is_backward_jump(op):
    return 'JUMP_BACKWARD' in opname[op]


def _jump_target(offset, op, arg):
    return offset + 2 + 2 * (-arg if _is_backward_jump(op) else arg)


def findlabels(code):
    """Detect all offsets in a byte code which are jump targets.

    Return the list of offsets.
    """
    labels = []
    for offset, op, arg in _unpack_opargs(code):
        if arg is None:
            continue
        if op in hasjrel:
            label = _jump_target(offset, op, arg)
        elif op in hasjabs:
            label = 2 * arg
        else:
            continue
        if label not in labels:
            labels.append(label)
    return labels


def findlinestarts(code):
    """Find the offsets in a byte code which are start of lines in the source.

    Generate pairs (offset, lineno)
    """
    previous = None
    for start, _end, line in code.co_lines():
        if line is not None and line != previous:
            previous = line
            yield start, line


def _parse_varint(iterator):
    """One exception-table number: 6-bit groups, most significant first, bit 6 = more."""
    byte = next(iterator)
    value = byte & 63
    while byte & 64:
        byte = next(iterator)
        value = (value << 6) | (byte & 63)
    return value


def _parse_exception_table(code):
    """co_exceptiontable as entries with byte offsets: (start, end, target, depth, lasti)."""
    entries = []
    data = iter(code.co_exceptiontable)
    while True:
        try:
            start = 2 * _parse_varint(data)
        except StopIteration:
            return entries
        length = 2 * _parse_varint(data)
        target = 2 * _parse_varint(data)
        depth_and_lasti = _parse_varint(data)
        entries.append(_ExceptionTableEntry(start, start + length, target,
                                            depth_and_lasti >> 1, bool(depth_and_lasti & 1)))


def _get_const_value(op, arg, co_consts):
    """The constant a hasconst instruction refers to: only LOAD_CONST's is known."""
    if op == LOAD_CONST and co_consts is not None:
        return co_consts[arg]
    return UNKNOWN


def _describe_arg(op, arg, offset, varname_from_oparg, get_name, co_consts):
    """(argval, argrepr) for an instruction with an argument."""
    if op in hasconst:
        value = _get_const_value(op, arg, co_consts)
        return value, ('' if value is UNKNOWN else repr(value))
    if op in hasname:
        index = arg >> 1 if op == LOAD_GLOBAL else arg
        if get_name is None:
            return UNKNOWN, ''
        name = get_name(index)
        if op == LOAD_GLOBAL and arg & 1 and name:
            return name, "NULL + " + name
        return name, name
    if op in hasjabs:
        return 2 * arg, "to %r" % (2 * arg,)
    if op in hasjrel:
        target = _jump_target(offset, op, arg)
        return target, "to %r" % (target,)
    if op in haslocal or op in hasfree:
        if varname_from_oparg is None:
            return UNKNOWN, ''
        name = varname_from_oparg(arg)
        return name, name
    if op in hascompare:
        return cmp_op[arg], cmp_op[arg]
    if op == FORMAT_VALUE:
        converter, text = FORMAT_VALUE_CONVERTERS[arg & 0x3]
        with_spec = bool(arg & 0x4)
        if with_spec:
            text = text + ', with format' if text else 'with format'
        return (converter, with_spec), text
    if op == MAKE_FUNCTION:
        return arg, ', '.join(flag for bit, flag in enumerate(MAKE_FUNCTION_FLAGS) if arg & (1 << bit))
    if op == BINARY_OP:
        return arg, _nb_ops[arg][1]
    return arg, ''


def _get_instructions_bytes(code, varname_from_oparg=None, names=None, co_consts=None,
                            linestarts=None, line_offset=0, exception_entries=(),
                            co_positions=None, show_caches=False):
    """Instruction tuples for raw bytecode; the other arguments supply what the
    arguments mean. co_positions yields one position per code unit, caches included."""
    positions = co_positions or iter(())
    get_name = None if names is None else names.__getitem__
    labels = set(findlabels(code))
    for start, end, target, _depth, _lasti in exception_entries:
        if start < end:
            labels.add(target)
    for offset, op, arg in _unpack_opargs(code):
        starts_line = None
        if linestarts is not None:
            starts_line = linestarts.get(offset)
            if starts_line is not None:
                starts_line += line_offset
        argval, argrepr = None, ''
        if arg is not None:
            argval, argrepr = _describe_arg(op, arg, offset, varname_from_oparg, get_name, co_consts)
        yield Instruction(opname[op], op, arg, argval, argrepr, offset, starts_line,
                          offset in labels, Positions(*next(positions, ())))
        for cache_offset in range(offset + 2, offset + 2 + 2 * _inline_cache_entries[op], 2):
            position = Positions(*next(positions, ()))
            if show_caches:
                # Caches of unspecialised code hold nothing worth naming.
                yield Instruction("CACHE", CACHE, 0, None, '', cache_offset, None, False, position)


# ---- printing --------------------------------------------------------------------------------

def _disassemble_bytes(code, lasti=-1, varname_from_oparg=None, names=None, co_consts=None,
                       linestarts=None, *, file=None, line_offset=0, exception_entries=(),
                       co_positions=None, show_caches=False):
    lineno_width = 0
    if linestarts:
        last_line = max(linestarts.values()) + line_offset
        lineno_width = len(str(last_line)) if last_line >= 1000 else 3
    last_offset = len(code) - 2
    offset_width = len(str(last_offset)) if last_offset >= 10000 else 4
    for instr in _get_instructions_bytes(code, varname_from_oparg, names, co_consts, linestarts,
                                         line_offset=line_offset, exception_entries=exception_entries,
                                         co_positions=co_positions, show_caches=show_caches):
        # A blank line before each new source line, except the first.
        if lineno_width and instr.starts_line is not None and instr.offset > 0:
            print(file=file)
        print(instr._disassemble(lineno_width, instr.offset == lasti, offset_width), file=file)
    if exception_entries:
        print("ExceptionTable:", file=file)
        for entry in exception_entries:
            lasti_mark = " lasti" if entry.lasti else ""
            print(f"  {entry.start} to {entry.end - 2} -> {entry.target} [{entry.depth}]{lasti_mark}",
                  file=file)


def disassemble(co, lasti=-1, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a code object."""
    _disassemble_bytes(_get_code_array(co, adaptive), lasti, co._varname_from_oparg,
                       co.co_names, co.co_consts, dict(findlinestarts(co)), file=file,
                       exception_entries=_parse_exception_table(co),
                       co_positions=co.co_positions(), show_caches=show_caches)


disco = disassemble  # the old name, kept as CPython does


def _disassemble_recursive(co, *, file=None, depth=None, show_caches=False, adaptive=False):
    disassemble(co, file=file, show_caches=show_caches, adaptive=adaptive)
    if depth is not None and depth <= 0:
        return
    inner_depth = None if depth is None else depth - 1
    for const in co.co_consts:
        if hasattr(const, 'co_code'):
            print(file=file)
            print("Disassembly of %r:" % (const,), file=file)
            _disassemble_recursive(const, file=file, depth=inner_depth,
                                   show_caches=show_caches, adaptive=adaptive)


def _disassemble_str(source, **kwargs):
    """Compile the source string, then disassemble the code object."""
    _disassemble_recursive(_try_compile(source, '<dis>'), **kwargs)


# What dis() of a class or module shows among its members.
_have_code = (types.MethodType, types.FunctionType, types.CodeType, classmethod, staticmethod, type)


def dis(x=None, *, file=None, depth=None, show_caches=False, adaptive=False):
    """Disassemble classes, methods, functions, and other compiled objects.

    With no argument, disassemble the last traceback.
    """
    if x is None:
        distb(file=file, show_caches=show_caches, adaptive=adaptive)
        return
    x = _unwrap(x)
    options = dict(file=file, depth=depth, show_caches=show_caches, adaptive=adaptive)
    if hasattr(x, '__dict__'):  # a class or module: each member with code, by name
        for name, member in sorted(x.__dict__.items()):
            if not isinstance(member, _have_code):
                continue
            print("Disassembly of %s:" % name, file=file)
            try:
                dis(member, **options)
            except TypeError as exc:
                print("Sorry:", exc, file=file)
            print(file=file)
    elif hasattr(x, 'co_code'):
        _disassemble_recursive(x, **options)
    elif isinstance(x, (bytes, bytearray)):
        _disassemble_bytes(x, file=file, show_caches=show_caches)
    elif isinstance(x, str):
        _disassemble_str(x, **options)
    else:
        raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def distb(tb=None, *, file=None, show_caches=False, adaptive=False):
    """Disassemble a traceback (default: last traceback)."""
    if tb is None:
        try:
            tb = sys.last_traceback
        except AttributeError:
            raise RuntimeError("no last traceback to disassemble") from None
    while tb.tb_next:
        tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, tb.tb_lasti, file=file, show_caches=show_caches, adaptive=adaptive)


# ---- summaries -------------------------------------------------------------------------------

def _format_code_info(co):
    lines = [
        "Name:              %s" % co.co_name,
        "Filename:          %s" % co.co_filename,
        "Argument count:    %s" % co.co_argcount,
        "Positional-only arguments: %s" % co.co_posonlyargcount,
        "Kw-only arguments: %s" % co.co_kwonlyargcount,
        "Number of locals:  %s" % co.co_nlocals,
        "Stack size:        %s" % co.co_stacksize,
        "Flags:             %s" % pretty_flags(co.co_flags),
    ]
    if co.co_consts:
        lines.append("Constants:")
        lines.extend("%4d: %r" % (i, value) for i, value in enumerate(co.co_consts))
    for title, names in (("Names", co.co_names), ("Variable names", co.co_varnames),
                         ("Free variables", co.co_freevars), ("Cell variables", co.co_cellvars)):
        if names:
            lines.append(title + ":")
            lines.extend("%4d: %s" % (i, name) for i, name in enumerate(names))
    return "\n".join(lines)


def code_info(x):
    """Formatted details of methods, functions, or code."""
    return _format_code_info(_get_code_object(x))


def show_code(co, *, file=None):
    """Print details of methods, functions, or code to *file*.

    If *file* is not provided, the output is printed on stdout.
    """
    print(code_info(co), file=file)


def get_instructions(x, *, first_line=None, show_caches=False, adaptive=False):
    """Iterator for the opcodes in methods, functions or code.

    Generates a series of Instruction named tuples giving the details of
    each operations in the supplied code. Exception handlers are not marked
    as jump targets here (as in CPython 3.11); Bytecode() marks them.
    """
    co = _get_code_object(x)
    line_offset = 0 if first_line is None else first_line - co.co_firstlineno
    return _get_instructions_bytes(_get_code_array(co, adaptive), co._varname_from_oparg,
                                   co.co_names, co.co_consts, dict(findlinestarts(co)),
                                   line_offset, co_positions=co.co_positions(),
                                   show_caches=show_caches)


class _TextSink:
    """What Bytecode.dis() prints into: collects the text print() writes."""

    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)
        return len(text)

    def getvalue(self):
        return ''.join(self.parts)


class Bytecode:
    """The bytecode operations of a piece of code

    Instantiate this with a function, method, other compiled object, string of
    code, or a code object (as returned by compile()).

    Iterating over this yields the bytecode operations as Instruction instances.
    """

    def __init__(self, x, *, first_line=None, current_offset=None, show_caches=False, adaptive=False):
        self.codeobj = co = _get_code_object(x)
        if first_line is None:
            self.first_line = co.co_firstlineno
            self._line_offset = 0
        else:
            self.first_line = first_line
            self._line_offset = first_line - co.co_firstlineno
        self._linestarts = dict(findlinestarts(co))
        self._original_object = x
        self.current_offset = current_offset
        self.exception_entries = _parse_exception_table(co)
        self.show_caches = show_caches
        self.adaptive = adaptive

    def _table_args(self):
        co = self.codeobj
        return dict(varname_from_oparg=co._varname_from_oparg, names=co.co_names,
                    co_consts=co.co_consts, linestarts=self._linestarts,
                    line_offset=self._line_offset, exception_entries=self.exception_entries,
                    co_positions=co.co_positions(), show_caches=self.show_caches)

    def __iter__(self):
        return _get_instructions_bytes(_get_code_array(self.codeobj, self.adaptive), **self._table_args())

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self._original_object)

    @classmethod
    def from_traceback(cls, tb, *, show_caches=False, adaptive=False):
        """ Construct a Bytecode from the given traceback """
        while tb.tb_next:
            tb = tb.tb_next
        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti,
                   show_caches=show_caches, adaptive=adaptive)

    def info(self):
        """Return formatted information about the code object."""
        return _format_code_info(self.codeobj)

    def dis(self):
        """Return a formatted view of the bytecode operations."""
        sink = _TextSink()
        lasti = -1 if self.current_offset is None else self.current_offset
        _disassemble_bytes(_get_code_array(self.codeobj, self.adaptive), lasti, file=sink,
                           **self._table_args())
        return sink.getvalue()
