// The float type object: arithmetic with int mixing (ints converted exactly or with
// OverflowError), exact comparison against ints of any size, CPython's hash, power with
// its special cases, and the shortest round-trip repr. The constructor is in
// float_new.cpp, the methods in float_methods.cpp.
// CPython: Objects/floatobject.c, Python/pyhash.c, Python/pystrtod.c.
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include "objects/free_list.hpp"
#include "objects/complex.hpp"
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/float_internal.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "trace/allocation_hooks.hpp"

namespace terrarium {

namespace {

// An int or float operand as a double: 1, 0 when the operand is neither (the slot
// answers NotImplemented), -1 with OverflowError for an int too large.
int operand_double(ThreadState* ts, Object* o, double& out) {
  if (is_float(o)) {
    out = float_value(o);
    return 1;
  }
  if (is_int(o)) return int_to_double(ts, o, out) ? 1 : -1;
  return 0;
}

bool is_odd_integer(double v) { return std::fmod(v, 2.0) != 0.0 && v == std::floor(v); }

// CPython: float_divmod(); // and % come from the same computation so they agree.
void divmod_values(double x, double y, double& floordiv, double& mod) {
  mod = std::fmod(x, y);
  double div = (x - mod) / y;
  if (mod != 0.0) {
    if ((y < 0.0) != (mod < 0.0)) {
      mod += y;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, y);
  }
  if (div != 0.0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, x / y);
  }
}

Object* float_binary(ThreadState* ts, Object* a, Object* b, BinaryOp op) {
  double x, y;
  int ok = operand_double(ts, a, x);
  if (ok > 0) ok = operand_double(ts, b, y);
  if (ok < 0) return nullptr;
  if (ok == 0) return newref(py_not_implemented());
  switch (op) {
    case BinaryOp::Add: return new_float(ts, x + y);
    case BinaryOp::Subtract: return new_float(ts, x - y);
    case BinaryOp::Multiply: return new_float(ts, x * y);
    case BinaryOp::TrueDivide:
      if (y == 0.0) return raise(ts, &exc_ZeroDivisionError, "float division by zero");
      return new_float(ts, x / y);
    case BinaryOp::FloorDivide: {
      if (y == 0.0) return raise(ts, &exc_ZeroDivisionError, "float floor division by zero");
      double q, r;
      divmod_values(x, y, q, r);
      return new_float(ts, q);
    }
    case BinaryOp::Remainder: {
      if (y == 0.0) return raise(ts, &exc_ZeroDivisionError, "float modulo");
      double q, r;
      divmod_values(x, y, q, r);
      return new_float(ts, r);
    }
    case BinaryOp::Power: return float_power_values(ts, x, y);
    default: return newref(py_not_implemented());
  }
}

template <BinaryOp Op>
Object* float_slot(ThreadState* ts, Object* a, Object* b) {
  return float_binary(ts, a, b, Op);
}

Object* float_repr(ThreadState* ts, Object* o) { return new_str(ts, float_repr_string(float_value(o))); }

Py_hash_t float_hash(ThreadState* ts, Object* o) { return hash_double(ts, o, float_value(o)); }

}  // namespace

// CPython: Python/pyhash.c _Py_HashDouble(). The hash of x = m * 2**e is m * 2**e reduced
// modulo P = 2**61 - 1, so it equals the int hash for integral values. The mantissa is
// folded in 28 bits at a time (multiplying by 2**28 mod P is a rotation of 61 bits), then
// the exponent becomes one more rotation, since 2**61 == 1 (mod P).
Py_hash_t hash_double(ThreadState* ts, Object* owner, double v) {
  constexpr int kBits = 61;
  constexpr std::uint64_t kModulus = (std::uint64_t{1} << kBits) - 1;
  auto rotate = [](std::uint64_t x, int n) { return ((x << n) & kModulus) | (x >> (kBits - n)); };
  if (std::isinf(v)) return v > 0 ? 314159 : -314159;
  if (std::isnan(v)) return identity_hash(ts, owner);  // CPython 3.10+: nan hashes by identity
  int e;
  double m = std::frexp(v, &e);
  bool negative = m < 0;
  if (negative) m = -m;
  std::uint64_t x = 0;
  while (m != 0.0) {
    x = rotate(x, 28);
    m *= 268435456.0;  // 2**28: the next 28 bits move above the binary point
    e -= 28;
    auto chunk = static_cast<std::uint64_t>(m);
    m -= static_cast<double>(chunk);
    x += chunk;
    if (x >= kModulus) x -= kModulus;
  }
  // e mod 61, as a non-negative rotation.
  int shift = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
  x = rotate(x, shift);
  auto h = static_cast<Py_hash_t>(negative ? 0 - x : x);
  return h == -1 ? -2 : h;
}

namespace {

bool compare_sign(int c, CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return c < 0;
    case CompareOp::Le: return c <= 0;
    case CompareOp::Eq: return c == 0;
    case CompareOp::Ne: return c != 0;
    case CompareOp::Gt: return c > 0;
    case CompareOp::Ge: return c >= 0;
  }
  return false;
}

// float against float or int. An int is compared exactly, never rounded to a double
// first: 2**53 + 1 != 2.0**53. CPython: float_richcompare().
Object* float_richcompare(ThreadState*, Object* a, Object* b, CompareOp op) {
  if (!is_float(a)) return newref(py_not_implemented());
  double x = float_value(a);
  int c;
  if (is_float(b)) {
    double y = float_value(b);
    if (std::isnan(x) || std::isnan(y)) return new_bool(op == CompareOp::Ne);
    c = x < y ? -1 : x > y;
  } else if (is_int(b)) {
    if (std::isnan(x)) return new_bool(op == CompareOp::Ne);
    if (std::isinf(x)) c = x > 0 ? 1 : -1;
    else c = -int_compare_double(b, x);
  } else {
    return newref(py_not_implemented());
  }
  return new_bool(compare_sign(c, op));
}

int float_bool(ThreadState*, Object* o) { return float_value(o) != 0.0; }
Object* float_negative(ThreadState* ts, Object* o) { return new_float(ts, -float_value(o)); }
Object* float_positive(ThreadState* ts, Object* o) { return new_float(ts, float_value(o)); }

}  // namespace

namespace {
thread_local FreeList<100> free_floats;  // CPython: PyFloat_MAXFREELIST

void float_dealloc(Object* o) {
  if (o->ob_type == &float_type && free_floats.push(o)) return;
  object_free(o);
}
}  // namespace

TypeObject float_type = [] {
  TypeObject t = make_static_type("float", sizeof(FloatObject), &object_type);
  t.tp_flags = TPFLAGS_BASETYPE | TPFLAGS_MATCH_SELF;
  t.tp_dealloc = float_dealloc;
  t.tp_repr = float_repr;
  t.tp_hash = float_hash;
  t.tp_richcompare = float_richcompare;
  t.nb_bool = float_bool;
  t.nb_negative = float_negative;
  t.nb_positive = float_positive;
  t.tp_new = float_new;
  t.tp_methods = kFloatMethods;
  t.tp_getset = kFloatGetSet;
  t.tp_doc = "Convert a string or number to a floating point number, if possible.";
#define TERRARIUM_FLOAT_SLOT(op) t.nb_binary[static_cast<int>(BinaryOp::op)] = float_slot<BinaryOp::op>;
  TERRARIUM_FLOAT_SLOT(Add) TERRARIUM_FLOAT_SLOT(Subtract) TERRARIUM_FLOAT_SLOT(Multiply)
  TERRARIUM_FLOAT_SLOT(TrueDivide) TERRARIUM_FLOAT_SLOT(FloorDivide)
  TERRARIUM_FLOAT_SLOT(Remainder) TERRARIUM_FLOAT_SLOT(Power)
#undef TERRARIUM_FLOAT_SLOT
  return t;
}();

Object* new_float(ThreadState*, double v) {
  auto* o = static_cast<FloatObject*>(free_floats.pop());
  if (o) {
    o->ob_refcnt = 1;
    o->ob_type = &float_type;
    note_allocation(o);
  } else {
    o = static_cast<FloatObject*>(object_alloc(&float_type, sizeof(FloatObject)));
  }
  o->value = v;
  return o;
}

Object* float_power_values(ThreadState* ts, double x, double y) {
  // CPython: float_pow() settles the special values itself rather than trust libm.
  if (y == 0.0) return new_float(ts, 1.0);  // even 0**0 and nan**0
  if (std::isnan(x)) return new_float(ts, x);
  if (std::isnan(y)) return new_float(ts, x == 1.0 ? 1.0 : y);
  if (std::isinf(y)) {
    double ax = std::fabs(x);
    if (ax == 1.0) return new_float(ts, 1.0);
    return new_float(ts, (y > 0.0) == (ax > 1.0) ? HUGE_VAL : 0.0);
  }
  if (std::isinf(x)) {
    bool odd = is_odd_integer(y);
    if (y > 0.0) return new_float(ts, odd ? x : std::fabs(x));
    return new_float(ts, odd ? std::copysign(0.0, x) : 0.0);
  }
  if (x == 0.0) {
    if (y < 0.0) return raise(ts, &exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return new_float(ts, is_odd_integer(y) ? x : 0.0);
  }
  bool negate = false;
  if (x < 0.0) {
    // A negative number to a fractional power is complex, as in CPython's float_pow().
    if (y != std::floor(y)) return complex_power_values(ts, {x, 0.0}, {y, 0.0});
    x = -x;
    negate = is_odd_integer(y);
  }
  if (x == 1.0) return new_float(ts, negate ? -1.0 : 1.0);
  double r = std::pow(x, y);
  if (std::isinf(r)) return raise(ts, &exc_OverflowError, "(34, 'Numerical result out of range')");
  return new_float(ts, negate ? -r : r);
}

Object* float_divmod(ThreadState* ts, Object* a, Object* b) {
  double x, y;
  int ok = operand_double(ts, a, x);
  if (ok > 0) ok = operand_double(ts, b, y);
  if (ok < 0) return nullptr;
  if (ok == 0) return newref(py_not_implemented());
  if (y == 0.0) return raise(ts, &exc_ZeroDivisionError, "float divmod()");
  double q, r;
  divmod_values(x, y, q, r);
  Object* t = new_tuple(ts, 2);
  tuple_set(t, 0, new_float(ts, q));
  tuple_set(t, 1, new_float(ts, r));
  return t;
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
    char ebuf[16];
    std::snprintf(ebuf, sizeof ebuf, "e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
    return out + ebuf;
  }
  if (exp10 < 0) return out + "0." + std::string(-exp10 - 1, '0') + digits;
  if (exp10 + 1 >= n) return out + digits + std::string(exp10 + 1 - n, '0') + ".0";
  return out + digits.substr(0, exp10 + 1) + "." + digits.substr(exp10 + 1);
}

}  // namespace terrarium
