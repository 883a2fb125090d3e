"""The sys module's struct sequences: float_info, int_info, hash_info, version_info and
flags. sys imports this module the first time one of them is read (its __getattr__),
then keeps the value.

A struct sequence is a tuple whose items also have names, shown by its repr:
sys.float_info(max=1.7976931348623157e+308, ...). CPython: Objects/structseq.c."""


class _StructSequence(tuple):
    __slots__ = ()
    _fields = ()
    _constructible = True

    def __new__(cls, sequence=()):
        if not cls._constructible:
            raise TypeError(f"cannot create '{cls.__module__}.{cls.__name__}' instances")
        values = tuple(sequence)
        if len(values) != len(cls._fields):
            raise TypeError(f"{cls.__module__}.{cls.__name__}() takes a {len(cls._fields)}-sequence "
                            f"({len(values)}-sequence given)")
        return tuple.__new__(cls, values)

    def __repr__(self):
        items = ", ".join(f"{name}={value!r}" for name, value in zip(self._fields, self))
        return f"{type(self).__module__}.{type(self).__name__}({items})"

    def __reduce__(self):
        return (type(self), (tuple(self),))


def _struct_sequence(name, fields, values, constructible=True):
    namespace = {"__slots__": (), "__module__": "sys", "__qualname__": name, "_fields": tuple(fields),
                 "_constructible": constructible, "n_fields": len(fields),
                 "n_sequence_fields": len(fields), "n_unnamed_fields": 0}
    for index, field in enumerate(fields):
        namespace[field] = property(lambda self, i=index: tuple.__getitem__(self, i))
    cls = type(name, (_StructSequence,), namespace)
    return tuple.__new__(cls, values)


# IEEE 754 binary64, the only float format Terrarium runs on.
float_info = _struct_sequence(
    "float_info",
    ["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix",
     "rounds"],
    [1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307, 15, 53, 2.220446049250313e-16, 2,
     1])

int_info = _struct_sequence(
    "int_info", ["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"],
    [30, 4, 4300, 640])

# Numeric hashes follow CPython's (modulus 2**61 - 1); str and bytes hash with FNV-1a,
# not randomised.
hash_info = _struct_sequence(
    "hash_info", ["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"],
    [64, 2305843009213693951, 314159, 0, 1000003, "fnv", 64, 0, 0])

version_info = _struct_sequence(
    "version_info", ["major", "minor", "micro", "releaselevel", "serial"], [3, 11, 7, "final", 0],
    constructible=False)

flags = _struct_sequence(
    "flags",
    ["debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
     "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode",
     "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits"],
    [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, False, 1, 0, False, -1],
    constructible=False)
