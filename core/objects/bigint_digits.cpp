// The linear-time magnitude helpers: trimming, comparison, addition, subtraction and
// multiply/divide by one digit. Multiplication and long division live in bigint_mul.cpp
// and bigint_div.cpp. CPython: Objects/longobject.c x_add(), x_sub(), inplace_divrem1().
#include <algorithm>
#include <bit>
#include "objects/bigint_digits.hpp"

namespace terrarium::bigint_detail {

void trim(Digits& d) {
  while (!d.empty() && d.back() == 0) d.pop_back();
}

DigitSpan trimmed(DigitSpan d) {
  std::size_t n = d.size();
  while (n > 0 && d[n - 1] == 0) --n;
  return d.first(n);
}

int compare_digits(DigitSpan a, DigitSpan b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  for (std::size_t i = a.size(); i-- > 0;) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

std::size_t bit_length_digits(DigitSpan a) {
  if (a.empty()) return 0;
  return (a.size() - 1) * kDigitBits + static_cast<std::size_t>(std::bit_width(a.back()));
}

Digits add_digits(DigitSpan a, DigitSpan b) {
  if (a.size() < b.size()) std::swap(a, b);
  Digits r(a.size() + 1);
  TwoDigits carry = 0;
  std::size_t i = 0;
  for (; i < b.size(); ++i) {
    carry += static_cast<TwoDigits>(a[i]) + b[i];
    r[i] = static_cast<Digit>(carry);
    carry >>= kDigitBits;
  }
  for (; i < a.size(); ++i) {
    carry += a[i];
    r[i] = static_cast<Digit>(carry);
    carry >>= kDigitBits;
  }
  r[i] = static_cast<Digit>(carry);
  trim(r);
  return r;
}

Digits sub_digits(DigitSpan a, DigitSpan b) {
  Digits r(a.size());
  Digit borrow = 0;  // 0 or 1
  std::size_t i = 0;
  for (; i < b.size(); ++i) {
    // Unsigned wrap-around gives the digit; a borrow happened when the subtrahend exceeded a[i].
    TwoDigits sub = static_cast<TwoDigits>(b[i]) + borrow;
    r[i] = static_cast<Digit>(a[i] - sub);
    borrow = a[i] < sub ? 1 : 0;
  }
  for (; i < a.size(); ++i) {
    r[i] = a[i] - borrow;
    borrow = (a[i] < borrow) ? 1 : 0;
  }
  trim(r);
  return r;
}

void add_one(Digits& a) {
  for (Digit& d : a) {
    if (++d != 0) return;
  }
  a.push_back(1);
}

void sub_one(Digits& a) {
  for (Digit& d : a) {
    if (d-- != 0) break;
  }
  trim(a);
}

void mul_add_small(Digits& a, Digit m, Digit add) {
  TwoDigits carry = add;
  for (Digit& d : a) {
    carry += static_cast<TwoDigits>(d) * m;  // < 2**64: (B-1)**2 + (B-1) < B**2
    d = static_cast<Digit>(carry);
    carry >>= kDigitBits;
  }
  if (carry != 0) a.push_back(static_cast<Digit>(carry));
}

Digit div_small(Digits& a, Digit d) {
  TwoDigits rem = 0;
  for (std::size_t i = a.size(); i-- > 0;) {
    TwoDigits cur = (rem << kDigitBits) | a[i];
    a[i] = static_cast<Digit>(cur / d);
    rem = cur % d;
  }
  trim(a);
  return static_cast<Digit>(rem);
}

}  // namespace terrarium::bigint_detail
