// The `math` module: its constants and the assembly of its function groups (math_float,
// math_parts, math_integer, math_sums). Errors follow CPython: "math domain error" for
// arguments outside a function's domain, "math range error" for results too large.
// CPython: Modules/mathmodule.c.
#include <cmath>
#include "modules/builtins_registry.hpp"
#include "modules/math_internal.hpp"
#include "modules/module_registry.hpp"
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/module.hpp"

namespace terrarium {

std::nullptr_t math_domain_error(ThreadState* ts) { return raise(ts, &exc_ValueError, "math domain error"); }
std::nullptr_t math_range_error(ThreadState* ts) { return raise(ts, &exc_OverflowError, "math range error"); }
std::string math_qualname(const char* name) { return std::string("math.") + name; }

Object* init_math_module(ThreadState* ts) {
  Object* m = new_module(ts, "math");
  if (!m) return nullptr;
  Object* d = module_dict(m);
  constexpr double kPi = 3.141592653589793238462643383279502884;
  constexpr double kE = 2.718281828459045235360287471352662498;
  bool ok = add_builtin_object(ts, d, "pi", new_float(ts, kPi)) && add_builtin_object(ts, d, "e", new_float(ts, kE)) &&
            add_builtin_object(ts, d, "tau", new_float(ts, 2.0 * kPi)) &&
            add_builtin_object(ts, d, "inf", new_float(ts, HUGE_VAL)) &&
            add_builtin_object(ts, d, "nan", new_float(ts, NAN)) && register_math_float_functions(ts, d) &&
            register_math_parts_functions(ts, d) && register_math_integer_functions(ts, d) &&
            register_math_sum_functions(ts, d);
  if (!ok) {
    decref(m);
    return nullptr;
  }
  return m;
}

}  // namespace terrarium
