// Text in and out: parse() with int()'s rules (signs, prefixes, underscores, whitespace)
// and to_string() in any base 2..36. Power-of-two bases map bits to characters in linear
// time; other bases work in chunks of as many characters as fit one 32-bit digit (nine
// for base 10), which keeps the quadratic part small. CPython: Objects/longobject.c
// PyLong_FromString(), long_to_decimal_string_internal(), long_format_binary().
#include <algorithm>
#include <bit>
#include <cstdint>
#include <type_traits>
#include "objects/bigint.hpp"
#include "objects/bigint_digits.hpp"

namespace terrarium {

using namespace bigint_detail;

namespace {

// Py_ISSPACE: the ASCII whitespace that int() strips.
bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;  // no base accepts it
}

// The base a 0x / 0o / 0b prefix letter names, or 0.
int prefix_base(char c) {
  switch (c) {
    case 'x': case 'X': return 16;
    case 'o': case 'O': return 8;
    case 'b': case 'B': return 2;
    default: return 0;
  }
}

// How many base-`base` characters fit in one digit, and base**that.
struct Chunk {
  int chars;
  Digit power;
};
Chunk chunk_for(int base) {
  Chunk c{0, 1};
  while (static_cast<TwoDigits>(c.power) * static_cast<TwoDigits>(base) <= 0xFFFFFFFFu) {
    c.power *= static_cast<Digit>(base);
    ++c.chars;
  }
  return c;
}

Digits from_power_of_two(const std::vector<std::uint8_t>& values, int bits_per_char) {
  Digits d((values.size() * static_cast<std::size_t>(bits_per_char) + kDigitBits - 1) / kDigitBits, 0);
  std::size_t pos = 0;  // bit position of the current character, least significant first
  for (std::size_t k = values.size(); k-- > 0; pos += static_cast<std::size_t>(bits_per_char)) {
    const TwoDigits v = static_cast<TwoDigits>(values[k]) << (pos % kDigitBits);
    d[pos / kDigitBits] |= static_cast<Digit>(v);
    if ((v >> kDigitBits) != 0) d[pos / kDigitBits + 1] |= static_cast<Digit>(v >> kDigitBits);
  }
  trim(d);
  return d;
}

Digits from_chunks(const std::vector<std::uint8_t>& values, int base) {
  const Chunk chunk = chunk_for(base);
  Digits d;
  d.reserve(values.size() / static_cast<std::size_t>(chunk.chars) + 1);
  std::size_t k = 0;
  // A short first group, so every later group is a full chunk.
  std::size_t group = values.size() % static_cast<std::size_t>(chunk.chars);
  if (group == 0) group = static_cast<std::size_t>(chunk.chars);
  while (k < values.size()) {
    Digit acc = 0, scale = 1;
    for (std::size_t end = k + group; k < end; ++k) {
      acc = acc * static_cast<Digit>(base) + values[k];
      scale *= static_cast<Digit>(base);
    }
    mul_add_small(d, scale, acc);  // never leaves a high zero digit
    group = static_cast<std::size_t>(chunk.chars);
  }
  return d;
}

// |a| in base `power` (a power of the output base), least significant chunk first: the
// chunks so far are multiplied by 2**32 and the next digit added, top digit first. The
// carry through the inner loop is the quotient, so each step waits on one multiply-high
// rather than a whole division. Passing std::integral_constant lets the compiler divide
// by a reciprocal for base 10. CPython: long_to_decimal_string_internal().
template <typename Power>
Digits to_chunks(DigitSpan a, Power power) {
  const TwoDigits p = power;
  Digits out;
  out.reserve(a.size() * 11 / 10 + 1);  // a chunk holds >= 29.7 bits (base 31)
  for (std::size_t i = a.size(); i-- > 0;) {
    TwoDigits carry = a[i];  // stays <= 2**32, so z <= p * 2**32 fits 64 bits
    for (Digit& chunk : out) {
      TwoDigits z = (static_cast<TwoDigits>(chunk) << kDigitBits) + carry;
      carry = z / p;
      chunk = static_cast<Digit>(z - carry * p);
    }
    while (carry != 0) {
      out.push_back(static_cast<Digit>(carry % p));
      carry /= p;
    }
  }
  return out;
}

}  // namespace

bool BigInt::parse(std::string_view text, int base, BigInt& out) {
  if (base != 0 && (base < 2 || base > 36)) return false;
  std::size_t i = 0, end = text.size();
  while (i < end && is_space(text[i])) ++i;
  while (end > i && is_space(text[end - 1])) --end;
  bool negative = false;
  if (i < end && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';

  // Base 0: a prefix picks the base; without one it is 10 and, as in Python 3 literals,
  // a leading 0 is allowed only when every digit is 0 (no C-style octal).
  bool zeros_only = false;
  if (base == 0) {
    int p = i + 1 < end && text[i] == '0' ? prefix_base(text[i + 1]) : 0;
    base = p != 0 ? p : 10;
    zeros_only = p == 0 && i < end && text[i] == '0';
  }
  if (i + 1 < end && text[i] == '0' && prefix_base(text[i + 1]) == base) {
    i += 2;
    if (i < end && text[i] == '_') ++i;  // one underscore may follow the prefix
  }
  if (i < end && text[i] == '_') return false;  // no leading underscore

  std::vector<std::uint8_t> values;
  values.reserve(end - i);
  bool after_underscore = false;
  for (; i < end; ++i) {
    if (text[i] == '_') {
      if (after_underscore) return false;
      after_underscore = true;
      continue;
    }
    int v = digit_value(text[i]);
    if (v >= base) return false;
    if (zeros_only && v != 0) return false;
    values.push_back(static_cast<std::uint8_t>(v));
    after_underscore = false;
  }
  if (values.empty() || after_underscore) return false;

  const bool power_of_two = (base & (base - 1)) == 0;
  out = BigInt(power_of_two ? from_power_of_two(values, std::countr_zero(static_cast<unsigned>(base)))
                            : from_chunks(values, base),
               negative);
  return true;
}

std::string BigInt::to_string(int base) const {
  static constexpr char kDigitChars[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  if (base < 2 || base > 36) base = 10;
  if (magnitude_.empty()) return "0";
  std::string s;  // built least significant character first, reversed at the end
  if ((base & (base - 1)) == 0) {
    const int bits_per_char = std::countr_zero(static_cast<unsigned>(base));
    const std::size_t bits = bit_length();
    s.reserve(bits / static_cast<std::size_t>(bits_per_char) + 2);
    const Digit mask = static_cast<Digit>(base - 1);
    for (std::size_t pos = 0; pos < bits; pos += static_cast<std::size_t>(bits_per_char)) {
      const std::size_t w = pos / kDigitBits;
      TwoDigits window = magnitude_[w];
      if (w + 1 < magnitude_.size()) window |= static_cast<TwoDigits>(magnitude_[w + 1]) << kDigitBits;
      s.push_back(kDigitChars[(window >> (pos % kDigitBits)) & mask]);
    }
  } else {
    const Chunk chunk = chunk_for(base);
    s.reserve(decimal_digits_upper_bound() + 2);  // enough for base 10, a hint otherwise
    const Digits chunks = base == 10
        ? to_chunks(magnitude_, std::integral_constant<Digit, 1000000000>())
        : to_chunks(magnitude_, chunk.power);
    for (std::size_t i = 0; i < chunks.size(); ++i) {
      Digit part = chunks[i];
      // Every chunk but the most significant is zero-padded to full width.
      const bool top = i + 1 == chunks.size();
      for (int k = 0; k < chunk.chars && (!top || part != 0); ++k) {
        s.push_back(kDigitChars[part % static_cast<Digit>(base)]);
        part /= static_cast<Digit>(base);
      }
    }
  }
  if (negative_) s.push_back('-');
  std::reverse(s.begin(), s.end());
  return s;
}

std::size_t BigInt::decimal_digits_upper_bound() const {
  // digits = floor(log10 |x|) + 1 <= floor(bits * log10 2) + 1, and 0.30103 is just above
  // log10 2 (by 4.3e-9), so the estimate overshoots by at most 1 below ~10**8 bits.
  const std::uint64_t bits = bit_length();
  return static_cast<std::size_t>(bits * 30103 / 100000 + 1);
}

}  // namespace terrarium
