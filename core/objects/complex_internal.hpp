// Declarations shared by the complex*.cpp files only (complex.cpp assembles the type from
// them). Other files use objects/complex.hpp.
#pragma once
#include "objects/complex.hpp"

namespace terrarium {

// ---- arithmetic on plain values (complex_arith.cpp). CPython: _Py_c_* functions ----
ComplexValue complex_sum(ComplexValue a, ComplexValue b);
ComplexValue complex_difference(ComplexValue a, ComplexValue b);
ComplexValue complex_product(ComplexValue a, ComplexValue b);
// a / b; `by_zero` is set when b is 0 (the result is then meaningless).
ComplexValue complex_quotient(ComplexValue a, ComplexValue b, bool& by_zero);
// abs(z); `overflow` is set when finite parts give an infinite modulus.
double complex_modulus(ComplexValue z, bool& overflow);

// ---- the type's pieces -------------------------------------------------------------
[[nodiscard]] Object* complex_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs,
                                  Object* kwnames);  // complex_new.cpp
extern const MethodDef kComplexMethods[];  // complex_methods.cpp
extern const GetSetDef kComplexGetSet[];
// A new instance of `type` (complex or a subclass) holding z.
[[nodiscard]] Object* new_complex_of_type(ThreadState* ts, TypeObject* type, ComplexValue z);

}  // namespace terrarium
