// Declarations shared by the math_*.cpp files: each group of math functions adds itself
// to the module's namespace. Other files import the module by name instead.
#pragma once
#include <string>
#include "objects/object.hpp"

namespace terrarium {

// ValueError "math domain error" / OverflowError "math range error"; both return null.
std::nullptr_t math_domain_error(ThreadState* ts);
std::nullptr_t math_range_error(ThreadState* ts);

// "math." + name, for METH_O style messages ("math.sqrt() takes exactly one argument").
std::string math_qualname(const char* name);

// math_float.cpp: the libm wrappers (sqrt, exp, sin ..., pow, fmod, atan2, gamma ...),
// classification (isnan ...) and angle conversion.
[[nodiscard]] bool register_math_float_functions(ThreadState* ts, Object* dict);
// math_parts.cpp: ceil, floor, trunc, frexp, ldexp, modf, log family, isclose,
// nextafter, ulp.
[[nodiscard]] bool register_math_parts_functions(ThreadState* ts, Object* dict);
// math_integer.cpp: gcd, lcm, isqrt, factorial, comb, perm.
[[nodiscard]] bool register_math_integer_functions(ThreadState* ts, Object* dict);
// math_sums.cpp: fsum, prod, hypot, dist.
[[nodiscard]] bool register_math_sum_functions(ThreadState* ts, Object* dict);

}  // namespace terrarium
