// The int type object and the representation: the small-int cache, creation from int64,
// BigInt and double, the conversions other files use, and int's repr, hash, comparison
// and unary operators. Binary operators are in int_arith.cpp, int() in int_new.cpp, the
// methods in int_methods.cpp. CPython: Objects/longobject.c.
#include <cmath>
#include <string>
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/free_list.hpp"
#include "objects/int.hpp"
#include "objects/int_internal.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "trace/allocation_hooks.hpp"
#include "vm/thread_state.hpp"
#include "vm/interpreter_state.hpp"

namespace terrarium {

namespace {

constexpr int kSmallMin = -5, kSmallMax = 256;  // CPython: _PY_NSMALLNEGINTS/_PY_NSMALLPOSINTS
IntObject small_ints[kSmallMax - kSmallMin + 1];
const bool small_ints_ready = [] {
  for (int i = kSmallMin; i <= kSmallMax; ++i)
    small_ints[i - kSmallMin] = IntObject{{kImmortalRefcnt, &int_type}, i, nullptr};
  return true;
}();

thread_local FreeList<100> free_ints;

void int_dealloc(Object* o) {
  auto* i = static_cast<IntObject*>(o);
  if (!i->big && o->ob_type == &int_type && free_ints.push(o)) return;
  delete i->big;
  object_free(o);
}

Object* int_repr(ThreadState* ts, Object* o) {
  if (int_fits_int64(o)) return new_str(ts, std::to_string(int_value(o)));
  std::string text;
  if (!int_to_decimal_string(ts, o, text)) return nullptr;
  return new_str(ts, text);
}

Py_hash_t int_hash(ThreadState*, Object* o) {
  if (!int_fits_int64(o)) return static_cast<IntObject*>(o)->big->hash();
  // CPython: hash(n) == n for small n, reduced modulo 2**61 - 1, and -1 maps to -2.
  constexpr std::int64_t kModulus = (std::int64_t{1} << 61) - 1;
  std::int64_t v = int_value(o);
  std::uint64_t magnitude = v >= 0 ? static_cast<std::uint64_t>(v) : 0 - static_cast<std::uint64_t>(v);
  auto h = static_cast<std::int64_t>(magnitude % kModulus);
  if (v < 0) h = -h;
  return h == -1 ? -2 : h;
}

bool compare_result(int c, CompareOp op) {
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

// int vs float is answered by float's reflected comparison (exactly, see float.cpp).
Object* int_richcompare(ThreadState*, Object* a, Object* b, CompareOp op) {
  if (!is_int(a) || !is_int(b)) return newref(py_not_implemented());
  if (int_fits_int64(a) && int_fits_int64(b)) {
    std::int64_t x = int_value(a), y = int_value(b);
    return new_bool(compare_result(x < y ? -1 : x > y, op));
  }
  return new_bool(compare_result(int_compare(a, b), op));
}

int int_bool(ThreadState*, Object* o) { return int_value(o) != 0; }  // saturated values are nonzero

Object* int_negative(ThreadState* ts, Object* o) {
  if (int_fits_int64(o) && int_value(o) != INT64_MIN) return new_int(ts, -int_value(o));
  return new_int_from_bigint(ts, -int_to_bigint(o));
}
Object* int_positive(ThreadState* ts, Object* o) { return int_exact(ts, o); }
Object* int_invert(ThreadState* ts, Object* o) {
  if (int_fits_int64(o)) return new_int(ts, ~int_value(o));  // never overflows
  return new_int_from_bigint(ts, ~int_to_bigint(o));
}
Object* int_index(ThreadState* ts, Object* o) { return int_exact(ts, o); }

}  // namespace

void fill_int_slots(TypeObject& t) {
  t.tp_dealloc = int_dealloc;
  t.tp_repr = int_repr;
  t.tp_hash = int_hash;
  t.tp_richcompare = int_richcompare;
  t.nb_bool = int_bool;
  t.nb_negative = int_negative;
  t.nb_positive = int_positive;
  t.nb_invert = int_invert;
  t.nb_index = int_index;
  fill_int_binary_slots(t);
}

TypeObject int_type = [] {
  TypeObject t = make_static_type("int", sizeof(IntObject), &object_type);
  t.tp_flags = TPFLAGS_BASETYPE | TPFLAGS_MATCH_SELF;
  fill_int_slots(t);
  t.tp_new = int_new;
  t.tp_methods = kIntMethods;
  t.tp_getset = kIntGetSet;
  t.tp_doc = "int([x]) -> integer\nint(x, base=10) -> integer";
  return t;
}();

Object* new_int(ThreadState*, std::int64_t v) {
  if (v >= kSmallMin && v <= kSmallMax) return newref(&small_ints[v - kSmallMin]);
  auto* o = static_cast<IntObject*>(free_ints.pop());
  if (o) {
    o->ob_refcnt = 1;
    o->ob_type = &int_type;
    note_allocation(o);
  } else {
    o = static_cast<IntObject*>(object_alloc(&int_type, sizeof(IntObject)));
  }
  o->value = v;
  o->big = nullptr;
  return o;
}

Object* new_int_from_bigint(ThreadState* ts, BigInt v) {
  if (v.fits_int64()) return new_int(ts, v.to_int64());
  auto* o = static_cast<IntObject*>(object_alloc(&int_type, sizeof(IntObject)));
  o->value = v.sign() < 0 ? INT64_MIN : INT64_MAX;
  o->big = new BigInt(std::move(v));
  return o;
}

Object* init_int_instance(TypeObject* type, Object* value) {
  auto* o = static_cast<IntObject*>(object_alloc(type, type->tp_basicsize));
  o->value = int_value(value);
  o->big = int_fits_int64(value) ? nullptr : new BigInt(*static_cast<IntObject*>(value)->big);
  return o;
}

BigInt int_to_bigint(Object* o) {
  auto* i = static_cast<IntObject*>(o);
  return i->big ? *i->big : BigInt(i->value);
}

int int_sign(Object* o) {
  std::int64_t v = int_value(o);  // saturated values keep their sign
  return v < 0 ? -1 : v > 0;
}

int int_compare(Object* a, Object* b) {
  if (int_fits_int64(a) && int_fits_int64(b)) {
    std::int64_t x = int_value(a), y = int_value(b);
    return x < y ? -1 : x > y;
  }
  return int_to_bigint(a).compare(int_to_bigint(b));
}

std::uint64_t int_bit_length(Object* o) {
  if (!int_fits_int64(o)) return static_cast<IntObject*>(o)->big->bit_length();
  std::int64_t v = int_value(o);
  std::uint64_t m = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  return m == 0 ? 0 : 64 - static_cast<std::uint64_t>(__builtin_clzll(m));
}

bool int_to_double(ThreadState* ts, Object* o, double& out) {
  if (int_fits_int64(o)) {
    std::int64_t v = int_value(o);
    // Within 2**53 the conversion is exact; beyond, BigInt rounds once, half to even
    // (the hardware conversion does too, but say so explicitly rather than rely on it).
    if (v >= -(std::int64_t{1} << 53) && v <= (std::int64_t{1} << 53)) {
      out = static_cast<double>(v);
      return true;
    }
  }
  if (!int_to_bigint(o).to_double(out)) {
    raise(ts, &exc_OverflowError, "int too large to convert to float");
    return false;
  }
  return true;
}

int int_compare_double(Object* o, double x) {
  // Split x into its integral part and a fraction; compare the integral parts exactly,
  // and let the fraction break a tie. CPython: float_richcompare() does the same dance.
  double ip = std::trunc(x);
  double frac = x - ip;
  int c;
  if (int_fits_int64(o) && std::fabs(ip) < 9223372036854775808.0) {
    std::int64_t v = int_value(o), w = static_cast<std::int64_t>(ip);
    c = v < w ? -1 : v > w;
  } else {
    c = int_to_bigint(o).compare(BigInt::from_double(ip));
  }
  if (c != 0) return c;
  return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}

Object* new_int_from_double(ThreadState* ts, double v) {
  if (std::isnan(v)) return raise(ts, &exc_ValueError, "cannot convert float NaN to integer");
  if (std::isinf(v)) return raise(ts, &exc_OverflowError, "cannot convert float infinity to integer");
  if (std::fabs(v) < 9223372036854775808.0) return new_int(ts, static_cast<std::int64_t>(v));
  return new_int_from_bigint(ts, BigInt::from_double(v));
}

Object* int_exact(ThreadState* ts, Object* o) {
  if (o->ob_type == &int_type) return newref(o);
  if (int_fits_int64(o)) return new_int(ts, int_value(o));
  return new_int_from_bigint(ts, int_to_bigint(o));
}

bool int_to_decimal_string(ThreadState* ts, Object* o, std::string& out) {
  if (int_fits_int64(o)) {
    out = std::to_string(int_value(o));
    return true;
  }
  const BigInt& v = *static_cast<IntObject*>(o)->big;
  // The bound is cheap and at most one too high, so only its last value needs the text.
  std::size_t bound = v.decimal_digits_upper_bound();
  std::size_t limit = int_max_str_digits(ts);
  if (limit == 0 || bound <= limit + 1) {
    out = v.to_string(10);
    if (int_str_digits_allowed(ts, out.size() - (v.sign() < 0 ? 1 : 0), true)) return true;
    return false;
  }
  return int_str_digits_allowed(ts, bound, true);
}

Object* int_from_literal(ThreadState* ts, const std::string& text) {
  std::string digits;
  for (char c : text)
    if (c != '_') digits += c;
  bool prefixed = digits.size() > 1 && digits[0] == '0' && std::string_view("xXoObB").find(digits[1]) != std::string_view::npos;
  if (!prefixed && digits.size() <= 18) return new_int(ts, std::stoll(digits));  // fits int64
  if (!prefixed && !int_str_digits_allowed(ts, digits.size(), false)) return nullptr;
  BigInt v;
  if (!BigInt::parse(digits, 0, v)) return raise(ts, &exc_SystemError, "bad int literal: " + text);
  return new_int_from_bigint(ts, std::move(v));
}

std::size_t int_max_str_digits(ThreadState* ts) { return ts->interp ? ts->interp->int_max_str_digits : kDefaultIntMaxStrDigits; }

bool int_str_digits_allowed(ThreadState* ts, std::size_t digits, bool to_text) {
  std::size_t limit = int_max_str_digits(ts);
  if (limit == 0 || digits <= limit) return true;
  std::string message = "Exceeds the limit (" + std::to_string(limit) + " digits) for integer string conversion";
  if (!to_text) message += ": value has " + std::to_string(digits) + " digits";
  raise(ts, &exc_ValueError, message + "; use sys.set_int_max_str_digits() to increase the limit");
  return false;
}

}  // namespace terrarium
