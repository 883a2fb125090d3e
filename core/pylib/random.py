# random for Terrarium: the Mersenne Twister (MT19937) generator with CPython 3.11's
# documented seeding and sampling rules, so seeded sequences match CPython exactly.
# Provides Random (seed, random, getrandbits, getstate/setstate, randrange, randint,
# choice, shuffle, sample (with counts), choices, uniform, randbytes-free subset) and the
# module-level functions bound to a shared instance.
# Omits: seeding from str/bytes (needs sha512), the distributions that need `math`
# (gauss, normalvariate, expovariate, triangular, ...), SystemRandom.

from itertools import accumulate as _accumulate, repeat as _repeat
from bisect import bisect as _bisect

_N = 624
_M = 397
_MASK = 0xffffffff
_UPPER = 0x80000000
_LOWER = 0x7fffffff
_MATRIX_A = 0x9908b0df
_VERSION = 3


class Random:
    VERSION = _VERSION

    def __init__(self, x=None):
        self._mt = [0] * _N
        self._index = _N + 1
        self.gauss_next = None
        self.seed(x)

    # -- core generator --------------------------------------------------------------------

    def _init_genrand(self, s):
        mt = self._mt
        mt[0] = s & _MASK
        for i in range(1, _N):
            prev = mt[i - 1]
            mt[i] = (1812433253 * (prev ^ (prev >> 30)) + i) & _MASK
        self._index = _N

    def _init_by_array(self, key):
        self._init_genrand(19650218)
        mt = self._mt
        i, j = 1, 0
        length = len(key)
        for _ in range(max(_N, length)):
            prev = mt[i - 1]
            mt[i] = ((mt[i] ^ ((prev ^ (prev >> 30)) * 1664525)) + key[j] + j) & _MASK
            i += 1
            j += 1
            if i >= _N:
                mt[0] = mt[_N - 1]
                i = 1
            if j >= length:
                j = 0
        for _ in range(_N - 1):
            prev = mt[i - 1]
            mt[i] = ((mt[i] ^ ((prev ^ (prev >> 30)) * 1566083941)) - i) & _MASK
            i += 1
            if i >= _N:
                mt[0] = mt[_N - 1]
                i = 1
        mt[0] = 0x80000000

    def _twist(self):
        mt = self._mt
        for k in range(_N):
            y = (mt[k] & _UPPER) | (mt[(k + 1) % _N] & _LOWER)
            value = mt[(k + _M) % _N] ^ (y >> 1)
            if y & 1:
                value ^= _MATRIX_A
            mt[k] = value
        self._index = 0

    def _genrand_uint32(self):
        if self._index >= _N:
            self._twist()
        y = self._mt[self._index]
        self._index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c5680
        y ^= (y << 15) & 0xefc60000
        y ^= y >> 18
        return y

    # -- seeding and state -----------------------------------------------------------------

    def seed(self, a=None, version=2):
        if a is None:
            a = (id(self) * 2654435761 + id(object())) & ((1 << 64) - 1)
        elif isinstance(a, float):
            a = hash(a)
        elif isinstance(a, str) or type(a).__name__ in ('bytes', 'bytearray'):
            raise NotImplementedError('Terrarium: seeding random from str/bytes is not supported')
        elif not isinstance(a, int):
            raise TypeError('The only supported seed types are: None,\n'
                            'int, float, str, bytes, and bytearray.')
        a = abs(a)
        key = []
        while a:
            key.append(a & _MASK)
            a >>= 32
        if not key:
            key = [0]
        self._init_by_array(key)
        self.gauss_next = None

    def getstate(self):
        return (self.VERSION, tuple(self._mt) + (self._index,), self.gauss_next)

    def setstate(self, state):
        version = state[0]
        if version != 3 and version != 2:
            raise ValueError('state with version %s passed to Random.setstate() '
                             'of version %s' % (version, self.VERSION))
        internal = state[1]
        if len(internal) != _N + 1:
            raise ValueError('state vector is the wrong size')
        self._mt = [int(v) & _MASK for v in internal[:_N]]
        index = internal[_N]
        if index < 0 or index > _N:
            raise ValueError('invalid state')
        self._index = index
        self.gauss_next = state[2]

    # -- basic draws -----------------------------------------------------------------------

    def random(self):
        a = self._genrand_uint32() >> 5
        b = self._genrand_uint32() >> 6
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)

    def getrandbits(self, k):
        if not isinstance(k, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(k).__name__)
        if k < 0:
            raise ValueError('number of bits must be non-negative')
        if k == 0:
            return 0
        if k <= 32:
            return self._genrand_uint32() >> (32 - k)
        result = 0
        shift = 0
        while k > 0:
            r = self._genrand_uint32()
            if k < 32:
                r >>= 32 - k
            result |= r << shift
            shift += 32
            k -= 32
        return result

    def _randbelow(self, n):
        k = n.bit_length()
        r = self.getrandbits(k)
        while r >= n:
            r = self.getrandbits(k)
        return r

    # -- integers and sequences ------------------------------------------------------------

    @staticmethod
    def _as_int(value, message):
        if isinstance(value, int):
            return value
        if isinstance(value, float) and value == int(value):
            return int(value)
        raise ValueError(message)

    def randrange(self, start, stop=None, step=1):
        istart = self._as_int(start, 'non-integer arg 1 for randrange()')
        if stop is None:
            if step != 1:
                raise TypeError('Missing a non-None stop argument')
            if istart > 0:
                return self._randbelow(istart)
            raise ValueError('empty range for randrange()')
        istop = self._as_int(stop, 'non-integer stop for randrange()')
        width = istop - istart
        istep = self._as_int(step, 'non-integer step for randrange()')
        if istep == 1:
            if width > 0:
                return istart + self._randbelow(width)
            raise ValueError('empty range for randrange() (%d, %d, %d)' % (istart, istop, width))
        if istep > 0:
            n = (width + istep - 1) // istep
        elif istep < 0:
            n = (width + istep + 1) // istep
        else:
            raise ValueError('zero step for randrange()')
        if n <= 0:
            raise ValueError('empty range for randrange()')
        return istart + istep * self._randbelow(n)

    def randint(self, a, b):
        return self.randrange(a, b + 1)

    def choice(self, seq):
        if not len(seq):
            raise IndexError('Cannot choose from an empty sequence')
        return seq[self._randbelow(len(seq))]

    def shuffle(self, x):
        for i in reversed(range(1, len(x))):
            j = self._randbelow(i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k, *, counts=None):
        if isinstance(population, (set, frozenset, dict)) or not hasattr(population, '__getitem__'):
            raise TypeError('Population must be a sequence.  '
                            'For dicts or sets, use sorted(d).')
        n = len(population)
        if counts is not None:
            cum_counts = list(_accumulate(counts))
            if len(cum_counts) != n:
                raise ValueError('The number of counts does not match the population')
            total = cum_counts.pop()
            if not isinstance(total, int):
                raise TypeError('Counts must be integers')
            if total <= 0:
                raise ValueError('Total of counts must be greater than zero')
            selections = self.sample(range(total), k=k)
            return [population[_bisect(cum_counts, s)] for s in selections]
        if not 0 <= k <= n:
            raise ValueError('Sample larger than population or is negative')
        result = [None] * k
        setsize = 21                     # size of a small set minus size of an empty list
        if k > 5:
            power = 1
            while power <= 3 * k:        # 4 ** ceil(log(3k, 4)); 3k is never a power of 4
                power *= 4
            setsize += power
        if n <= setsize:
            # A pool of the remaining candidates.
            pool = list(population)
            for i in range(k):
                j = self._randbelow(n - i)
                result[i] = pool[j]
                pool[j] = pool[n - i - 1]
        else:
            selected = set()
            for i in range(k):
                j = self._randbelow(n)
                while j in selected:
                    j = self._randbelow(n)
                selected.add(j)
                result[i] = population[j]
        return result

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        n = len(population)
        if cum_weights is None:
            if weights is None:
                n += 0.0
                return [population[int(self.random() * n)] for _ in _repeat(None, k)]
            try:
                cum_weights = list(_accumulate(weights))
            except TypeError:
                if not isinstance(weights, int):
                    raise
                raise TypeError('The number of choices must be a keyword argument: k=%d'
                                % weights) from None
        elif weights is not None:
            raise TypeError('Cannot specify both weights and cumulative weights')
        if len(cum_weights) != n:
            raise ValueError('The number of weights does not match the population')
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError('Total of weights must be greater than zero')
        if total != total or total in (float('inf'), float('-inf')):
            raise ValueError('Total of weights must be finite')
        hi = n - 1
        return [population[_bisect(cum_weights, self.random() * total, 0, hi)]
                for _ in _repeat(None, k)]

    def uniform(self, a, b):
        return a + (b - a) * self.random()


_inst = Random()
seed = _inst.seed
random = _inst.random
uniform = _inst.uniform
randint = _inst.randint
choice = _inst.choice
randrange = _inst.randrange
sample = _inst.sample
shuffle = _inst.shuffle
choices = _inst.choices
getstate = _inst.getstate
setstate = _inst.setstate
getrandbits = _inst.getrandbits
