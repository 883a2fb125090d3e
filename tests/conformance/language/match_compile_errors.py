# The match statement's compile-time errors, with CPython's messages.
sources = [
    "match x:\n    case y:\n        pass\n    case 2:\n        pass\n",
    "match x:\n    case _:\n        pass\n    case 2:\n        pass\n",
    "match x:\n    case [a, a]:\n        pass\n",
    "match x:\n    case [a] | [b]:\n        pass\n",
    "match x:\n    case [*a, *b]:\n        pass\n",
    "match x:\n    case {'a': 1, 'a': 2}:\n        pass\n",
    "match x:\n    case C(a=1, a=2):\n        pass\n",
    "match x:\n    case y as _:\n        pass\n",
    "match x:\n    case 1 as 2:\n        pass\n",
    "match x:\n    case C(a=1, 2):\n        pass\n",
    "match x:\n    case 1j + 2:\n        pass\n",
    "match x:\n    case 1 + 2:\n        pass\n",
    "match x:\n    case f'{x}':\n        pass\n",
    "match x:\npass\n",
    "match x:\n    case 1:\n    pass\n",
    "match x:\n    case y | z:\n        pass\n",
    "match x:\n    case (y as z) | w:\n        pass\n",
]
for src in sources:
    try:
        compile(src, "<match>", "exec")
        print("compiled")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
