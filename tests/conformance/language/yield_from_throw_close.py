# throw() and close() pass down a yield-from chain to the innermost iterator (CPython: _gen_throw, gen_close).
def inner():
    try:
        yield 1
        yield 2
    finally:
        print("inner closed")
def outer():
    try:
        yield from inner()
    finally:
        print("outer closed")
o = outer(); next(o); o.close(); print("done")
class It:
    def __iter__(self): return self
    def __next__(self): return 5
    def throw(self, e): print("It.throw", repr(e)); raise StopIteration(42)
def o2():
    r = yield from It()
    print("got", r)
    yield "after"
g = o2(); print(next(g)); print(g.throw(ValueError("x")))
def o3():
    try:
        yield from inner()
    except ValueError as e:
        print("outer caught", e)
        yield "recovered"
g = o3(); next(g); print(g.throw(ValueError("boom")))
