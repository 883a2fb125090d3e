// float: an IEEE double, printed with the shortest repr that round-trips (as CPython's
// float_repr does), with CPython's rules for division, modulo and power errors, exact
// comparison with ints of any size, and CPython's hash.
#pragma once
#include <string>
#include <string_view>
#include "objects/object.hpp"

namespace terrarium {

struct FloatObject : Object {
  double value;
};

extern TypeObject float_type;

[[nodiscard]] Object* new_float(ThreadState* ts, double v);
inline bool is_float(Object* o) { return is_instance(o, &float_type); }
inline double float_value(Object* o) { return static_cast<FloatObject*>(o)->value; }
std::string float_repr_string(double v);
// CPython's _Py_HashDouble: equal to the int hash for integral values; a NaN hashes by the
// identity of `owner` (the float or complex holding it).
Py_hash_t hash_double(ThreadState* ts, Object* owner, double v);  // CPython: Python/pystrtod.c PyOS_double_to_string 'r'

// x ** y with CPython's special cases and errors. CPython: Objects/floatobject.c float_pow().
[[nodiscard]] Object* float_power_values(ThreadState* ts, double x, double y);
// divmod(a, b) where each is a float or an int and at least one is a float; NotImplemented
// (new ref) for other operands.
[[nodiscard]] Object* float_divmod(ThreadState* ts, Object* a, Object* b);
// PyNumber_Float: float(o) with one argument (__float__, __index__, str).
[[nodiscard]] Object* number_float(ThreadState* ts, Object* o);
// float(text) for str text; ValueError "could not convert string to float: 'x'", quoting
// `original` (a str).
[[nodiscard]] bool float_from_text(ThreadState* ts, std::string_view text, Object* original, double& out);
// PyFloat_AsDouble: a float, or __float__, or __index__ ("must be real number, not str").
[[nodiscard]] bool float_as_double(ThreadState* ts, Object* o, double& out);

}  // namespace terrarium
