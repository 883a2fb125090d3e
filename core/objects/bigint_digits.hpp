// Magnitude arithmetic shared by the bigint*.cpp files: unsigned numbers stored as
// little-endian vectors of 32-bit digits. Private to BigInt; nothing else includes it.
// Unless a function says otherwise its inputs and outputs are trimmed (no high zero
// digits; zero is the empty vector).
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace terrarium::bigint_detail {

using Digit = std::uint32_t;
using TwoDigits = std::uint64_t;  // holds Digit * Digit + Digit + Digit without overflow
using Digits = std::vector<Digit>;
using DigitSpan = std::span<const Digit>;
constexpr int kDigitBits = 32;

void trim(Digits& d);
DigitSpan trimmed(DigitSpan d);
int compare_digits(DigitSpan a, DigitSpan b);
std::size_t bit_length_digits(DigitSpan a);

Digits add_digits(DigitSpan a, DigitSpan b);
Digits sub_digits(DigitSpan a, DigitSpan b);     // precondition: a >= b
void add_one(Digits& a);                         // a += 1
void sub_one(Digits& a);                         // a -= 1; precondition: a > 0
void mul_add_small(Digits& a, Digit m, Digit add);  // a = a * m + add
Digit div_small(Digits& a, Digit d);             // a /= d, returns the remainder; d > 0

Digits mul_digits(DigitSpan a, DigitSpan b);      // Karatsuba above a cutoff
// q = a / b, r = a % b for b > 0. CPython: Objects/longobject.c x_divrem() (Knuth D).
void divmod_digits(DigitSpan a, DigitSpan b, Digits& q, Digits& r);

Digits shift_left_digits(DigitSpan a, std::uint64_t n);
// a >> n; sets *lost when any 1 bit was shifted out.
Digits shift_right_digits(DigitSpan a, std::uint64_t n, bool* lost);

}  // namespace terrarium::bigint_detail
