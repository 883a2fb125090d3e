# keyword for Terrarium: Python 3.11's keyword lists (from the language reference).
# Provides kwlist, softkwlist, iskeyword, issoftkeyword.

kwlist = [
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class',
    'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global',
    'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise',
    'return', 'try', 'while', 'with', 'yield',
]

softkwlist = ['_', 'case', 'match']

_KEYWORDS = frozenset(kwlist)
_SOFT_KEYWORDS = frozenset(softkwlist)


def iskeyword(s):
    return s in _KEYWORDS


def issoftkeyword(s):
    return s in _SOFT_KEYWORDS
