# Deeply nested source fails as CPython 3.11 fails, never with a crash: brackets stop at
# 200, blocks at 100 indentation levels, the parser at its stack budget (MemoryError),
# constant folding and the symbol table at the compiler recursion budget (RecursionError).
def outcome(source):
    try:
        compile(source, "nested.py", "exec")
        return "compiles"
    except SyntaxError as e:
        return f"{type(e).__name__}: {e.msg} (line {e.lineno}, offset {e.offset}, end {e.end_offset})"
    except (MemoryError, RecursionError) as e:
        return f"{type(e).__name__}: {e}"

print(outcome("x = " + "(" * 199 + "1" + ")" * 199))
print(outcome("x = " + "(" * 250 + "1" + ")" * 250))
print(outcome("x = " + "[" * 10000 + "]" * 10000))
print(outcome("x = " + "1+" * 100000 + "1"))
print(outcome("x = " + "-" * 100000 + "1"))
print(outcome("x = " + "not " * 100000 + "1"))
print(outcome("x = " + "lambda: " * 100000 + "1"))
print(outcome("x = " + "2**" * 100000 + "1"))
print(outcome("x = " + "-" * 1000 + "1"))
blocks = "".join(" " * i + "if 1:\n" for i in range(120)) + " " * 120 + "pass\n"
print(outcome(blocks))
blocks = "".join(" " * i + "if 1:\n" for i in range(98)) + " " * 98 + "pass\n"
print(outcome(blocks))
