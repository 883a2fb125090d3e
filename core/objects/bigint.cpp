// BigInt basics: construction, int64 conversion, comparison, hashing, addition and
// subtraction with signs. The magnitude helpers are in bigint_digits.cpp; the other
// operations have a file each (bigint_mul, _div, _float, _bits, _text).
// CPython: Objects/longobject.c.
#include <utility>
#include "objects/bigint.hpp"
#include "objects/bigint_digits.hpp"

namespace terrarium {

using namespace bigint_detail;

BigInt::BigInt(std::vector<std::uint32_t> magnitude, bool negative)
    : magnitude_(std::move(magnitude)), negative_(negative) {
  trim(magnitude_);
  if (magnitude_.empty()) negative_ = false;
}

BigInt BigInt::from_uint64(std::uint64_t v) {
  BigInt r;
  if (v != 0) {
    r.magnitude_.reserve(2);  // small values stay one allocation
    r.magnitude_.push_back(static_cast<Digit>(v));
    if ((v >> kDigitBits) != 0) r.magnitude_.push_back(static_cast<Digit>(v >> kDigitBits));
  }
  return r;
}

BigInt::BigInt(std::int64_t v) {
  // Negating in unsigned arithmetic keeps INT64_MIN defined: 0 - 2**63 wraps to 2**63.
  std::uint64_t mag = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  *this = from_uint64(mag);
  negative_ = v < 0;
}

BigInt BigInt::from_magnitude_words(const std::vector<std::uint32_t>& words, bool negative) {
  return BigInt(words, negative);
}

bool BigInt::fits_int64() const {
  if (magnitude_.size() <= 1) return true;
  if (magnitude_.size() > 2) return false;
  std::uint64_t mag = (static_cast<std::uint64_t>(magnitude_[1]) << kDigitBits) | magnitude_[0];
  constexpr std::uint64_t kLimit = std::uint64_t{1} << 63;  // |INT64_MIN|
  return negative_ ? mag <= kLimit : mag < kLimit;
}

std::int64_t BigInt::to_int64() const {
  std::uint64_t mag = 0;
  for (std::size_t i = magnitude_.size(); i-- > 0;) mag = (mag << kDigitBits) | magnitude_[i];
  // Two's-complement wrap in unsigned arithmetic, then a well-defined (C++20) conversion.
  return static_cast<std::int64_t>(negative_ ? 0 - mag : mag);
}

std::size_t BigInt::bit_length() const { return bit_length_digits(magnitude_); }

int BigInt::compare(const BigInt& other) const {
  if (negative_ != other.negative_) return negative_ ? -1 : 1;
  int c = compare_digits(magnitude_, other.magnitude_);
  return negative_ ? -c : c;
}

std::int64_t BigInt::hash() const {
  // CPython: Objects/longobject.c long_hash(). Since 2**61 == 1 (mod P), multiplying by
  // 2**32 modulo P is a 61-bit rotation, so the digits fold in from the top without division.
  constexpr std::uint64_t kModulus = (std::uint64_t{1} << 61) - 1;  // _PyHASH_MODULUS
  std::uint64_t x = 0;
  for (std::size_t i = magnitude_.size(); i-- > 0;) {
    x = ((x << kDigitBits) & kModulus) | (x >> (61 - kDigitBits));
    x += magnitude_[i];  // x < P and digit < 2**32, so one subtraction reduces it
    if (x >= kModulus) x -= kModulus;
  }
  std::int64_t h = static_cast<std::int64_t>(x);
  if (negative_) h = -h;
  return h == -1 ? -2 : h;  // -1 is the error value of tp_hash
}

BigInt BigInt::operator-() const {
  BigInt r = *this;
  if (!r.magnitude_.empty()) r.negative_ = !negative_;
  return r;
}

// Adds magnitudes when the signs agree, otherwise subtracts the smaller from the larger
// and the result takes the larger one's sign. CPython: long_add() / long_sub().
BigInt BigInt::add_signed(const BigInt& a, const BigInt& b, bool b_negative) {
  if (a.negative_ == b_negative) return BigInt(add_digits(a.magnitude_, b.magnitude_), b_negative);
  int c = compare_digits(a.magnitude_, b.magnitude_);
  if (c == 0) return BigInt();
  if (c > 0) return BigInt(sub_digits(a.magnitude_, b.magnitude_), a.negative_);
  return BigInt(sub_digits(b.magnitude_, a.magnitude_), b_negative);
}

BigInt operator+(const BigInt& a, const BigInt& b) { return BigInt::add_signed(a, b, b.negative_); }
BigInt operator-(const BigInt& a, const BigInt& b) { return BigInt::add_signed(a, b, !b.negative_); }

}  // namespace terrarium
