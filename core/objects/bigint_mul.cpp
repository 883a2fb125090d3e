// Multiplication (schoolbook below a cutoff, Karatsuba above it), and the powers built on
// it: pow by square-and-multiply and pow_mod with a reduction after every step.
// CPython: Objects/longobject.c x_mul(), k_mul(), k_lopsided_mul(), long_pow().
#include <algorithm>
#include <bit>
#include <utility>
#include "objects/bigint.hpp"
#include "objects/bigint_digits.hpp"

namespace terrarium {

using namespace bigint_detail;

namespace {

// Below this many digits in the smaller operand, schoolbook wins: Karatsuba's three
// half-size products pay for their additions and temporaries only on longer numbers.
// Measured on x86-64 -O2 (CPython's KARATSUBA_CUTOFF is 70 of its 30-bit digits).
constexpr std::size_t kKaratsubaCutoff = 48;

// r[0 .. na+nb) = a * b; r must hold na + nb zeroed digits.
void schoolbook(DigitSpan a, DigitSpan b, Digit* r) {
  for (std::size_t i = 0; i < a.size(); ++i) {
    TwoDigits ai = a[i];
    if (ai == 0) continue;
    TwoDigits carry = 0;
    for (std::size_t j = 0; j < b.size(); ++j) {
      // ai * b[j] + r + carry <= (B-1)**2 + 2(B-1) = B**2 - 1: never overflows 64 bits.
      carry += ai * b[j] + r[i + j];
      r[i + j] = static_cast<Digit>(carry);
      carry >>= kDigitBits;
    }
    r[i + b.size()] = static_cast<Digit>(carry);  // first write to this position
  }
}

// r[0 .. rn) += x. The callers only add partial products whose sum is known to fit, so
// the carry never runs off the end.
void add_into(Digit* r, std::size_t rn, DigitSpan x) {
  TwoDigits carry = 0;
  std::size_t i = 0;
  for (; i < x.size(); ++i) {
    carry += static_cast<TwoDigits>(r[i]) + x[i];
    r[i] = static_cast<Digit>(carry);
    carry >>= kDigitBits;
  }
  for (; carry != 0 && i < rn; ++i) {
    carry += r[i];
    r[i] = static_cast<Digit>(carry);
    carry >>= kDigitBits;
  }
}

// x -= y in place; precondition x >= y.
void sub_in_place(Digits& x, DigitSpan y) {
  Digit borrow = 0;
  std::size_t i = 0;
  for (; i < y.size(); ++i) {
    TwoDigits sub = static_cast<TwoDigits>(y[i]) + borrow;
    borrow = x[i] < sub ? 1 : 0;
    x[i] = static_cast<Digit>(x[i] - sub);
  }
  for (; borrow != 0 && i < x.size(); ++i) {
    borrow = x[i] == 0 ? 1 : 0;
    x[i] -= 1;
  }
  trim(x);
}

Digits karatsuba(DigitSpan a, DigitSpan b);

// The smaller operand is at most half the larger: splitting both in half would leave the
// top half of the smaller empty, so multiply by slices of the larger one instead.
// CPython: k_lopsided_mul().
Digits lopsided(DigitSpan small, DigitSpan big) {
  Digits r(small.size() + big.size());
  for (std::size_t off = 0; off < big.size(); off += small.size()) {
    DigitSpan slice = big.subspan(off, std::min(small.size(), big.size() - off));
    Digits part = karatsuba(small, slice);
    add_into(r.data() + off, r.size() - off, part);
  }
  trim(r);
  return r;
}

// With a = a1*B**h + a0 and b = b1*B**h + b0:
// a*b = z2*B**2h + (z1 - z2 - z0)*B**h + z0, where z2 = a1*b1, z0 = a0*b0 and
// z1 = (a1 + a0)*(b1 + b0): three half-size products instead of four. CPython: k_mul().
Digits karatsuba(DigitSpan a, DigitSpan b) {
  a = trimmed(a);
  b = trimmed(b);
  if (a.size() > b.size()) std::swap(a, b);
  if (a.empty()) return {};
  if (a.size() < kKaratsubaCutoff) {
    Digits r(a.size() + b.size());
    schoolbook(a, b, r.data());
    trim(r);
    return r;
  }
  if (2 * a.size() <= b.size()) return lopsided(a, b);

  const bool square = a.data() == b.data() && a.size() == b.size();
  const std::size_t h = b.size() / 2;  // a.size() > h, so a1 is not empty
  DigitSpan a0 = a.first(h), a1 = a.subspan(h), b0 = b.first(h), b1 = b.subspan(h);
  Digits z0 = karatsuba(a0, b0);
  Digits z2 = karatsuba(a1, b1);
  Digits sa = add_digits(a0, a1);
  Digits z1 = square ? karatsuba(sa, sa) : karatsuba(sa, add_digits(b0, b1));
  sub_in_place(z1, z0);
  sub_in_place(z1, z2);

  Digits r(a.size() + b.size());
  add_into(r.data(), r.size(), z0);
  add_into(r.data() + 2 * h, r.size() - 2 * h, z2);
  add_into(r.data() + h, r.size() - h, z1);
  trim(r);
  return r;
}

// x mod m for m > 0.
Digits reduce(DigitSpan x, DigitSpan m) {
  Digits q, r;
  divmod_digits(x, m, q, r);
  return r;
}

}  // namespace

namespace bigint_detail {
Digits mul_digits(DigitSpan a, DigitSpan b) { return karatsuba(a, b); }
}  // namespace bigint_detail

BigInt operator*(const BigInt& a, const BigInt& b) {
  return BigInt(mul_digits(a.magnitude_, b.magnitude_), a.negative_ != b.negative_);
}

// Left-to-right square-and-multiply: one squaring per bit of exp, one multiply per 1 bit.
// The caller bounds the result size (CPython raises MemoryError/OverflowError itself).
BigInt BigInt::pow(const BigInt& base, std::uint64_t exp) {
  if (exp == 0) return BigInt(1);
  Digits result{1};
  for (int bit = 63 - std::countl_zero(exp); bit >= 0; --bit) {
    result = mul_digits(result, result);
    if ((exp >> bit) & 1) result = mul_digits(result, base.magnitude_);
  }
  return BigInt(std::move(result), base.negative_ && (exp & 1) != 0);
}

// Works on |mod| with the base reduced into [0, |mod|), then moves a nonzero result into
// (mod, 0] for a negative mod, as CPython's long_pow() does.
BigInt BigInt::pow_mod(const BigInt& base, const BigInt& exp, const BigInt& mod) {
  const Digits& m = mod.magnitude_;
  BigInt q, base_mod;
  floor_divmod(base, BigInt(m, false), q, base_mod);  // floor: lands in [0, |mod|)
  const Digits& b = base_mod.magnitude_;

  const Digits one{1};
  Digits result = reduce(one, m);  // 0 when |mod| == 1, even for exp == 0
  const Digits& e = exp.magnitude_;
  for (std::size_t i = e.size(); i-- > 0;) {
    for (int bit = kDigitBits - 1; bit >= 0; --bit) {
      result = reduce(mul_digits(result, result), m);
      if ((e[i] >> bit) & 1) result = reduce(mul_digits(result, b), m);
    }
  }
  if (mod.negative_ && !result.empty()) return BigInt(sub_digits(m, result), true);
  return BigInt(std::move(result), false);
}

}  // namespace terrarium
