// float's methods and attributes: is_integer, as_integer_ratio, hex/fromhex, __round__
// (correctly rounded to ndigits, so round(2.675, 2) == 2.67 as in CPython), the integral
// conversions, __format__, __divmod__ and real/imag.
// CPython: Objects/floatobject.c float_* methods, double_round(), float_fromhex().
#include <algorithm>
#include <cmath>
#include <string>
#include "objects/abstract.hpp"
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/float_internal.hpp"
#include "objects/format.hpp"
#include "objects/getargs.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"

namespace terrarium {

namespace {

// x == m * 2**e with m an integer of at most 53 bits (x finite, nonzero).
void split_double(double x, std::int64_t& m, int& e) {
  int k;
  double f = std::frexp(x, &k);  // |f| in [0.5, 1)
  m = static_cast<std::int64_t>(std::ldexp(f, 53));
  e = k - 53;
}

Object* float_conjugate(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  return no_args(ts, "float.conjugate", nargs, kwnames) ? new_float(ts, float_value(self)) : nullptr;
}

Object* float_is_integer(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_args(ts, "float.is_integer", nargs, kwnames)) return nullptr;
  double x = float_value(self);
  return new_bool(std::isfinite(x) && std::floor(x) == x);
}

Object* float_as_integer_ratio(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_args(ts, "float.as_integer_ratio", nargs, kwnames)) return nullptr;
  double x = float_value(self);
  if (std::isinf(x)) return raise(ts, &exc_OverflowError, "cannot convert Infinity to integer ratio");
  if (std::isnan(x)) return raise(ts, &exc_ValueError, "cannot convert NaN to integer ratio");
  BigInt numerator, denominator(1);
  if (x != 0.0) {
    std::int64_t m;
    int e;
    split_double(x, m, e);
    int zeros = __builtin_ctzll(static_cast<std::uint64_t>(m < 0 ? -m : m));  // lowest terms
    m >>= zeros;
    e += zeros;
    numerator = BigInt(m);
    if (e >= 0) numerator = numerator << static_cast<std::uint64_t>(e);
    else denominator = denominator << static_cast<std::uint64_t>(-e);
  }
  Object* t = new_tuple(ts, 2);
  tuple_set(t, 0, new_int_from_bigint(ts, std::move(numerator)));
  tuple_set(t, 1, new_int_from_bigint(ts, std::move(denominator)));
  return t;
}

// '0x1.8000000000000p+0': one leading hex digit (0 only for subnormals), always 13 after
// the point. CPython: float_hex().
Object* float_hex(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_args(ts, "float.hex", nargs, kwnames)) return nullptr;
  double x = float_value(self);
  if (!std::isfinite(x)) return new_str(ts, float_repr_string(x));
  std::string sign = std::signbit(x) ? "-" : "";
  if (x == 0.0) return new_str(ts, sign + "0x0.0p+0");
  int e;
  double m = std::frexp(std::fabs(x), &e);  // [0.5, 1)
  // Normal numbers get the form 1.xxx; subnormals keep the minimum exponent, -1022.
  int shift = 1 - std::max(-1021 - e, 0);
  m = std::ldexp(m, shift);
  e -= shift;
  static const char kHex[] = "0123456789abcdef";
  std::string out = sign + "0x";
  int lead = static_cast<int>(m);
  out += kHex[lead];
  out += '.';
  m -= lead;
  for (int i = 0; i < 13; ++i) {
    m *= 16.0;
    int d = static_cast<int>(m);
    out += kHex[d];
    m -= d;
  }
  out += 'p';
  out += e < 0 ? '-' : '+';
  out += std::to_string(e < 0 ? -e : e);
  return new_str(ts, out);
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool starts_with_ignoring_case(std::string_view s, std::size_t i, std::string_view lower) {
  if (s.size() - i < lower.size()) return false;
  for (std::size_t k = 0; k < lower.size(); ++k)
    if ((s[i + k] | 0x20) != lower[k]) return false;
  return true;
}

// mantissa * 2**exp rounded once, half to even, to a double (or to the subnormal grid).
// False when the result is too large.
bool scale_to_double(const BigInt& mantissa, std::int64_t exp, double& out) {
  if (mantissa.is_zero()) {
    out = 0.0;
    return true;
  }
  auto bits = static_cast<std::int64_t>(mantissa.bit_length());
  std::int64_t top = bits + exp;  // 2**(top-1) <= value < 2**top
  if (top > 1024) return false;
  std::int64_t keep = std::min<std::int64_t>(53, top + 1074);  // bits above 2**-1075
  if (keep < 0) {
    out = 0.0;  // below half the smallest subnormal
    return true;
  }
  std::int64_t shift = bits - keep;
  if (shift <= 0) {
    out = std::ldexp(static_cast<double>(mantissa.to_int64()), static_cast<int>(exp));
    return true;
  }
  BigInt q = mantissa >> static_cast<std::uint64_t>(shift);
  BigInt rest = mantissa - (q << static_cast<std::uint64_t>(shift));
  int c = (rest + rest).compare(BigInt(1) << static_cast<std::uint64_t>(shift));
  if (c > 0 || (c == 0 && !(q & BigInt(1)).is_zero())) q = q + BigInt(1);
  out = std::ldexp(static_cast<double>(q.to_int64()), static_cast<int>(exp + shift));
  return !std::isinf(out);
}

// float.fromhex(s), a class method. CPython: float_fromhex().
Object* float_fromhex(ThreadState* ts, Object* cls, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_arg(ts, "float.fromhex", nargs, kwnames)) return nullptr;
  if (!is_str(args[0])) return raise(ts, &exc_TypeError, "bad argument type for built-in operation");
  std::string_view s = str_view(args[0]);
  auto invalid = [&] { return raise(ts, &exc_ValueError, "invalid hexadecimal floating-point string"); };
  std::size_t i = 0;
  while (i < s.size() && is_space(s[i])) ++i;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  double result;
  if (starts_with_ignoring_case(s, i, "inf") || starts_with_ignoring_case(s, i, "nan")) {
    bool nan = (s[i] | 0x20) == 'n';
    i += starts_with_ignoring_case(s, i, "infinity") ? 8 : 3;
    result = nan ? NAN : HUGE_VAL;
  } else {
    if (i + 1 < s.size() && s[i] == '0' && (s[i + 1] | 0x20) == 'x') i += 2;
    std::string digits;
    std::int64_t exp = 0;
    bool seen_point = false;
    for (; i < s.size(); ++i) {
      if (s[i] == '.' && !seen_point) {
        seen_point = true;
      } else if (hex_digit(s[i]) >= 0) {
        digits += s[i];
        if (seen_point) exp -= 4;
      } else {
        break;
      }
    }
    if (digits.empty()) return invalid();
    if (i < s.size() && (s[i] | 0x20) == 'p') {
      ++i;
      bool exp_negative = false;
      if (i < s.size() && (s[i] == '+' || s[i] == '-')) exp_negative = s[i++] == '-';
      std::size_t start = i;
      std::int64_t e = 0;
      constexpr std::int64_t kCap = std::int64_t{1} << 40;  // far past any double's range
      for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) e = std::min(kCap, e * 10 + (s[i] - '0'));
      if (i == start) return invalid();
      exp += exp_negative ? -e : e;
    }
    BigInt mantissa;
    if (!BigInt::parse(digits, 16, mantissa)) return invalid();
    if (!scale_to_double(mantissa, exp, result))
      return raise(ts, &exc_OverflowError, "hexadecimal value too large to represent as a float");
  }
  while (i < s.size() && is_space(s[i])) ++i;
  if (i != s.size()) return invalid();
  Object* value = new_float(ts, negative ? -result : result);
  if (cls == &float_type) return value;
  Object* instance = call_object(ts, cls, &value, 1, nullptr);
  decref(value);
  return instance;
}

// round(x, n): the double nearest to the decimal value x rounded (half to even, on x's
// exact value) to n places. Exact BigInt arithmetic stands in for CPython's
// _Py_dg_dtoa(mode 3) + strtod round trip and gives the same answers.
Object* round_to_digits(ThreadState* ts, double x, std::int64_t n) {
  // CPython: NDIGITS_MAX / NDIGITS_MIN, beyond which the answer is x or a signed zero.
  if (n > 323) return new_float(ts, x);
  if (n < -308) return new_float(ts, 0.0 * x);
  if (x == 0.0) return new_float(ts, x);
  std::int64_t m;
  int e;
  split_double(std::fabs(x), m, e);
  BigInt num(m), den(1);
  BigInt scale = BigInt::pow(BigInt(10), static_cast<std::uint64_t>(n < 0 ? -n : n));
  if (n >= 0) num = num * scale;
  else den = scale;
  if (e >= 0) num = num << static_cast<std::uint64_t>(e);
  else den = den << static_cast<std::uint64_t>(-e);
  BigInt q, r;
  BigInt::floor_divmod(num, den, q, r);
  int c = (r + r).compare(den);
  if (c > 0 || (c == 0 && !(q & BigInt(1)).is_zero())) q = q + BigInt(1);
  double result;
  bool ok = n >= 0 ? BigInt::true_divide(q, scale, result) : (q * scale).to_double(result);
  if (!ok) return raise(ts, &exc_OverflowError, "rounded value too large to represent");
  return new_float(ts, std::copysign(result, x));
}

Object* float_round(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_positional(ts, "__round__", "float.__round__", nargs, kwnames, 0, 1)) return nullptr;
  double x = float_value(self);
  if (nargs == 0 || args[0] == py_none()) {
    double rounded = std::round(x);  // half away from zero; fix ties to even below
    if (std::fabs(x - rounded) == 0.5) rounded = 2.0 * std::round(x / 2.0);
    return new_int_from_double(ts, rounded);
  }
  Object* ndigits = number_index(ts, args[0]);
  if (!ndigits) return nullptr;
  std::int64_t n = int_value(ndigits);  // saturated, as PyNumber_AsSsize_t(o, NULL) clamps
  decref(ndigits);
  if (!std::isfinite(x)) return new_float(ts, x);
  return round_to_digits(ts, x, n);
}

Object* float_trunc(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  return no_args(ts, "float.__trunc__", nargs, kwnames) ? new_int_from_double(ts, float_value(self)) : nullptr;
}
Object* float_floor(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  return no_args(ts, "float.__floor__", nargs, kwnames) ? new_int_from_double(ts, std::floor(float_value(self)))
                                                         : nullptr;
}
Object* float_ceil(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  return no_args(ts, "float.__ceil__", nargs, kwnames) ? new_int_from_double(ts, std::ceil(float_value(self)))
                                                        : nullptr;
}
Object* float_int(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  return wrapper_args(ts, "__int__", 0, nargs, kwnames) ? new_int_from_double(ts, float_value(self)) : nullptr;
}
Object* float_float(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!wrapper_args(ts, "__float__", 0, nargs, kwnames)) return nullptr;
  return self->ob_type == &float_type ? newref(self) : new_float(ts, float_value(self));
}
Object* float_abs(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  return wrapper_args(ts, "__abs__", 0, nargs, kwnames) ? new_float(ts, std::fabs(float_value(self))) : nullptr;
}
Object* float_divmod_method(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  return wrapper_args(ts, "__divmod__", 1, nargs, kwnames) ? float_divmod(ts, self, args[0]) : nullptr;
}
Object* float_rdivmod_method(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  return wrapper_args(ts, "__rdivmod__", 1, nargs, kwnames) ? float_divmod(ts, args[0], self) : nullptr;
}

Object* float_format(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_arg(ts, "float.__format__", nargs, kwnames)) return nullptr;
  if (!is_str(args[0]))
    return raise(ts, &exc_TypeError, std::string("__format__() argument must be str, not ") + args[0]->ob_type->tp_name);
  // An empty spec is str(self), so format(True) is 'True' and subclasses keep their __str__.
  if (str_view(args[0]).empty()) return object_str(ts, self);
  return format_float_value(ts, float_value(self), str_view(args[0]));
}

Object* float_get_real(ThreadState* ts, Object* self) { return new_float(ts, float_value(self)); }
Object* float_get_imag(ThreadState* ts, Object*) { return new_float(ts, 0.0); }

}  // namespace

const MethodDef kFloatMethods[] = {
    {"conjugate", float_conjugate, METH_INSTANCE},
    {"is_integer", float_is_integer, METH_INSTANCE},
    {"as_integer_ratio", float_as_integer_ratio, METH_INSTANCE},
    {"hex", float_hex, METH_INSTANCE},
    {"fromhex", float_fromhex, METH_CLASS},
    {"__round__", float_round, METH_INSTANCE},
    {"__trunc__", float_trunc, METH_INSTANCE},
    {"__floor__", float_floor, METH_INSTANCE},
    {"__ceil__", float_ceil, METH_INSTANCE},
    {"__int__", float_int, METH_INSTANCE},
    {"__float__", float_float, METH_INSTANCE},
    {"__abs__", float_abs, METH_INSTANCE},
    {"__divmod__", float_divmod_method, METH_INSTANCE},
    {"__rdivmod__", float_rdivmod_method, METH_INSTANCE},
    {"__format__", float_format, METH_INSTANCE},
    {nullptr, nullptr, 0},
};

const GetSetDef kFloatGetSet[] = {
    {"real", float_get_real, nullptr},
    {"imag", float_get_imag, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace terrarium
