# Recursion: naive doubly recursive Fibonacci. Measures the cost of a Python-to-Python
# call and return (frame setup, argument passing, comparison, small-int addition).


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print("fib(33) =", fib(33))
