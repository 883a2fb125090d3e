// BigInt: an arbitrary-precision integer value (sign + magnitude), with Python's semantics
// for floor division, modulo, shifts and bitwise operations on negatives. It owns the
// arithmetic only: no Python objects, no exceptions set, no global state. The int type
// (objects/int.cpp) wraps it and raises the errors. CPython: Objects/longobject.c.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace terrarium {

class BigInt {
 public:
  BigInt() = default;  // 0
  explicit BigInt(std::int64_t v);
  static BigInt from_uint64(std::uint64_t v);

  // Parses like int(text, base). Base 0 follows literal rules: 0x/0o/0b prefixes, and no
  // leading zeros except in 0 itself; base 2..36 otherwise, where 2, 8 and 16 allow their
  // prefix. Accepts surrounding ASCII whitespace, a sign and single underscores between
  // digits (and one right after a prefix). Returns false on bad text or a bad base; the
  // caller converts non-ASCII digits and spaces first, as CPython's
  // _PyUnicode_TransformDecimalAndSpaceToASCII does.
  [[nodiscard]] static bool parse(std::string_view text, int base, BigInt& out);

  bool fits_int64() const;
  std::int64_t to_int64() const;  // precondition: fits_int64()
  // Correctly rounded (half to even) like PyLong_AsDouble; false when the rounded value
  // would be 2**1024 or more (the caller raises OverflowError).
  [[nodiscard]] bool to_double(double& out) const;
  // Truncates toward zero. Precondition: v is finite (NaN and infinities give 0, not UB).
  static BigInt from_double(double v);

  int sign() const { return magnitude_.empty() ? 0 : (negative_ ? -1 : 1); }
  bool is_zero() const { return magnitude_.empty(); }
  std::size_t bit_length() const;  // int.bit_length(): bits of |value|, 0 for 0
  // Base 2..36, lowercase letters, '-' for negatives, no prefix.
  std::string to_string(int base = 10) const;
  // Never below the number of decimal digits of |value|, and at most one above it while
  // the value has fewer than about 10**7 digits: cheap enough for the 4300-digit limit.
  std::size_t decimal_digits_upper_bound() const;
  int compare(const BigInt& other) const;  // -1, 0, 1
  bool operator==(const BigInt& other) const = default;  // the representation is canonical
  // CPython's int hash: |value| mod 2**61 - 1, with the sign; -1 becomes -2.
  std::int64_t hash() const;

  friend BigInt operator+(const BigInt& a, const BigInt& b);
  friend BigInt operator-(const BigInt& a, const BigInt& b);
  friend BigInt operator*(const BigInt& a, const BigInt& b);
  BigInt operator-() const;
  // Python's // and %: the quotient is floored, the remainder takes the divisor's sign.
  // Precondition: b != 0 (a zero divisor gives 0 and 0, not UB). q or r may be a or b;
  // q and r must be two different objects.
  static void floor_divmod(const BigInt& a, const BigInt& b, BigInt& q, BigInt& r);
  // a / b correctly rounded, like long_true_divide; false when the result overflows a
  // double. Precondition: b != 0.
  [[nodiscard]] static bool true_divide(const BigInt& a, const BigInt& b, double& out);
  static BigInt pow(const BigInt& base, std::uint64_t exp);
  // pow(base, exp, mod) for exp >= 0 and mod != 0; the result has mod's sign (or is 0).
  static BigInt pow_mod(const BigInt& base, const BigInt& exp, const BigInt& mod);

  // Shifts with floor semantics (-1 >> n == -1). The caller bounds n so the result fits.
  BigInt operator<<(std::uint64_t n) const;
  BigInt operator>>(std::uint64_t n) const;
  // Bitwise operations as if both operands were infinite two's complement.
  friend BigInt operator&(const BigInt& a, const BigInt& b);
  friend BigInt operator|(const BigInt& a, const BigInt& b);
  friend BigInt operator^(const BigInt& a, const BigInt& b);
  BigInt operator~() const;  // -x - 1

  // |value| as little-endian 32-bit words (empty for 0), for int.to_bytes/from_bytes.
  std::vector<std::uint32_t> magnitude_words() const { return magnitude_; }
  static BigInt from_magnitude_words(const std::vector<std::uint32_t>& words, bool negative);

 private:
  BigInt(std::vector<std::uint32_t> magnitude, bool negative);  // trims and canonicalises
  static BigInt add_signed(const BigInt& a, const BigInt& b, bool b_negative);
  enum class BitOp { And, Or, Xor };
  static BigInt bitwise(const BigInt& a, const BigInt& b, BitOp op);

  // Invariant: no high zero digits, and zero is never negative, so equal values have
  // equal representations. Digits are 32 bits with 64-bit intermediates (CPython uses 30).
  std::vector<std::uint32_t> magnitude_;
  bool negative_ = false;
};

}  // namespace terrarium
