
def outer(a, b=2, *args, c, **kw):
    x = a
    def inner():
        return x
    return inner
print(outer.__code__.co_varnames, outer.__code__.co_cellvars, outer(1,c=3).__code__.co_freevars)
print(outer.__code__.co_argcount, outer.__code__.co_kwonlyargcount, outer.__code__.co_flags, outer.__code__.co_nlocals)
print(outer.__code__.co_consts[0], outer.__code__.co_name, outer.__code__.co_firstlineno, outer.__code__.co_names)
print(outer.__code__.co_stacksize, (lambda: 0).__code__.co_stacksize)
