// Conversions between BigInt and double, and true division. Both directions into double
// round once, half to even, on the exact value: rounding the operands first (or letting
// a wide intermediate round) could be off by one ulp. CPython: Objects/longobject.c
// PyLong_AsDouble(), PyLong_FromDouble(), long_true_divide().
#include <algorithm>
#include <bit>
#include <cmath>
#include "objects/bigint.hpp"
#include "objects/bigint_digits.hpp"

namespace terrarium {

using namespace bigint_detail;

namespace {

constexpr int kMantDig = 53;    // DBL_MANT_DIG
constexpr int kMinExp = -1021;  // DBL_MIN_EXP
constexpr int kMaxExp = 1024;   // DBL_MAX_EXP

std::uint64_t low_64(DigitSpan d) {
  std::uint64_t v = 0;
  for (std::size_t i = std::min<std::size_t>(d.size(), 2); i-- > 0;) v = (v << kDigitBits) | d[i];
  return v;
}

}  // namespace

bool BigInt::to_double(double& out) const {
  const std::size_t bits = bit_length();
  if (bits > kMaxExp + 1) return false;  // >= 2**1024 before rounding
  double d;
  if (bits <= 64) {
    // The hardware conversion rounds half to even (IEEE 754, also wasm's f64.convert_i64_u).
    d = static_cast<double>(low_64(magnitude_));
  } else {
    // Keep the top 64 bits and fold every lower 1 bit into bit 0: 11 bits below the 53
    // kept, so the sticky bit can only break a tie, which is all it must do.
    const std::uint64_t shift = bits - 64;
    bool lost = false;
    std::uint64_t top = low_64(shift_right_digits(magnitude_, shift, &lost));
    d = std::ldexp(static_cast<double>(top | (lost ? 1 : 0)), static_cast<int>(shift));
  }
  if (std::isinf(d)) return false;  // rounded up to 2**1024
  out = negative_ ? -d : d;
  return true;
}

BigInt BigInt::from_double(double v) {
  if (!std::isfinite(v)) return BigInt();  // precondition; avoids an undefined cast
  if (std::fabs(v) < 9223372036854775808.0) return BigInt(static_cast<std::int64_t>(v));
  // |v| >= 2**63 is an integer: its 53-bit significand shifted left.
  int exp = 0;
  double frac = std::frexp(std::fabs(v), &exp);  // |v| = frac * 2**exp, exp >= 64
  auto significand = static_cast<std::uint64_t>(std::ldexp(frac, kMantDig));
  BigInt r = from_uint64(significand) << static_cast<std::uint64_t>(exp - kMantDig);
  r.negative_ = v < 0;
  return r;
}

// Scales a so that the integer quotient q = floor(a * 2**-shift / b) has 55 or 56 bits
// (fewer only where the result is subnormal), notes whether anything was discarded, then
// rounds q to 53 bits (or to the subnormal grid) by hand. ldexp is then exact.
bool BigInt::true_divide(const BigInt& a, const BigInt& b, double& out) {
  const bool negative = a.negative_ != b.negative_;
  const std::size_t a_bits = a.bit_length(), b_bits = b.bit_length();
  if (a_bits == 0) {
    out = negative ? -0.0 : 0.0;
    return true;
  }
  if (a_bits <= kMantDig && b_bits <= kMantDig) {
    // Both exact as doubles, so IEEE division rounds the true quotient once.
    out = static_cast<double>(a.to_int64()) / static_cast<double>(b.to_int64());
    return true;
  }
  // 2**(diff-1) < |a/b| < 2**(diff+1).
  const std::int64_t diff = static_cast<std::int64_t>(a_bits) - static_cast<std::int64_t>(b_bits);
  if (diff > kMaxExp) return false;
  if (diff < kMinExp - kMantDig - 1) {  // below half the smallest subnormal
    out = negative ? -0.0 : 0.0;
    return true;
  }
  const std::int64_t shift = std::max<std::int64_t>(diff, kMinExp) - kMantDig - 2;
  bool inexact = false;
  Digits x = shift > 0 ? shift_right_digits(a.magnitude_, static_cast<std::uint64_t>(shift), &inexact)
                       : shift_left_digits(a.magnitude_, static_cast<std::uint64_t>(-shift));
  Digits q, r;
  divmod_digits(x, b.magnitude_, q, r);
  if (!r.empty()) inexact = true;

  std::uint64_t qv = low_64(q);  // < 2**56
  const int q_bits = static_cast<int>(std::bit_width(qv));
  // Bits below the 53 kept, or below 2**-1074 for subnormals: always 2 or 3.
  const int extra = std::max<int>(q_bits, static_cast<int>(kMinExp - shift)) - kMantDig;
  const std::uint64_t half = std::uint64_t{1} << (extra - 1);
  const std::uint64_t low = qv | (inexact ? 1 : 0);  // sticky bit below the half bit
  // Round up above half, or at exactly half when the kept part is odd (half to even).
  if ((low & half) != 0 && (low & (3 * half - 1)) != 0) qv += half;
  qv &= ~(2 * half - 1);
  double d = std::ldexp(static_cast<double>(qv), static_cast<int>(shift));
  if (std::isinf(d)) return false;
  out = negative ? -d : d;
  return true;
}

}  // namespace terrarium
