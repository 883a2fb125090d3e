// complex: a pair of IEEE doubles with CPython's arithmetic (Smith's division, integer
// powers by repeated squaring), its repr ("(3+4j)", "-0j", "(nan+infj)"), its hash (equal
// to the int/float hash for values with no imaginary part) and equality-only comparison.
// CPython: Objects/complexobject.c.
#pragma once
#include <string>
#include <string_view>
#include "objects/object.hpp"

namespace terrarium {

// A complex value as plain numbers (CPython: Py_complex).
struct ComplexValue {
  double real = 0.0;
  double imag = 0.0;
};

struct ComplexObject : Object {
  ComplexValue value;
};

extern TypeObject complex_type;

[[nodiscard]] Object* new_complex(ThreadState* ts, double real, double imag);
inline bool is_complex(Object* o) { return is_instance(o, &complex_type); }
inline ComplexValue complex_value(Object* o) { return static_cast<ComplexObject*>(o)->value; }

// repr(): "(a+bj)", or "bj" alone when the real part is +0.0. CPython: complex_repr().
std::string complex_repr_string(ComplexValue z);

// a ** b with CPython's errors (ZeroDivisionError "0.0 to a negative or complex power",
// OverflowError "complex exponentiation"). float ** float calls it for a negative base
// and a fractional exponent. CPython: complex_pow().
[[nodiscard]] Object* complex_power_values(ThreadState* ts, ComplexValue a, ComplexValue b);

}  // namespace terrarium
