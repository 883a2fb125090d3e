// math's functions of doubles that libm computes: the one-argument functions (sqrt, exp,
// sin, ...) with CPython's rule for turning NaN and infinite results into errors, the
// two-argument ones (atan2, copysign, remainder, pow, fmod), gamma/lgamma, erf/erfc,
// classification and angle conversion. CPython: Modules/mathmodule.c math_1(), math_2(),
// math_pow(), math_fmod(), m_tgamma()/m_lgamma() error rules.
#include <cmath>
#include "modules/builtins_registry.hpp"
#include "modules/math_internal.hpp"
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/getargs.hpp"
#include "objects/singletons.hpp"

namespace terrarium {

namespace {

struct UnaryMath {
  const char* name;
  double (*fn)(double);
  // An infinite result from a finite argument: OverflowError if the function can grow
  // that large (exp), ValueError if it marks a pole (log1p(-1), atanh(1)).
  bool can_overflow;
};

// Every one-argument libm function math exposes with math_1's error rules.
#define TERRARIUM_MATH_UNARY(X)                                                                      \
  X(acos, false) X(acosh, false) X(asin, false) X(asinh, false) X(atan, false) X(atanh, false)       \
  X(cbrt, false) X(cos, false) X(cosh, true) X(exp, true) X(exp2, true) X(expm1, true)               \
  X(fabs, false) X(log1p, false) X(sin, false) X(sinh, true) X(sqrt, false) X(tan, false)            \
  X(tanh, false)

#define TERRARIUM_DEFINE_UNARY(fn_name, overflow) \
  constexpr UnaryMath k_##fn_name{#fn_name, [](double x) { return std::fn_name(x); }, overflow};
TERRARIUM_MATH_UNARY(TERRARIUM_DEFINE_UNARY)
#undef TERRARIUM_DEFINE_UNARY

// One double argument, METH_O style: "math.sqrt() takes exactly one argument (2 given)".
bool one_double(ThreadState* ts, const char* name, Object* const* args, std::size_t nargs, Object* kwnames,
                double& x) {
  return one_arg(ts, math_qualname(name).c_str(), nargs, kwnames) && float_as_double(ts, args[0], x);
}

// Two double arguments: "atan2 expected 2 arguments, got 1".
bool two_doubles(ThreadState* ts, const char* name, Object* const* args, std::size_t nargs, Object* kwnames,
                 double& x, double& y) {
  return check_positional(ts, name, math_qualname(name).c_str(), nargs, kwnames, 2, 2) &&
         float_as_double(ts, args[0], x) && float_as_double(ts, args[1], y);
}

// CPython: math_1().
template <const UnaryMath& F>
Object* math_unary(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  double x;
  if (!one_double(ts, F.name, args, nargs, kwnames, x)) return nullptr;
  double r = F.fn(x);
  if (std::isnan(r) && !std::isnan(x)) return math_domain_error(ts);
  if (std::isinf(r) && std::isfinite(x)) return F.can_overflow ? math_range_error(ts) : math_domain_error(ts);
  return new_float(ts, r);
}

// erf and erfc are defined everywhere and never overflow.
Object* math_erf(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  double x;
  return one_double(ts, "erf", args, nargs, kwnames, x) ? new_float(ts, std::erf(x)) : nullptr;
}
Object* math_erfc(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  double x;
  return one_double(ts, "erfc", args, nargs, kwnames, x) ? new_float(ts, std::erfc(x)) : nullptr;
}

bool is_nonpositive_integer(double x) { return x <= 0.0 && x == std::floor(x); }

// gamma has poles at 0 and the negative integers, and is undefined at -inf.
Object* math_gamma(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  double x;
  if (!one_double(ts, "gamma", args, nargs, kwnames, x)) return nullptr;
  if (std::isnan(x)) return new_float(ts, x);
  if (std::isinf(x)) return x > 0 ? new_float(ts, x) : math_domain_error(ts);
  if (is_nonpositive_integer(x)) return math_domain_error(ts);
  // Up to 23, gamma of an integer is a factorial that a double holds exactly (22! has
  // few enough significant bits); CPython returns those exact values.
  if (x == std::floor(x) && x <= 23.0) {
    double factorial = 1.0;
    for (double k = 2.0; k < x; k += 1.0) factorial *= k;
    return new_float(ts, factorial);
  }
  double r = std::tgamma(x);
  if (std::isinf(r)) return math_range_error(ts);
  return new_float(ts, r);
}

// lgamma is +inf at both infinities; its poles are the non-positive integers.
Object* math_lgamma(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  double x;
  if (!one_double(ts, "lgamma", args, nargs, kwnames, x)) return nullptr;
  if (std::isnan(x)) return new_float(ts, x);
  if (std::isinf(x)) return new_float(ts, HUGE_VAL);
  if (is_nonpositive_integer(x)) return math_domain_error(ts);
  double r = std::lgamma(x);
  if (std::isinf(r)) return math_range_error(ts);
  return new_float(ts, r);
}

// CPython: math_2(): a NaN from non-NaN arguments is a domain error, an infinity from
// finite ones a range error.
template <double (*F)(double, double)>
Object* math_binary(ThreadState* ts, const char* name, Object* const* args, std::size_t nargs, Object* kwnames) {
  double x, y;
  if (!two_doubles(ts, name, args, nargs, kwnames, x, y)) return nullptr;
  double r = F(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return math_domain_error(ts);
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) return math_range_error(ts);
  return new_float(ts, r);
}

double atan2_values(double y, double x) { return std::atan2(y, x); }
double copysign_values(double x, double y) { return std::copysign(x, y); }
double remainder_values(double x, double y) { return std::remainder(x, y); }

Object* math_atan2(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  return math_binary<atan2_values>(ts, "atan2", args, nargs, kwnames);
}
Object* math_copysign(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  return math_binary<copysign_values>(ts, "copysign", args, nargs, kwnames);
}
Object* math_remainder(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  return math_binary<remainder_values>(ts, "remainder", args, nargs, kwnames);
}

// fmod(x, +-inf) is x for finite x; fmod(inf, y) and fmod(x, 0) are domain errors.
Object* math_fmod(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  double x, y;
  if (!two_doubles(ts, "fmod", args, nargs, kwnames, x, y)) return nullptr;
  if (std::isinf(y) && std::isfinite(x)) return new_float(ts, x);
  double r = std::fmod(x, y);
  if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) return math_domain_error(ts);
  return new_float(ts, r);
}

// math.pow settles the IEEE special values itself (C99 Annex F), so every platform
// agrees; finite ** finite is left to libm and checked. CPython: math_pow().
Object* math_pow(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  double x, y;
  if (!two_doubles(ts, "pow", args, nargs, kwnames, x, y)) return nullptr;
  if (std::isfinite(x) && std::isfinite(y)) {
    double r = std::pow(x, y);
    if (std::isnan(r)) return math_domain_error(ts);  // negative ** non-integer
    if (std::isinf(r)) return x == 0.0 ? math_domain_error(ts) : math_range_error(ts);
    return new_float(ts, r);
  }
  double r;
  if (std::isnan(x)) {
    r = y == 0.0 ? 1.0 : x;
  } else if (std::isnan(y)) {
    r = x == 1.0 ? 1.0 : y;
  } else if (std::isinf(x)) {
    bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
    if (y > 0.0) r = odd_y ? x : std::fabs(x);
    else if (y == 0.0) r = 1.0;
    else r = odd_y ? std::copysign(0.0, x) : 0.0;
  } else {  // y is infinite
    double ax = std::fabs(x);
    if (ax == 1.0) r = 1.0;
    else if ((y > 0.0) == (ax > 1.0)) r = HUGE_VAL;
    else r = 0.0;
  }
  return new_float(ts, r);
}

template <bool (*Test)(double)>
Object* math_classify(ThreadState* ts, const char* name, Object* const* args, std::size_t nargs, Object* kwnames) {
  double x;
  return one_double(ts, name, args, nargs, kwnames, x) ? new_bool(Test(x)) : nullptr;
}
bool finite_value(double x) { return std::isfinite(x); }
bool infinite_value(double x) { return std::isinf(x); }
bool nan_value(double x) { return std::isnan(x); }
Object* math_isfinite(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  return math_classify<finite_value>(ts, "isfinite", args, nargs, kwnames);
}
Object* math_isinf(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  return math_classify<infinite_value>(ts, "isinf", args, nargs, kwnames);
}
Object* math_isnan(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  return math_classify<nan_value>(ts, "isnan", args, nargs, kwnames);
}

constexpr double kPi = 3.141592653589793238462643383279502884;
Object* math_degrees(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  double x;
  return one_double(ts, "degrees", args, nargs, kwnames, x) ? new_float(ts, x * (180.0 / kPi)) : nullptr;
}
Object* math_radians(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  double x;
  return one_double(ts, "radians", args, nargs, kwnames, x) ? new_float(ts, x * (kPi / 180.0)) : nullptr;
}

}  // namespace

bool register_math_float_functions(ThreadState* ts, Object* dict) {
  struct Fn { const char* name; CallFunc impl; };
  static const Fn kFunctions[] = {
#define TERRARIUM_LIST_UNARY(fn_name, overflow) {#fn_name, math_unary<k_##fn_name>},
      TERRARIUM_MATH_UNARY(TERRARIUM_LIST_UNARY)
#undef TERRARIUM_LIST_UNARY
      {"erf", math_erf}, {"erfc", math_erfc}, {"gamma", math_gamma}, {"lgamma", math_lgamma},
      {"atan2", math_atan2}, {"copysign", math_copysign}, {"remainder", math_remainder}, {"fmod", math_fmod},
      {"pow", math_pow}, {"isfinite", math_isfinite}, {"isinf", math_isinf}, {"isnan", math_isnan},
      {"degrees", math_degrees}, {"radians", math_radians},
  };
  for (const Fn& f : kFunctions)
    if (!add_builtin_function(ts, dict, f.name, f.impl)) return false;
  return true;
}

}  // namespace terrarium
