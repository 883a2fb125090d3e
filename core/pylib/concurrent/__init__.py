# The concurrent package: only its futures subpackage exists (as in CPython).
