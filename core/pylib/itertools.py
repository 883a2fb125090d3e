# itertools for Terrarium: iterator building blocks written in Python from the 3.11
# documentation. Every iterator is a class (so type names and count/repeat reprs match
# CPython), most driven by a private generator.
# Provides: count, cycle, repeat, accumulate, chain (+from_iterable), compress, dropwhile,
# takewhile, filterfalse, groupby, islice, starmap, tee, zip_longest, product,
# permutations, combinations, combinations_with_replacement, pairwise.
# Omits: pickling/__reduce__/__setstate__, __copy__ of tee objects.

import sys as _sys


class _Wrapped:
    """Base: an iterator class whose items come from the generator self._it."""

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)


def _check_int(value, what):
    if not isinstance(value, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
    return value


class count:
    def __init__(self, start=0, step=1):
        for v in (start, step):
            if not isinstance(v, (int, float)):
                raise TypeError('a number is required')
        self._n = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n

    def __repr__(self):
        if type(self._step) is int and self._step == 1:
            return 'count(%r)' % (self._n,)
        return 'count(%r, %r)' % (self._n, self._step)


class cycle(_Wrapped):
    def __init__(self, iterable):
        self._it = self._gen(iter(iterable))

    @staticmethod
    def _gen(it):
        saved = []
        for element in it:
            yield element
            saved.append(element)
        if not saved:
            return
        while True:
            for element in saved:
                yield element


class repeat:
    def __init__(self, object, times=None):
        self._obj = object
        if times is not None:
            _check_int(times, 'times')
            if times < 0:
                times = 0
        self._times = times

    def __iter__(self):
        return self

    def __next__(self):
        if self._times is None:
            return self._obj
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._obj

    def __length_hint__(self):
        if self._times is None:
            raise TypeError('len() of unsized object')
        return self._times

    def __repr__(self):
        if self._times is None:
            return 'repeat(%r)' % (self._obj,)
        return 'repeat(%r, %r)' % (self._obj, self._times)


class accumulate(_Wrapped):
    def __init__(self, iterable, func=None, *, initial=None):
        self._it = self._gen(iter(iterable), func, initial)

    @staticmethod
    def _gen(it, func, initial):
        total = initial
        if initial is None:
            try:
                total = next(it)
            except StopIteration:
                return
        yield total
        for element in it:
            total = total + element if func is None else func(total, element)
            yield total


class chain(_Wrapped):
    def __init__(self, *iterables):
        self._it = self._gen(iter(iterables))

    @staticmethod
    def _gen(iterables):
        for it in iterables:
            yield from it

    @classmethod
    def from_iterable(cls, iterable):
        self = cls()
        self._it = cls._gen(iter(iterable))
        return self


class compress(_Wrapped):
    def __init__(self, data, selectors):
        self._it = (d for d, s in zip(data, selectors) if s)


class dropwhile(_Wrapped):
    def __init__(self, predicate, iterable):
        self._it = self._gen(predicate, iter(iterable))

    @staticmethod
    def _gen(predicate, it):
        for x in it:
            if not predicate(x):
                yield x
                break
        for x in it:
            yield x


class takewhile(_Wrapped):
    def __init__(self, predicate, iterable):
        self._it = self._gen(predicate, iter(iterable))

    @staticmethod
    def _gen(predicate, it):
        for x in it:
            if predicate(x):
                yield x
            else:
                break


class filterfalse(_Wrapped):
    def __init__(self, function, iterable):
        if function is None:
            function = bool
        self._it = (x for x in iterable if not function(x))


_UNSET = object()


class _Grouper:
    """One group of a groupby; valid only until the groupby advances."""

    def __init__(self, parent, key):
        self._parent = parent
        self._key = key

    def __iter__(self):
        return self

    def __next__(self):
        parent = self._parent
        if parent._current is not self:
            raise StopIteration
        if parent._value is _UNSET:
            parent._step()
        if not (self._key == parent._key):
            raise StopIteration
        value = parent._value
        parent._value = _UNSET
        return value


_Grouper.__name__ = _Grouper.__qualname__ = '_grouper'


class groupby:
    def __init__(self, iterable, key=None):
        self._it = iter(iterable)
        self._keyfunc = key
        self._target = _UNSET     # key of the group handed out last
        self._key = _UNSET        # key of the item read last
        self._value = _UNSET      # item read last, until a group hands it out
        self._current = None      # the live _Grouper

    def _step(self):
        value = next(self._it)
        self._key = value if self._keyfunc is None else self._keyfunc(value)
        self._value = value

    def __iter__(self):
        return self

    def __next__(self):
        self._current = None
        while True:
            if self._key is _UNSET:
                pass
            elif self._target is _UNSET or not (self._target == self._key):
                break
            self._step()
        self._target = self._key
        self._current = _Grouper(self, self._key)
        return (self._key, self._current)


class islice(_Wrapped):
    def __init__(self, iterable, *args):
        if len(args) == 0:
            raise TypeError('islice expected at least 2 arguments, got 1')
        if len(args) > 3:
            raise TypeError('islice expected at most 4 arguments, got %d' % (len(args) + 1))
        if len(args) == 1:
            start, stop, step = None, args[0], None
        elif len(args) == 2:
            start, stop, step = args[0], args[1], None
        else:
            start, stop, step = args
        if stop is not None:
            if not isinstance(stop, int) or stop < 0 or stop > _sys.maxsize:
                raise ValueError('Stop argument for islice() must be None or an integer: '
                                 '0 <= x <= sys.maxsize.')
        if start is None:
            start = 0
        elif not isinstance(start, int) or start < 0 or start > _sys.maxsize:
            raise ValueError('Indices for islice() must be None or an integer: '
                             '0 <= x <= sys.maxsize.')
        if step is None:
            step = 1
        elif not isinstance(step, int) or step <= 0 or step > _sys.maxsize:
            raise ValueError('Step for islice() must be a positive integer or None.')
        self._it = self._gen(iter(iterable), start, stop, step)

    @staticmethod
    def _gen(it, start, stop, step):
        # Items are consumed lazily: skipped ones just before the next one is produced.
        seen = 0
        wanted = start
        while True:
            while seen < wanted:
                try:
                    next(it)
                except StopIteration:
                    return
                seen += 1
            if stop is not None and seen >= stop:
                return
            try:
                item = next(it)
            except StopIteration:
                return
            seen += 1
            wanted += step
            if stop is not None and wanted > stop:
                wanted = stop
            yield item


class starmap(_Wrapped):
    def __init__(self, function, iterable):
        self._it = (function(*args) for args in iterable)


class _TeeLink:
    __slots__ = ('value', 'next')

    def __init__(self):
        self.value = None
        self.next = None


class _Tee:
    """One branch of tee(): walks a shared linked list filled from the source."""

    def __init__(self, source, link):
        self._source = source   # a one-item list holding the shared iterator
        self._link = link

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        if link.next is None:
            value = next(self._source[0])
            link.value = value
            link.next = _TeeLink()
        self._link = link.next
        return link.value

    def __copy__(self):
        return _Tee(self._source, self._link)


_Tee.__name__ = _Tee.__qualname__ = '_tee'


def tee(iterable, n=2):
    _check_int(n, 'n')
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    source = [iter(iterable)]
    link = _TeeLink()
    return tuple(_Tee(source, link) for _ in range(n))


class zip_longest(_Wrapped):
    def __init__(self, *iterables, fillvalue=None):
        self._it = self._gen([iter(it) for it in iterables], fillvalue)

    @staticmethod
    def _gen(iterators, fillvalue):
        active = len(iterators)
        if not active:
            return
        while True:
            values = []
            for i, it in enumerate(iterators):
                try:
                    value = next(it)
                except StopIteration:
                    active -= 1
                    if not active:
                        return
                    iterators[i] = repeat(fillvalue)
                    value = fillvalue
                values.append(value)
            yield tuple(values)


class product(_Wrapped):
    def __init__(self, *iterables, repeat=1):
        _check_int(repeat, 'repeat')
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
        pools = [tuple(pool) for pool in iterables] * repeat
        self._it = self._gen(pools)

    @staticmethod
    def _gen(pools):
        result = [()]
        for pool in pools:
            result = [x + (y,) for x in result for y in pool]
        for prod in result:
            yield prod


class permutations(_Wrapped):
    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        if r is None:
            r = len(pool)
        else:
            _check_int(r, 'r')
            if r < 0:
                raise ValueError('r must be non-negative')
        self._it = self._gen(pool, r)

    @staticmethod
    def _gen(pool, r):
        n = len(pool)
        if r > n:
            return
        indices = list(range(n))
        cycles = list(range(n, n - r, -1))
        yield tuple(pool[i] for i in indices[:r])
        while n:
            for i in reversed(range(r)):
                cycles[i] -= 1
                if cycles[i] == 0:
                    indices[i:] = indices[i + 1:] + indices[i:i + 1]
                    cycles[i] = n - i
                else:
                    j = cycles[i]
                    indices[i], indices[-j] = indices[-j], indices[i]
                    yield tuple(pool[i] for i in indices[:r])
                    break
            else:
                return


class combinations(_Wrapped):
    def __init__(self, iterable, r):
        _check_int(r, 'r')
        if r < 0:
            raise ValueError('r must be non-negative')
        self._it = self._gen(tuple(iterable), r)

    @staticmethod
    def _gen(pool, r):
        n = len(pool)
        if r > n:
            return
        indices = list(range(r))
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != i + n - r:
                    break
            else:
                return
            indices[i] += 1
            for j in range(i + 1, r):
                indices[j] = indices[j - 1] + 1
            yield tuple(pool[i] for i in indices)


class combinations_with_replacement(_Wrapped):
    def __init__(self, iterable, r):
        _check_int(r, 'r')
        if r < 0:
            raise ValueError('r must be non-negative')
        self._it = self._gen(tuple(iterable), r)

    @staticmethod
    def _gen(pool, r):
        n = len(pool)
        if not n and r:
            return
        indices = [0] * r
        yield tuple(pool[i] for i in indices)
        while True:
            for i in reversed(range(r)):
                if indices[i] != n - 1:
                    break
            else:
                return
            indices[i:] = [indices[i] + 1] * (r - i)
            yield tuple(pool[i] for i in indices)


class pairwise(_Wrapped):
    def __init__(self, iterable):
        self._it = self._gen(iter(iterable))

    @staticmethod
    def _gen(it):
        try:
            a = next(it)
        except StopIteration:
            return
        for b in it:
            yield a, b
            a = b
