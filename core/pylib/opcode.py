# opcode for Terrarium: the names, numbers and argument kinds of CPython 3.11's
# instructions, as the `opcode` module publishes them. Nothing here is a second list:
# every table is built from _opcode._instruction_table, which the interpreter expands
# from core/bytecode/opcodes.def (the one definition of the instruction set).
# Omits the specialisation tables (_specializations, _specialized_instructions,
# _cache_format): Terrarium never rewrites bytecode into specialised forms.

from _opcode import stack_effect, _instruction_table, _compare_ops, _nb_ops as _nb_op_pairs

__all__ = ["cmp_op", "hasconst", "hasname", "hasjrel", "hasjabs",
           "haslocal", "hascompare", "hasfree", "opname", "opmap",
           "HAVE_ARGUMENT", "EXTENDED_ARG", "hasnargs", "stack_effect"]

cmp_op = _compare_ops
_nb_ops = [tuple(pair) for pair in _nb_op_pairs]

opname = ['<%r>' % (number,) for number in range(256)]
opmap = {}
_inline_cache_entries = [0] * 256

hasconst = []
hasname = []
hasjrel = []
hasjabs = []   # 3.11 has no absolute jumps; kept because dis and user code read it
haslocal = []
hascompare = []
hasfree = []
hasnargs = []  # empty since 3.6, still published

_lists_by_kind = {
    'const': hasconst, 'name': hasname, 'jrel': hasjrel, 'local': haslocal,
    'free': hasfree, 'compare': hascompare,
}

# The table is in number order, so every has* list comes out sorted as CPython's does.
for _name, _number, _caches, _kinds in _instruction_table:
    opname[_number] = _name
    opmap[_name] = _number
    _inline_cache_entries[_number] = _caches
    for _kind in _kinds:
        if _kind in _lists_by_kind:
            _lists_by_kind[_kind].append(_number)

# Instructions numbered from here on take an argument (the table marks them "arg").
HAVE_ARGUMENT = min(number for _, number, _, kinds in _instruction_table if 'arg' in kinds)
EXTENDED_ARG = opmap['EXTENDED_ARG']

del _name, _number, _caches, _kinds, _kind, _lists_by_kind, _nb_op_pairs
