#!/usr/bin/env python3
"""Generates core/bytecode/opcodes.def, Terrarium's one list of instructions, from
CPython 3.11's own `opcode` module (numbers, has-arg, jump kinds, inline caches).

`gen_opcodes.py --check` exits 1 if the committed file differs from what python3
produces now, so drift from CPython 3.11 fails CI. The stack comments live here
because the generated file is never edited by hand.
"""
import opcode
import pathlib
import sys

OUT = pathlib.Path(__file__).resolve().parent.parent / "core/bytecode/opcodes.def"

# One line per instruction: its effect on the value stack, CPython 3.11 semantics.
STACK = {
    "CACHE": "inline cache entry; never executed",
    "POP_TOP": "(v -- )",
    "PUSH_NULL": "( -- NULL)",
    "NOP": "( -- )",
    "UNARY_POSITIVE": "(v -- +v)",
    "UNARY_NEGATIVE": "(v -- -v)",
    "UNARY_NOT": "(v -- not v)",
    "UNARY_INVERT": "(v -- ~v)",
    "BINARY_SUBSCR": "(container, key -- container[key])",
    "GET_LEN": "(obj -- obj, len(obj))",
    "MATCH_MAPPING": "(subject -- subject, is_mapping)",
    "MATCH_SEQUENCE": "(subject -- subject, is_sequence)",
    "MATCH_KEYS": "(subject, keys -- subject, keys, values_or_None)",
    "PUSH_EXC_INFO": "(exc -- prev_exc, exc)",
    "CHECK_EXC_MATCH": "(exc, type -- exc, matches)",
    "CHECK_EG_MATCH": "(eg, type -- rest, match)",
    "WITH_EXCEPT_START": "(exit, lasti, prev_exc, exc -- exit, lasti, prev_exc, exc, exit(type, exc, tb))",
    "GET_AITER": "(obj -- obj.__aiter__())",
    "GET_ANEXT": "(aiter -- aiter, awaitable)",
    "BEFORE_ASYNC_WITH": "(mgr -- bound_aexit, awaitable_aenter)",
    "BEFORE_WITH": "(mgr -- bound_exit, mgr.__enter__())",
    "END_ASYNC_FOR": "(aiter, exc -- )",
    "STORE_SUBSCR": "(v, container, key -- ); container[key] = v",
    "DELETE_SUBSCR": "(container, key -- ); del container[key]",
    "GET_ITER": "(iterable -- iter(iterable))",
    "GET_YIELD_FROM_ITER": "(iterable -- iterator_or_coroutine)",
    "PRINT_EXPR": "(v -- ); sys.displayhook(v)",
    "LOAD_BUILD_CLASS": "( -- builtins.__build_class__)",
    "LOAD_ASSERTION_ERROR": "( -- AssertionError)",
    "RETURN_GENERATOR": "( -- ); turns the frame into a generator and returns it",
    "LIST_TO_TUPLE": "(list -- tuple)",
    "RETURN_VALUE": "(v -- ); returns v to the caller",
    "IMPORT_STAR": "(module -- ); from module import *",
    "SETUP_ANNOTATIONS": "( -- ); creates __annotations__",
    "YIELD_VALUE": "(v -- sent_value)",
    "ASYNC_GEN_WRAP": "(v -- wrapped(v))",
    "PREP_RERAISE_STAR": "(orig, excs -- exc_to_reraise_or_None)",
    "POP_EXCEPT": "(prev_exc -- ); restores the handled exception",
    "STORE_NAME": "(v -- ); names[namei] = v",
    "DELETE_NAME": "( -- ); del names[namei]",
    "UNPACK_SEQUENCE": "(seq -- v[count-1] ... v[0])",
    "FOR_ITER": "(iter -- iter, next(iter)); jumps forward and pops iter when exhausted",
    "UNPACK_EX": "(seq -- after..., list, before...)",
    "STORE_ATTR": "(v, owner -- ); owner.name = v",
    "DELETE_ATTR": "(owner -- ); del owner.name",
    "STORE_GLOBAL": "(v -- ); globals[name] = v",
    "DELETE_GLOBAL": "( -- ); del globals[name]",
    "SWAP": "(... a, ..., b -- ... b, ..., a); swaps TOS with the i-th item",
    "LOAD_CONST": "( -- co_consts[consti])",
    "LOAD_NAME": "( -- locals/globals/builtins[name])",
    "BUILD_TUPLE": "(items[count] -- tuple)",
    "BUILD_LIST": "(items[count] -- list)",
    "BUILD_SET": "(items[count] -- set)",
    "BUILD_MAP": "(k1, v1, ... kn, vn -- dict)",
    "LOAD_ATTR": "(owner -- owner.name)",
    "COMPARE_OP": "(a, b -- a <op> b)",
    "IMPORT_NAME": "(level, fromlist -- module)",
    "IMPORT_FROM": "(module -- module, module.name)",
    "JUMP_FORWARD": "( -- ); jumps forward by delta",
    "JUMP_IF_FALSE_OR_POP": "(v -- v or nothing); jumps keeping v if false, else pops it",
    "JUMP_IF_TRUE_OR_POP": "(v -- v or nothing); jumps keeping v if true, else pops it",
    "POP_JUMP_FORWARD_IF_FALSE": "(v -- ); jumps forward if v is false",
    "POP_JUMP_FORWARD_IF_TRUE": "(v -- ); jumps forward if v is true",
    "LOAD_GLOBAL": "( -- [NULL], globals/builtins[name]); low bit of arg pushes NULL first",
    "IS_OP": "(a, b -- a is b, or a is not b when arg is 1)",
    "CONTAINS_OP": "(a, b -- a in b, or a not in b when arg is 1)",
    "RERAISE": "(exc -- ); re-raises exc, restoring f_lasti when arg is set",
    "COPY": "(... v, ... -- ... v, ..., v); pushes a copy of the i-th item",
    "BINARY_OP": "(a, b -- a <op> b); op from _nb_ops",
    "SEND": "(receiver, v -- receiver, yielded); jumps forward when the receiver returns",
    "LOAD_FAST": "( -- fastlocals[i])",
    "STORE_FAST": "(v -- ); fastlocals[i] = v",
    "DELETE_FAST": "( -- ); del fastlocals[i]",
    "POP_JUMP_FORWARD_IF_NOT_NONE": "(v -- ); jumps forward if v is not None",
    "POP_JUMP_FORWARD_IF_NONE": "(v -- ); jumps forward if v is None",
    "RAISE_VARARGS": "(args[argc] -- ); raise, raise exc, raise exc from cause",
    "GET_AWAITABLE": "(obj -- awaitable)",
    "MAKE_FUNCTION": "(defaults?, kwdefaults?, annotations?, closure?, code -- function)",
    "BUILD_SLICE": "(start, stop[, step] -- slice)",
    "JUMP_BACKWARD_NO_INTERRUPT": "( -- ); jumps backward without checking the eval breaker",
    "MAKE_CELL": "( -- ); wraps fastlocals[i] in a new cell",
    "LOAD_CLOSURE": "( -- cell[i])",
    "LOAD_DEREF": "( -- cell[i].contents)",
    "STORE_DEREF": "(v -- ); cell[i].contents = v",
    "DELETE_DEREF": "( -- ); empties cell[i]",
    "JUMP_BACKWARD": "( -- ); jumps backward by delta and checks the eval breaker",
    "CALL_FUNCTION_EX": "(NULL, func, args[, kwargs] -- result)",
    "EXTENDED_ARG": "( -- ); prefixes the next instruction's argument with 8 more bits",
    "LIST_APPEND": "(list, ..., v -- list, ...); list.append(v)",
    "SET_ADD": "(set, ..., v -- set, ...); set.add(v)",
    "MAP_ADD": "(dict, ..., k, v -- dict, ...); dict[k] = v",
    "LOAD_CLASSDEREF": "( -- class namespace or cell value)",
    "COPY_FREE_VARS": "( -- ); copies the closure's cells into the frame",
    "RESUME": "( -- ); frame start or resumption point; checks the eval breaker",
    "MATCH_CLASS": "(subject, cls, names -- attrs_or_None)",
    "FORMAT_VALUE": "(v[, spec] -- formatted)",
    "BUILD_CONST_KEY_MAP": "(v1 ... vn, keys -- dict)",
    "BUILD_STRING": "(s[count] -- ''.join(s))",
    "LOAD_METHOD": "(owner -- meth, self or NULL, attr)",
    "LIST_EXTEND": "(list, ..., iterable -- list, ...)",
    "SET_UPDATE": "(set, ..., iterable -- set, ...)",
    "DICT_MERGE": "(dict, ..., mapping -- dict, ...); raises on duplicate keys",
    "DICT_UPDATE": "(dict, ..., mapping -- dict, ...)",
    "PRECALL": "(NULL/meth, callable/self, args[n] -- same); binds methods before CALL",
    "CALL": "(NULL/meth, callable/self, args[n] -- result)",
    "KW_NAMES": "( -- ); the next CALL's last len(co_consts[i]) args are keywords",
    "POP_JUMP_BACKWARD_IF_NOT_NONE": "(v -- ); jumps backward if v is not None",
    "POP_JUMP_BACKWARD_IF_NONE": "(v -- ); jumps backward if v is None",
    "POP_JUMP_BACKWARD_IF_FALSE": "(v -- ); jumps backward if v is false",
    "POP_JUMP_BACKWARD_IF_TRUE": "(v -- ); jumps backward if v is true",
}


def flags(num: int, name: str) -> str:
    out = []
    if num >= opcode.HAVE_ARGUMENT:
        out.append("HAS_ARG")
    if num in opcode.hasjrel:
        out.append("JUMP_BACKWARD_REL" if "BACKWARD" in name else "JUMP_FORWARD_REL")
    for table, flag in ((opcode.hasconst, "HAS_CONST"), (opcode.hasname, "HAS_NAME"),
                        (opcode.haslocal, "HAS_LOCAL"), (opcode.hasfree, "HAS_FREE"),
                        (opcode.hascompare, "HAS_COMPARE")):
        if num in table:
            out.append(flag)
    return "|".join(out) or "0"


def generate() -> str:
    lines = [
        "// GENERATED by scripts/gen_opcodes.py from CPython 3.11's opcode module; do not edit.",
        "// The one list of instructions: OPCODE(name, number, inline_cache_entries, flags)",
        "// expands into the enum, the name table, dis metadata and the dispatch table.",
        "// CPython: Lib/opcode.py",
    ]
    missing = [n for n in opcode.opmap if n not in STACK]
    if missing:
        raise SystemExit(f"gen_opcodes: no stack comment for {missing}")
    for name, num in sorted(opcode.opmap.items(), key=lambda kv: kv[1]):
        cache = opcode._inline_cache_entries[num]
        lines.append(f"OPCODE({name}, {num}, {cache}, {flags(num, name)})  // {STACK[name]}")
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    text = generate()
    if "--check" in sys.argv:
        if OUT.read_text() != text:
            print("opcodes.def differs from python3's opcode module: run scripts/gen_opcodes.py")
            sys.exit(1)
        print(f"opcodes.def matches CPython {sys.version.split()[0]}'s opcode module ({len(opcode.opmap)} opcodes)")
    else:
        OUT.write_text(text)
