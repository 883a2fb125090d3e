// int's binary operators. Each slot first tries the int64 form with overflow-checked
// machine arithmetic (the common case: two branches and an allocation) and falls back to
// BigInt, so results are exact at any size. Floor division and modulo take the divisor's
// sign; a negative exponent gives a float; huge shifts and powers raise as CPython does.
// CPython: Objects/longobject.c long_add() ... long_pow(), long_lshift(), long_rshift().
#include <cmath>
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/int.hpp"
#include "objects/int_internal.hpp"
#include "objects/singletons.hpp"
#include "objects/tuple.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

constexpr std::int64_t kExactDoubleLimit = std::int64_t{1} << 53;

std::nullptr_t memory_error(ThreadState* ts) { return raise(ts, &exc_MemoryError, ""); }

// A BigInt view of an int object without copying big values. Not copyable: `p` may point
// into `tmp`.
class BigRef {
 public:
  explicit BigRef(Object* o) {
    auto* i = static_cast<IntObject*>(o);
    if (i->big) {
      p_ = i->big;
    } else {
      tmp_ = BigInt(i->value);
      p_ = &tmp_;
    }
  }
  BigRef(const BigRef&) = delete;
  BigRef& operator=(const BigRef&) = delete;
  const BigInt& operator*() const { return *p_; }
  const BigInt* operator->() const { return p_; }

 private:
  BigInt tmp_;
  const BigInt* p_;
};

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

// int ** negative int is float ** float, with float's conversions and errors.
Object* power_as_float(ThreadState* ts, Object* a, Object* b) {
  double x, y;
  if (!int_to_double(ts, a, x) || !int_to_double(ts, b, y)) return nullptr;
  return float_power_values(ts, x, y);
}

Object* big_power(ThreadState* ts, Object* a, Object* b) {
  if (int_sign(b) < 0) return power_as_float(ts, a, b);
  BigRef base(a);
  // Bases 0, 1 and -1 stay small for any exponent (CPython computes these too).
  if (base->bit_length() <= 1) {
    if (int_sign(b) == 0) return new_int(ts, 1);
    if (base->sign() >= 0) return new_int(ts, base->sign());
    return new_int(ts, (int_to_bigint(b) & BigInt(1)).is_zero() ? 1 : -1);
  }
  if (!int_fits_int64(b)) return memory_error(ts);
  auto exp = static_cast<std::uint64_t>(int_value(b));
  std::uint64_t low_bits = 0;  // (bits - 1) * exp: the result has at least this many bits
  if (__builtin_mul_overflow(base->bit_length() - 1, exp, &low_bits) || low_bits > kMaxIntBits)
    return memory_error(ts);
  return new_int_from_bigint(ts, BigInt::pow(*base, exp));
}

Object* big_lshift(ThreadState* ts, Object* a, Object* b) {
  if (int_sign(b) < 0) return raise(ts, &exc_ValueError, "negative shift count");
  if (int_sign(a) == 0) return new_int(ts, 0);
  if (!int_fits_int64(b)) {
    // CPython splits the count into 30-bit words first and reports a word count that
    // does not fit Py_ssize_t as OverflowError; anything smaller fails to allocate.
    BigInt words, rest;
    BigInt::floor_divmod(int_to_bigint(b), BigInt(30), words, rest);
    if (!words.fits_int64()) return raise(ts, &exc_OverflowError, "too many digits in integer");
    return memory_error(ts);
  }
  auto n = static_cast<std::uint64_t>(int_value(b));
  BigRef x(a);
  if (n > kMaxIntBits || x->bit_length() + n > kMaxIntBits) return memory_error(ts);
  return new_int_from_bigint(ts, *x << n);
}

Object* big_rshift(ThreadState* ts, Object* a, Object* b) {
  if (int_sign(b) < 0) return raise(ts, &exc_ValueError, "negative shift count");
  BigRef x(a);
  if (!int_fits_int64(b) || static_cast<std::uint64_t>(int_value(b)) >= x->bit_length())
    return new_int(ts, x->sign() < 0 ? -1 : 0);
  return new_int_from_bigint(ts, *x >> static_cast<std::uint64_t>(int_value(b)));
}

// The exact path for every operator; the int64 paths below fall back to it on overflow.
Object* big_binary(ThreadState* ts, Object* a, Object* b, BinaryOp op) {
  switch (op) {
    case BinaryOp::Power: return big_power(ts, a, b);
    case BinaryOp::Lshift: return big_lshift(ts, a, b);
    case BinaryOp::Rshift: return big_rshift(ts, a, b);
    default: break;
  }
  BigRef x(a), y(b);
  switch (op) {
    case BinaryOp::Add: return new_int_from_bigint(ts, *x + *y);
    case BinaryOp::Subtract: return new_int_from_bigint(ts, *x - *y);
    case BinaryOp::Multiply:
      if (x->bit_length() + y->bit_length() > kMaxIntBits) return memory_error(ts);
      return new_int_from_bigint(ts, *x * *y);
    case BinaryOp::FloorDivide:
    case BinaryOp::Remainder: {
      if (y->is_zero())
        return raise(ts, &exc_ZeroDivisionError,
                     op == BinaryOp::FloorDivide ? "integer division or modulo by zero" : "integer modulo by zero");
      BigInt q, r;
      BigInt::floor_divmod(*x, *y, q, r);
      return new_int_from_bigint(ts, op == BinaryOp::FloorDivide ? std::move(q) : std::move(r));
    }
    case BinaryOp::TrueDivide: {
      if (y->is_zero()) return raise(ts, &exc_ZeroDivisionError, "division by zero");
      double d;
      if (!BigInt::true_divide(*x, *y, d))
        return raise(ts, &exc_OverflowError, "integer division result too large for a float");
      return new_float(ts, d);
    }
    case BinaryOp::And: return new_int_from_bigint(ts, *x & *y);
    case BinaryOp::Or: return new_int_from_bigint(ts, *x | *y);
    case BinaryOp::Xor: return new_int_from_bigint(ts, *x ^ *y);
    default: return newref(py_not_implemented());
  }
}

// The int64 fast path. Returns null without an error set when the result needs BigInt.
template <BinaryOp Op>
Object* small_binary(ThreadState* ts, std::int64_t x, std::int64_t y) {
  std::int64_t r = 0;
  if constexpr (Op == BinaryOp::Add) {
    if (!__builtin_add_overflow(x, y, &r)) return new_int(ts, r);
  } else if constexpr (Op == BinaryOp::Subtract) {
    if (!__builtin_sub_overflow(x, y, &r)) return new_int(ts, r);
  } else if constexpr (Op == BinaryOp::Multiply) {
    if (!__builtin_mul_overflow(x, y, &r)) return new_int(ts, r);
  } else if constexpr (Op == BinaryOp::FloorDivide) {
    if (y == 0) return raise(ts, &exc_ZeroDivisionError, "integer division or modulo by zero");
    if (!(x == INT64_MIN && y == -1)) return new_int(ts, floor_div(x, y));
  } else if constexpr (Op == BinaryOp::Remainder) {
    if (y == 0) return raise(ts, &exc_ZeroDivisionError, "integer modulo by zero");
    return new_int(ts, y == -1 ? 0 : floor_mod(x, y));
  } else if constexpr (Op == BinaryOp::TrueDivide) {
    if (y == 0) return raise(ts, &exc_ZeroDivisionError, "division by zero");
    // Both exactly representable: one IEEE division rounds the true quotient once.
    if (x >= -kExactDoubleLimit && x <= kExactDoubleLimit && y >= -kExactDoubleLimit && y <= kExactDoubleLimit)
      return new_float(ts, static_cast<double>(x) / static_cast<double>(y));
  } else if constexpr (Op == BinaryOp::Power) {
    if (y < 0) {
      if (x >= -kExactDoubleLimit && x <= kExactDoubleLimit && y >= -kExactDoubleLimit)
        return float_power_values(ts, static_cast<double>(x), static_cast<double>(y));
      return nullptr;
    }
    std::int64_t result = 1, base = x;
    for (std::int64_t e = y;;) {
      if ((e & 1) && __builtin_mul_overflow(result, base, &result)) return nullptr;
      e >>= 1;
      if (e == 0) return new_int(ts, result);
      if (__builtin_mul_overflow(base, base, &base)) return nullptr;
    }
  } else if constexpr (Op == BinaryOp::And) {
    return new_int(ts, x & y);
  } else if constexpr (Op == BinaryOp::Or) {
    return new_int(ts, x | y);
  } else if constexpr (Op == BinaryOp::Xor) {
    return new_int(ts, x ^ y);
  } else if constexpr (Op == BinaryOp::Lshift) {
    if (y < 0) return raise(ts, &exc_ValueError, "negative shift count");
    if (x == 0) return new_int(ts, 0);
    if (y < 63 && (x > 0 ? x <= (INT64_MAX >> y) : x >= (INT64_MIN >> y)))
      return new_int(ts, static_cast<std::int64_t>(static_cast<std::uint64_t>(x) << y));
  } else if constexpr (Op == BinaryOp::Rshift) {
    if (y < 0) return raise(ts, &exc_ValueError, "negative shift count");
    return new_int(ts, y >= 63 ? (x < 0 ? -1 : 0) : (x >> y));
  }
  return nullptr;
}

template <BinaryOp Op>
Object* int_slot(ThreadState* ts, Object* a, Object* b) {
  if (!is_int(a) || !is_int(b)) return newref(py_not_implemented());
  if (int_fits_int64(a) && int_fits_int64(b)) [[likely]] {
    if (Object* r = small_binary<Op>(ts, int_value(a), int_value(b)); r || error_occurred(ts)) return r;
  }
  return big_binary(ts, a, b, Op);
}

}  // namespace

void fill_int_binary_slots(TypeObject& t) {
#define TERRARIUM_INT_SLOT(op) t.nb_binary[static_cast<int>(BinaryOp::op)] = int_slot<BinaryOp::op>;
  TERRARIUM_INT_SLOT(Add) TERRARIUM_INT_SLOT(And) TERRARIUM_INT_SLOT(FloorDivide)
  TERRARIUM_INT_SLOT(Lshift) TERRARIUM_INT_SLOT(Multiply) TERRARIUM_INT_SLOT(Remainder)
  TERRARIUM_INT_SLOT(Or) TERRARIUM_INT_SLOT(Power) TERRARIUM_INT_SLOT(Rshift)
  TERRARIUM_INT_SLOT(Subtract) TERRARIUM_INT_SLOT(TrueDivide) TERRARIUM_INT_SLOT(Xor)
#undef TERRARIUM_INT_SLOT
}

Object* int_divmod(ThreadState* ts, Object* a, Object* b) {
  Object* q;
  Object* r;
  if (int_fits_int64(a) && int_fits_int64(b) && !(int_value(a) == INT64_MIN && int_value(b) == -1)) {
    std::int64_t x = int_value(a), y = int_value(b);
    if (y == 0) return raise(ts, &exc_ZeroDivisionError, "integer division or modulo by zero");
    q = new_int(ts, floor_div(x, y));
    r = new_int(ts, floor_mod(x, y));
  } else {
    BigRef x(a), y(b);
    if (y->is_zero()) return raise(ts, &exc_ZeroDivisionError, "integer division or modulo by zero");
    BigInt bq, br;
    BigInt::floor_divmod(*x, *y, bq, br);
    q = new_int_from_bigint(ts, std::move(bq));
    r = new_int_from_bigint(ts, std::move(br));
  }
  Object* t = new_tuple(ts, 2);
  tuple_set(t, 0, q);
  tuple_set(t, 1, r);
  return t;
}

namespace {

// x with a * x == 1 (mod n), for n > 1; false when gcd(a, n) != 1. Extended Euclid.
// CPython: Objects/longobject.c long_invmod().
bool inverse_mod(const BigInt& a, const BigInt& n, BigInt& out) {
  BigInt q, rest;
  BigInt old_r, r = n, old_s(1), s(0);
  BigInt::floor_divmod(a, n, q, old_r);
  while (!r.is_zero()) {
    BigInt::floor_divmod(old_r, r, q, rest);
    old_r = std::move(r);
    r = std::move(rest);
    BigInt next_s = old_s - q * s;
    old_s = std::move(s);
    s = std::move(next_s);
  }
  if (old_r != BigInt(1)) return false;
  BigInt::floor_divmod(old_s, n, q, out);
  return true;
}

}  // namespace

Object* int_pow_mod(ThreadState* ts, Object* base, Object* exp, Object* mod) {
  if (int_sign(mod) == 0) return raise(ts, &exc_ValueError, "pow() 3rd argument cannot be 0");
  BigInt m = int_to_bigint(mod);
  BigInt abs_m = m.sign() < 0 ? -m : m;
  if (abs_m == BigInt(1)) return new_int(ts, 0);
  BigInt b = int_to_bigint(base);
  BigInt e = int_to_bigint(exp);
  if (e.sign() < 0) {
    BigInt inverse;
    if (!inverse_mod(b, abs_m, inverse)) return raise(ts, &exc_ValueError, "base is not invertible for the given modulus");
    b = std::move(inverse);
    e = -e;
  }
  return new_int_from_bigint(ts, BigInt::pow_mod(b, e, m));
}

}  // namespace terrarium
