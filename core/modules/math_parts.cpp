// math's functions that take a float apart or compare floats: ceil/floor/trunc (through
// __ceil__/__floor__/__trunc__), frexp, ldexp, modf, the logarithms (exact for ints too
// large for a double), isclose, nextafter and ulp. CPython: Modules/mathmodule.c
// math_ceil(), math_floor(), math_trunc(), loghelper(), math_isclose_impl(), math_ulp_impl().
#include <cfloat>
#include <climits>
#include <cmath>
#include "modules/builtins_registry.hpp"
#include "modules/math_internal.hpp"
#include "objects/abstract.hpp"
#include "objects/descr.hpp"
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/getargs.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

bool one_double(ThreadState* ts, const char* name, Object* const* args, std::size_t nargs, Object* kwnames,
                double& x) {
  return one_arg(ts, math_qualname(name).c_str(), nargs, kwnames) && float_as_double(ts, args[0], x);
}

Object* pair(ThreadState* ts, Object* a, Object* b) {
  Object* t = new_tuple(ts, 2);
  tuple_set(t, 0, a);
  tuple_set(t, 1, b);
  return t;
}

// ceil and floor: the type's __ceil__/__floor__ if it has one (ints and Fractions do),
// else the float value rounded to an int.
template <double (*Round)(double)>
Object* round_to_int(ThreadState* ts, const char* name, const char* dunder, Object* const* args, std::size_t nargs,
                     Object* kwnames) {
  if (!one_arg(ts, math_qualname(name).c_str(), nargs, kwnames)) return nullptr;
  Object* number = args[0];
  if (number->ob_type != &float_type) {
    if (Object* method = type_lookup_str(number->ob_type, dunder)) return call_unbound(ts, method, number, nullptr, 0);
  }
  double x;
  if (!float_as_double(ts, number, x)) return nullptr;
  return new_int_from_double(ts, Round(x));
}
double ceil_value(double x) { return std::ceil(x); }
double floor_value(double x) { return std::floor(x); }
Object* math_ceil(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  return round_to_int<ceil_value>(ts, "ceil", "__ceil__", args, nargs, kwnames);
}
Object* math_floor(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  return round_to_int<floor_value>(ts, "floor", "__floor__", args, nargs, kwnames);
}

// trunc has no float fallback: the type must define __trunc__.
Object* math_trunc(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_arg(ts, "math.trunc", nargs, kwnames)) return nullptr;
  Object* x = args[0];
  if (x->ob_type == &float_type) return new_int_from_double(ts, float_value(x));
  Object* method = type_lookup_str(x->ob_type, "__trunc__");
  if (!method)
    return raise(ts, &exc_TypeError, std::string("type ") + x->ob_type->tp_name + " doesn't define __trunc__ method");
  return call_unbound(ts, method, x, nullptr, 0);
}

// (m, e) with x == m * 2**e and 0.5 <= |m| < 1; zeros, infinities and NaN give (x, 0).
Object* math_frexp(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  double x;
  if (!one_double(ts, "frexp", args, nargs, kwnames, x)) return nullptr;
  int e = 0;
  double m = (x == 0.0 || !std::isfinite(x)) ? x : std::frexp(x, &e);
  return pair(ts, new_float(ts, m), new_int(ts, e));
}

// x * 2**i. Exponents beyond int's range are clamped: they overflow or underflow anyway.
Object* math_ldexp(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_positional(ts, "ldexp", "math.ldexp", nargs, kwnames, 2, 2)) return nullptr;
  double x;
  if (!float_as_double(ts, args[0], x)) return nullptr;
  if (!is_int(args[1])) return raise(ts, &exc_TypeError, "Expected an int as second argument to ldexp.");
  std::int64_t exp = int_value(args[1]);  // saturated for huge ints, which is the clamp we want
  if (x == 0.0 || !std::isfinite(x)) return new_float(ts, x);
  if (exp > INT_MAX) return math_range_error(ts);
  if (exp < INT_MIN) return new_float(ts, std::copysign(0.0, x));
  double r = std::ldexp(x, static_cast<int>(exp));
  if (std::isinf(r)) return math_range_error(ts);
  return new_float(ts, r);
}

// (fractional part, integral part), both carrying x's sign.
Object* math_modf(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  double x;
  if (!one_double(ts, "modf", args, nargs, kwnames, x)) return nullptr;
  if (std::isinf(x)) return pair(ts, new_float(ts, std::copysign(0.0, x)), new_float(ts, x));
  if (std::isnan(x)) return pair(ts, new_float(ts, x), new_float(ts, x));
  double integral;
  double fraction = std::modf(x, &integral);
  return pair(ts, new_float(ts, fraction), new_float(ts, integral));
}

// ---- logarithms ---------------------------------------------------------------------
// A positive int too large for a double as m * 2**e with 0.5 <= m < 1, m rounded to 53
// bits (half to even). CPython: _PyLong_Frexp().
double int_frexp(Object* n, std::int64_t& e) {
  BigInt v = int_to_bigint(n);
  auto bits = static_cast<std::int64_t>(v.bit_length());
  std::int64_t shift = bits - 55;  // keep 55 bits: 53 plus a rounding bit and a sticky bit
  BigInt top = v >> static_cast<std::uint64_t>(shift);
  bool sticky = !(v - (top << static_cast<std::uint64_t>(shift))).is_zero();
  std::int64_t q = top.to_int64() | (sticky ? 1 : 0);
  double m = std::ldexp(static_cast<double>(q), -55);  // the int64 -> double step rounds once
  e = bits;
  if (m == 1.0) m = 0.5, ++e;
  return m;
}

// log-like function of one argument; ints are handled exactly, even past 2**1024.
template <double (*Log)(double)>
Object* log_of(ThreadState* ts, Object* arg) {
  if (is_int(arg)) {
    if (int_sign(arg) <= 0) return math_domain_error(ts);
    double x;
    if (int_to_double(ts, arg, x)) return new_float(ts, Log(x));
    if (!is_instance(ts->curexc, &exc_OverflowError)) return nullptr;
    clear_error(ts);
    std::int64_t e;
    double m = int_frexp(arg, e);
    return new_float(ts, Log(m) + Log(2.0) * static_cast<double>(e));
  }
  double x;
  if (!float_as_double(ts, arg, x)) return nullptr;
  if (std::isnan(x) || (std::isinf(x) && x > 0)) return new_float(ts, x);
  if (x <= 0.0) return math_domain_error(ts);
  return new_float(ts, Log(x));
}
double natural_log(double x) { return std::log(x); }
double log_base2(double x) { return std::log2(x); }
double log_base10(double x) { return std::log10(x); }

// log(x[, base]) == log(x) / log(base).
Object* math_log(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!no_kwargs(ts, "log", kwnames)) return nullptr;  // METH_VARARGS: the bare name
  if (nargs < 1 || nargs > 2) return raise(ts, &exc_TypeError, "math.log requires 1 to 2 arguments");
  Object* num = log_of<natural_log>(ts, args[0]);
  if (!num || nargs == 1) return num;
  Object* den = log_of<natural_log>(ts, args[1]);
  if (!den) {
    decref(num);
    return nullptr;
  }
  Object* r = binary_op(ts, num, den, BinaryOp::TrueDivide);
  decref(num);
  decref(den);
  return r;
}
Object* math_log2(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  return one_arg(ts, "math.log2", nargs, kwnames) ? log_of<log_base2>(ts, args[0]) : nullptr;
}
Object* math_log10(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  return one_arg(ts, "math.log10", nargs, kwnames) ? log_of<log_base10>(ts, args[0]) : nullptr;
}

// ---- comparison and neighbours -----------------------------------------------------
const char* const kIsCloseNames[] = {"a", "b", "rel_tol", "abs_tol"};

// isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0): |a - b| within rel_tol of either value
// or within abs_tol; infinities are close only to themselves. CPython: math_isclose_impl().
Object* math_isclose(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* a[4];
  if (!unpack_keywords(ts, {"isclose", kIsCloseNames, 4, 0, 2, 2}, args, nargs, kwnames, a)) return nullptr;
  double x, y, rel_tol = 1e-09, abs_tol = 0.0;
  if (!float_as_double(ts, a[0], x) || !float_as_double(ts, a[1], y)) return nullptr;
  if (a[2] && !float_as_double(ts, a[2], rel_tol)) return nullptr;
  if (a[3] && !float_as_double(ts, a[3], abs_tol)) return nullptr;
  if (rel_tol < 0.0 || abs_tol < 0.0) return raise(ts, &exc_ValueError, "tolerances must be non-negative");
  if (x == y) return new_bool(true);
  if (std::isinf(x) || std::isinf(y)) return new_bool(false);
  double diff = std::fabs(y - x);
  return new_bool(diff <= std::fabs(rel_tol * y) || diff <= std::fabs(rel_tol * x) || diff <= abs_tol);
}

Object* math_nextafter(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_positional(ts, "nextafter", "math.nextafter", nargs, kwnames, 2, 2)) return nullptr;
  double x, y;
  if (!float_as_double(ts, args[0], x) || !float_as_double(ts, args[1], y)) return nullptr;
  return new_float(ts, std::nextafter(x, y));
}

// The value of the least significant bit of x: the gap to the next double away from 0
// (towards 0 for the largest finite double).
Object* math_ulp(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  double x;
  if (!one_double(ts, "ulp", args, nargs, kwnames, x)) return nullptr;
  if (std::isnan(x)) return new_float(ts, x);
  x = std::fabs(x);
  if (std::isinf(x)) return new_float(ts, x);
  double next = std::nextafter(x, HUGE_VAL);
  if (std::isinf(next)) return new_float(ts, x - std::nextafter(x, -HUGE_VAL));
  return new_float(ts, next - x);
}

}  // namespace

bool register_math_parts_functions(ThreadState* ts, Object* dict) {
  struct Fn { const char* name; CallFunc impl; };
  static const Fn kFunctions[] = {
      {"ceil", math_ceil}, {"floor", math_floor}, {"trunc", math_trunc}, {"frexp", math_frexp},
      {"ldexp", math_ldexp}, {"modf", math_modf}, {"log", math_log}, {"log2", math_log2},
      {"log10", math_log10}, {"isclose", math_isclose}, {"nextafter", math_nextafter}, {"ulp", math_ulp},
  };
  for (const Fn& f : kFunctions)
    if (!add_builtin_function(ts, dict, f.name, f.impl)) return false;
  return true;
}

}  // namespace terrarium
