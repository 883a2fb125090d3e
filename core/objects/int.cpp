// int arithmetic, comparison, hashing and repr on 64-bit values, with CPython's floor
// division/modulo signs, its ZeroDivisionError texts and int/float mixing rules.
// CPython: Objects/longobject.c.
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"

namespace terrarium {

namespace {

constexpr int kSmallMin = -5, kSmallMax = 256;  // CPython: _PY_NSMALLNEGINTS/_PY_NSMALLPOSINTS
IntObject small_ints[kSmallMax - kSmallMin + 1];
const bool small_ints_ready = [] {
  for (int i = kSmallMin; i <= kSmallMax; ++i)
    small_ints[i - kSmallMin] = IntObject{{kImmortalRefcnt, &int_type}, i};
  return true;
}();

std::nullptr_t overflow(ThreadState* ts) {
  return raise(ts, &exc_OverflowError,
               "integer result too large: arbitrary-precision int is not supported yet");
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}
std::int64_t floor_mod(std::int64_t a, std::int64_t b) {
  std::int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

// Both operands must be int (or bool) for the int slots; anything else defers.
bool both_int(Object* a, Object* b) { return is_int(a) && is_int(b); }

Object* int_power(ThreadState* ts, std::int64_t base, std::int64_t exp) {
  if (exp < 0) {
    if (base == 0) return raise(ts, &exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return new_float(ts, std::pow(static_cast<double>(base), static_cast<double>(exp)));
  }
  std::int64_t result = 1;
  while (exp > 0) {
    if (exp & 1) {
      if (__builtin_mul_overflow(result, base, &result)) return overflow(ts);
    }
    exp >>= 1;
    if (exp > 0 && __builtin_mul_overflow(base, base, &base)) return overflow(ts);
  }
  return new_int(ts, result);
}

Object* int_binary(ThreadState* ts, Object* a, Object* b, BinaryOp op) {
  if (!both_int(a, b)) return newref(py_not_implemented());
  std::int64_t x = int_value(a), y = int_value(b), r = 0;
  switch (op) {
    case BinaryOp::Add:
      if (__builtin_add_overflow(x, y, &r)) return overflow(ts);
      return new_int(ts, r);
    case BinaryOp::Subtract:
      if (__builtin_sub_overflow(x, y, &r)) return overflow(ts);
      return new_int(ts, r);
    case BinaryOp::Multiply:
      if (__builtin_mul_overflow(x, y, &r)) return overflow(ts);
      return new_int(ts, r);
    case BinaryOp::FloorDivide:
      if (y == 0) return raise(ts, &exc_ZeroDivisionError, "integer division or modulo by zero");
      if (x == INT64_MIN && y == -1) return overflow(ts);
      return new_int(ts, floor_div(x, y));
    case BinaryOp::Remainder:
      if (y == 0) return raise(ts, &exc_ZeroDivisionError, "integer modulo by zero");
      if (y == -1) return new_int(ts, 0);
      return new_int(ts, floor_mod(x, y));
    case BinaryOp::TrueDivide:
      if (y == 0) return raise(ts, &exc_ZeroDivisionError, "division by zero");
      return new_float(ts, static_cast<double>(x) / static_cast<double>(y));
    case BinaryOp::Power:
      return int_power(ts, x, y);
    case BinaryOp::And: return new_int(ts, x & y);
    case BinaryOp::Or: return new_int(ts, x | y);
    case BinaryOp::Xor: return new_int(ts, x ^ y);
    case BinaryOp::Lshift:
      if (y < 0) return raise(ts, &exc_ValueError, "negative shift count");
      if (x == 0) return new_int(ts, 0);
      if (y >= 63 || (x > 0 ? x > (INT64_MAX >> y) : x < (INT64_MIN >> y))) return overflow(ts);
      return new_int(ts, static_cast<std::int64_t>(static_cast<std::uint64_t>(x) << y));
    case BinaryOp::Rshift:
      if (y < 0) return raise(ts, &exc_ValueError, "negative shift count");
      return new_int(ts, y >= 63 ? (x < 0 ? -1 : 0) : (x >> y));
    default:
      return newref(py_not_implemented());
  }
}

template <BinaryOp Op>
Object* int_slot(ThreadState* ts, Object* a, Object* b) {
  return int_binary(ts, a, b, Op);
}

Object* int_repr(ThreadState* ts, Object* o) { return new_str(ts, std::to_string(int_value(o))); }

Py_hash_t int_hash(ThreadState*, Object* o) {
  // CPython: hash(n) == n for small n, reduced modulo 2**61 - 1, and -1 maps to -2.
  constexpr std::int64_t kModulus = (std::int64_t{1} << 61) - 1;
  std::int64_t v = int_value(o);
  std::uint64_t magnitude = v >= 0 ? static_cast<std::uint64_t>(v) : 0 - static_cast<std::uint64_t>(v);
  auto h = static_cast<std::int64_t>(magnitude % kModulus);
  if (v < 0) h = -h;
  return h == -1 ? -2 : h;
}

Object* int_richcompare(ThreadState*, Object* a, Object* b, CompareOp op) {
  if (!both_int(a, b)) return newref(py_not_implemented());
  std::int64_t x = int_value(a), y = int_value(b);
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

int int_bool(ThreadState*, Object* o) { return int_value(o) != 0; }
Object* int_negative(ThreadState* ts, Object* o) {
  if (int_value(o) == INT64_MIN) return overflow(ts);
  return new_int(ts, -int_value(o));
}
Object* int_positive(ThreadState* ts, Object* o) { return new_int(ts, int_value(o)); }
Object* int_invert(ThreadState* ts, Object* o) { return new_int(ts, ~int_value(o)); }

}  // namespace

void fill_int_slots(TypeObject& t) {
  t.tp_repr = int_repr;
  t.tp_str = int_repr;
  t.tp_hash = int_hash;
  t.tp_richcompare = int_richcompare;
  t.nb_bool = int_bool;
  t.nb_negative = int_negative;
  t.nb_positive = int_positive;
  t.nb_invert = int_invert;
#define TERRARIUM_INT_SLOT(op) t.nb_binary[static_cast<int>(BinaryOp::op)] = int_slot<BinaryOp::op>;
  TERRARIUM_INT_SLOT(Add) TERRARIUM_INT_SLOT(And) TERRARIUM_INT_SLOT(FloorDivide)
  TERRARIUM_INT_SLOT(Lshift) TERRARIUM_INT_SLOT(Multiply) TERRARIUM_INT_SLOT(Remainder)
  TERRARIUM_INT_SLOT(Or) TERRARIUM_INT_SLOT(Power) TERRARIUM_INT_SLOT(Rshift)
  TERRARIUM_INT_SLOT(Subtract) TERRARIUM_INT_SLOT(TrueDivide) TERRARIUM_INT_SLOT(Xor)
#undef TERRARIUM_INT_SLOT
}

TypeObject int_type = [] {
  TypeObject t = make_static_type("int", sizeof(IntObject), &object_type);
  fill_int_slots(t);
  return t;
}();

Object* new_int(ThreadState*, std::int64_t v) {
  if (v >= kSmallMin && v <= kSmallMax) return newref(&small_ints[v - kSmallMin]);
  auto* o = static_cast<IntObject*>(object_alloc(&int_type, sizeof(IntObject)));
  o->value = v;
  return o;
}

Object* int_from_literal(ThreadState* ts, const std::string& text) {
  std::string digits;
  for (char c : text)
    if (c != '_') digits += c;
  int base = 10;
  std::size_t start = 0;
  if (digits.size() > 1 && digits[0] == '0') {
    char p = static_cast<char>(digits[1] | 0x20);
    if (p == 'x') base = 16, start = 2;
    else if (p == 'o') base = 8, start = 2;
    else if (p == 'b') base = 2, start = 2;
  }
  errno = 0;
  char* end = nullptr;
  unsigned long long v = std::strtoull(digits.c_str() + start, &end, base);
  if (errno == ERANGE || v > static_cast<unsigned long long>(INT64_MAX)) return overflow(ts);
  return new_int(ts, static_cast<std::int64_t>(v));
}

}  // namespace terrarium
