// float: an IEEE double, printed with the shortest repr that round-trips (as CPython's
// float_repr does) and CPython's rules for division, modulo and power errors.
#pragma once
#include <string>
#include "objects/object.hpp"

namespace terrarium {

struct FloatObject : Object {
  double value;
};

extern TypeObject float_type;

[[nodiscard]] Object* new_float(ThreadState* ts, double v);
inline bool is_float(Object* o) { return is_instance(o, &float_type); }
inline double float_value(Object* o) { return static_cast<FloatObject*>(o)->value; }
std::string float_repr_string(double v);  // CPython: Python/pystrtod.c PyOS_double_to_string 'r'

}  // namespace terrarium
