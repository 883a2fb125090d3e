// Shifts and bitwise operations. Python treats a negative int as an infinite two's
// complement bit string, so >> floors and &, |, ^, ~ act on that string; magnitudes are
// converted to a finite two's complement one digit wider than either operand and back.
// CPython: Objects/longobject.c long_rshift(), long_lshift(), long_bitwise(), long_invert().
#include <algorithm>
#include <limits>
#include <new>
#include <utility>
#include "objects/bigint.hpp"
#include "objects/bigint_digits.hpp"

namespace terrarium {

using namespace bigint_detail;

namespace bigint_detail {

Digits shift_left_digits(DigitSpan a, std::uint64_t n) {
  if (a.empty()) return {};
  const std::uint64_t words = n / kDigitBits;
  const int bits = static_cast<int>(n % kDigitBits);
  // On wasm32 size_t is 32 bits: refuse a count that would wrap instead of mis-sizing.
  if (words >= std::numeric_limits<std::size_t>::max() / sizeof(Digit) - a.size() - 1)
    throw std::bad_alloc();
  const auto w = static_cast<std::size_t>(words);
  Digits r(w + a.size() + 1, 0);
  Digit carry = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    r[w + i] = bits == 0 ? a[i] : static_cast<Digit>((a[i] << bits) | carry);
    carry = bits == 0 ? 0 : a[i] >> (kDigitBits - bits);
  }
  r[w + a.size()] = carry;
  trim(r);
  return r;
}

Digits shift_right_digits(DigitSpan a, std::uint64_t n, bool* lost) {
  if (n >= bit_length_digits(a)) {
    if (lost != nullptr) *lost = !a.empty();
    return {};
  }
  const auto w = static_cast<std::size_t>(n / kDigitBits);  // < a.size(), so it fits
  const int bits = static_cast<int>(n % kDigitBits);
  if (lost != nullptr) {
    bool any = std::any_of(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(w),
                           [](Digit d) { return d != 0; });
    if (bits != 0 && (a[w] & ((Digit{1} << bits) - 1)) != 0) any = true;
    *lost = any;
  }
  Digits r(a.size() - w);
  for (std::size_t i = 0; i < r.size(); ++i) {
    Digit hi = (bits != 0 && w + i + 1 < a.size()) ? static_cast<Digit>(a[w + i + 1] << (kDigitBits - bits)) : 0;
    r[i] = (a[w + i] >> bits) | hi;
  }
  trim(r);
  return r;
}

}  // namespace bigint_detail

BigInt BigInt::operator<<(std::uint64_t n) const {
  return BigInt(shift_left_digits(magnitude_, n), negative_);
}

BigInt BigInt::operator>>(std::uint64_t n) const {
  bool lost = false;
  Digits r = shift_right_digits(magnitude_, n, &lost);
  // floor(-m / 2**n) == -ceil(m / 2**n): one more in magnitude when bits were dropped.
  if (negative_ && lost) add_one(r);
  return BigInt(std::move(r), negative_);
}

BigInt BigInt::operator~() const {
  // ~x == -x - 1: -(m + 1) for x = m >= 0, and m - 1 for x = -m < 0.
  Digits r = magnitude_;
  if (negative_) {
    sub_one(r);
    return BigInt(std::move(r), false);
  }
  add_one(r);
  return BigInt(std::move(r), true);
}

namespace {

// The low n digits of v's two's complement: -m is ~m + 1 (equivalently ~(m - 1)).
Digits twos_complement(const std::vector<Digit>& magnitude, bool negative, std::size_t n) {
  Digits d(n, 0);
  std::copy(magnitude.begin(), magnitude.end(), d.begin());
  if (negative) {
    TwoDigits carry = 1;
    for (Digit& x : d) {
      carry += static_cast<Digit>(~x);
      x = static_cast<Digit>(carry);
      carry >>= kDigitBits;
    }
  }
  return d;
}

}  // namespace

// n is one digit wider than either operand, so its top digit is pure sign extension and
// tells the result's sign; a negative result's magnitude is its two's complement again.
BigInt BigInt::bitwise(const BigInt& a, const BigInt& b, BitOp op) {
  const std::size_t n = std::max(a.magnitude_.size(), b.magnitude_.size()) + 1;
  Digits x = twos_complement(a.magnitude_, a.negative_, n);
  const Digits y = twos_complement(b.magnitude_, b.negative_, n);
  for (std::size_t i = 0; i < n; ++i) {
    switch (op) {
      case BitOp::And: x[i] &= y[i]; break;
      case BitOp::Or: x[i] |= y[i]; break;
      case BitOp::Xor: x[i] ^= y[i]; break;
    }
  }
  const bool negative = (x[n - 1] >> (kDigitBits - 1)) != 0;
  if (negative) x = twos_complement(x, true, n);
  return BigInt(std::move(x), negative);
}

BigInt operator&(const BigInt& a, const BigInt& b) { return BigInt::bitwise(a, b, BigInt::BitOp::And); }
BigInt operator|(const BigInt& a, const BigInt& b) { return BigInt::bitwise(a, b, BigInt::BitOp::Or); }
BigInt operator^(const BigInt& a, const BigInt& b) { return BigInt::bitwise(a, b, BigInt::BitOp::Xor); }

}  // namespace terrarium
