// float arithmetic with int mixing, comparisons, hashing (equal to int hash for integral
// values, as CPython guarantees) and the shortest round-trip repr.
// CPython: Objects/floatobject.c, Python/pystrtod.c.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"

namespace terrarium {

namespace {

// Converts an int or float operand to double; false means "not a number type here".
bool as_double(Object* o, double& out) {
  if (is_float(o)) { out = float_value(o); return true; }
  if (is_int(o)) { out = static_cast<double>(int_value(o)); return true; }
  return false;
}

Object* float_power(ThreadState* ts, double x, double y) {
  if (x == 0.0 && y < 0.0) return raise(ts, &exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
  if (x < 0.0 && y != std::floor(y))
    return raise(ts, &exc_ValueError, "complex results are not supported yet (negative number to a fractional power)");
  errno = 0;
  double r = std::pow(x, y);
  if (std::isinf(r) && std::isfinite(x) && std::isfinite(y))
    return raise(ts, &exc_OverflowError, "(34, 'Numerical result out of range')");
  return new_float(ts, r);
}

Object* float_binary(ThreadState* ts, Object* a, Object* b, BinaryOp op) {
  double x, y;
  if (!as_double(a, x) || !as_double(b, y)) return newref(py_not_implemented());
  switch (op) {
    case BinaryOp::Add: return new_float(ts, x + y);
    case BinaryOp::Subtract: return new_float(ts, x - y);
    case BinaryOp::Multiply: return new_float(ts, x * y);
    case BinaryOp::TrueDivide:
      if (y == 0.0) return raise(ts, &exc_ZeroDivisionError, "float division by zero");
      return new_float(ts, x / y);
    case BinaryOp::FloorDivide: {
      if (y == 0.0) return raise(ts, &exc_ZeroDivisionError, "float floor division by zero");
      // CPython: float_floor_div via float_divmod, so results agree with %.
      double mod = std::fmod(x, y);
      double div = (x - mod) / y;
      if (mod != 0.0 && ((y < 0.0) != (mod < 0.0))) div -= 1.0;
      double floordiv = div == 0.0 ? std::copysign(0.0, x / y) : std::floor(div);
      if (div - floordiv > 0.5) floordiv += 1.0;
      return new_float(ts, floordiv);
    }
    case BinaryOp::Remainder: {
      if (y == 0.0) return raise(ts, &exc_ZeroDivisionError, "float modulo");
      double mod = std::fmod(x, y);
      if (mod != 0.0) {
        if ((y < 0.0) != (mod < 0.0)) mod += y;
      } else {
        mod = std::copysign(0.0, y);
      }
      return new_float(ts, mod);
    }
    case BinaryOp::Power: return float_power(ts, x, y);
    default: return newref(py_not_implemented());
  }
}

template <BinaryOp Op>
Object* float_slot(ThreadState* ts, Object* a, Object* b) {
  return float_binary(ts, a, b, Op);
}

Object* float_repr(ThreadState* ts, Object* o) { return new_str(ts, float_repr_string(float_value(o))); }

Py_hash_t float_hash(ThreadState* ts, Object* o) {
  double v = float_value(o);
  if (std::isinf(v)) return v > 0 ? 314159 : -314159;
  if (std::isnan(v)) return 0;  // CPython 3.10+ hashes nan by identity; 0 keeps dicts correct
  double ip;
  if (std::modf(v, &ip) == 0.0 && std::fabs(v) < 9.2e18) {
    IntObject tmp{{kImmortalRefcnt, &int_type}, static_cast<std::int64_t>(v)};
    return int_type.tp_hash(ts, &tmp);
  }
  // Non-integral: any well-mixed function of the bits keeps dict semantics right.
  std::uint64_t bits;
  static_assert(sizeof bits == sizeof v);
  __builtin_memcpy(&bits, &v, sizeof v);
  auto h = static_cast<Py_hash_t>(bits ^ (bits >> 29));
  return h == -1 ? -2 : h;
}

Object* float_richcompare(ThreadState*, Object* a, Object* b, CompareOp op) {
  double x, y;
  if (!as_double(a, x) || !as_double(b, y)) return newref(py_not_implemented());
  bool r = false;
  switch (op) {
    case CompareOp::Lt: r = x < y; break;
    case CompareOp::Le: r = x <= y; break;
    case CompareOp::Eq: r = x == y; break;
    case CompareOp::Ne: r = x != y; break;
    case CompareOp::Gt: r = x > y; break;
    case CompareOp::Ge: r = x >= y; break;
  }
  return new_bool(r);
}

int float_bool(ThreadState*, Object* o) { return float_value(o) != 0.0; }
Object* float_negative(ThreadState* ts, Object* o) { return new_float(ts, -float_value(o)); }
Object* float_positive(ThreadState* ts, Object* o) { return new_float(ts, float_value(o)); }

}  // namespace

TypeObject float_type = [] {
  TypeObject t = make_static_type("float", sizeof(FloatObject), &object_type);
  t.tp_repr = float_repr;
  t.tp_str = float_repr;
  t.tp_hash = float_hash;
  t.tp_richcompare = float_richcompare;
  t.nb_bool = float_bool;
  t.nb_negative = float_negative;
  t.nb_positive = float_positive;
#define TERRARIUM_FLOAT_SLOT(op) t.nb_binary[static_cast<int>(BinaryOp::op)] = float_slot<BinaryOp::op>;
  TERRARIUM_FLOAT_SLOT(Add) TERRARIUM_FLOAT_SLOT(Subtract) TERRARIUM_FLOAT_SLOT(Multiply)
  TERRARIUM_FLOAT_SLOT(TrueDivide) TERRARIUM_FLOAT_SLOT(FloorDivide)
  TERRARIUM_FLOAT_SLOT(Remainder) TERRARIUM_FLOAT_SLOT(Power)
#undef TERRARIUM_FLOAT_SLOT
  return t;
}();

Object* new_float(ThreadState*, double v) {
  auto* o = static_cast<FloatObject*>(object_alloc(&float_type, sizeof(FloatObject)));
  o->value = v;
  return o;
}

std::string float_repr_string(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  // Shortest digit string that round-trips (libc++ 13 in Emscripten lacks to_chars for
  // double, so search precisions; %.*e rounds correctly, so the first hit is CPython's).
  char buf[40];
  int precision = 1;
  for (; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision - 1, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  // buf is "[-]d.ddde[+-]XX": split into sign, digits and decimal exponent.
  std::string s(buf);
  bool negative = s[0] == '-';
  if (negative) s.erase(0, 1);
  std::size_t e = s.find('e');
  int exp10 = std::atoi(s.c_str() + e + 1);
  std::string digits;
  for (std::size_t i = 0; i < e; ++i)
    if (s[i] != '.') digits += s[i];
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  std::string out = negative ? "-" : "";
  int n = static_cast<int>(digits.size());
  // CPython's repr switches to exponent form when exp < -4 or exp >= 16.
  if (exp10 < -4 || exp10 >= 16) {
    out += digits[0];
    if (n > 1) out += "." + digits.substr(1);
    char ebuf[8];
    std::snprintf(ebuf, sizeof ebuf, "e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
    return out + ebuf;
  }
  if (exp10 < 0) return out + "0." + std::string(-exp10 - 1, '0') + digits;
  if (exp10 + 1 >= n) return out + digits + std::string(exp10 + 1 - n, '0') + ".0";
  return out + digits.substr(0, exp10 + 1) + "." + digits.substr(exp10 + 1);
}

}  // namespace terrarium
