// Long division of magnitudes (Knuth's algorithm D) and Python's floor division on top
// of it: the quotient rounds toward minus infinity and the remainder takes the divisor's
// sign. CPython: Objects/longobject.c x_divrem(), l_divmod().
#include <bit>
#include <utility>
#include "objects/bigint.hpp"
#include "objects/bigint_digits.hpp"

namespace terrarium {

using namespace bigint_detail;

namespace bigint_detail {

// Knuth, TAOCP vol. 2, 4.3.1, algorithm D. Both operands are shifted left so the divisor's
// top digit has its high bit set; then the two top digits of the running remainder divided
// by the divisor's top digit over-estimate each quotient digit by at most 2, and the test
// against the divisor's second digit removes almost every over-estimate before the costly
// multiply-and-subtract. The rare one left is fixed by adding the divisor back once.
void divmod_digits(DigitSpan a, DigitSpan b, Digits& q, Digits& r) {
  a = trimmed(a);
  b = trimmed(b);
  if (b.empty()) {  // precondition broken: answer 0 rather than divide by zero
    q.clear();
    r.clear();
    return;
  }
  if (compare_digits(a, b) < 0) {
    q.clear();
    r.assign(a.begin(), a.end());
    return;
  }
  if (b.size() == 1) {
    q.assign(a.begin(), a.end());
    Digit rem = div_small(q, b[0]);
    r.clear();
    if (rem != 0) r.push_back(rem);
    return;
  }

  const std::size_t n = b.size(), m = a.size() - n;
  const int s = std::countl_zero(b.back());  // 0..31
  // (x << s) | (y >> (32 - s)) without the undefined shift by 32 when s == 0.
  auto join = [s](Digit hi, Digit lo) -> Digit {
    return s == 0 ? hi : static_cast<Digit>((hi << s) | (lo >> (kDigitBits - s)));
  };
  Digits v(n), u(a.size() + 1);
  for (std::size_t i = n - 1; i > 0; --i) v[i] = join(b[i], b[i - 1]);
  v[0] = static_cast<Digit>(b[0] << s);
  u[a.size()] = s == 0 ? 0 : a.back() >> (kDigitBits - s);
  for (std::size_t i = a.size() - 1; i > 0; --i) u[i] = join(a[i], a[i - 1]);
  u[0] = static_cast<Digit>(a[0] << s);

  constexpr TwoDigits kBase = TwoDigits{1} << kDigitBits;
  const TwoDigits v_top = v[n - 1], v_next = v[n - 2];
  q.assign(m + 1, 0);
  for (std::size_t j = m + 1; j-- > 0;) {
    // Invariant: u[j+n .. j+1] < v, so u[j+n] <= v_top and q_hat <= B + 1 here.
    const TwoDigits top = (static_cast<TwoDigits>(u[j + n]) << kDigitBits) | u[j + n - 1];
    TwoDigits q_hat = top / v_top, r_hat = top % v_top;
    // The || keeps q_hat < B before the product, so q_hat * v_next fits in 64 bits.
    while (q_hat >= kBase || q_hat * v_next > ((r_hat << kDigitBits) | u[j + n - 2])) {
      --q_hat;
      r_hat += v_top;
      if (r_hat >= kBase) break;
    }

    // u[j .. j+n] -= q_hat * v
    TwoDigits carry = 0;
    Digit borrow = 0;
    for (std::size_t i = 0; i < n; ++i) {
      TwoDigits product = q_hat * v[i] + carry;  // <= (B-1)**2 + (B-1)
      carry = product >> kDigitBits;
      TwoDigits sub = static_cast<TwoDigits>(static_cast<Digit>(product)) + borrow;
      borrow = u[i + j] < sub ? 1 : 0;
      u[i + j] = static_cast<Digit>(u[i + j] - sub);
    }
    TwoDigits sub = carry + borrow;
    const bool went_negative = u[j + n] < sub;
    u[j + n] = static_cast<Digit>(u[j + n] - sub);

    if (went_negative) {  // q_hat was one too large: add v back (the carry out cancels)
      --q_hat;
      TwoDigits c = 0;
      for (std::size_t i = 0; i < n; ++i) {
        c += static_cast<TwoDigits>(u[i + j]) + v[i];
        u[i + j] = static_cast<Digit>(c);
        c >>= kDigitBits;
      }
      u[j + n] = static_cast<Digit>(u[j + n] + c);
    }
    q[j] = static_cast<Digit>(q_hat);
  }
  trim(q);

  // The remainder is u[0 .. n) shifted back right by s.
  r.assign(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    r[i] = s == 0 ? u[i] : static_cast<Digit>((u[i] >> s) | (u[i + 1] << (kDigitBits - s)));
  }
  trim(r);
}

}  // namespace bigint_detail

void BigInt::floor_divmod(const BigInt& a, const BigInt& b, BigInt& q, BigInt& r) {
  Digits qd, rd;
  divmod_digits(a.magnitude_, b.magnitude_, qd, rd);
  const bool q_negative = a.negative_ != b.negative_, r_negative = b.negative_;
  // Truncation rounded a negative quotient toward zero; floor it one further when there
  // is a remainder, which then becomes |b| - rd with b's sign. CPython: l_divmod().
  if (q_negative && !rd.empty()) {
    add_one(qd);
    rd = sub_digits(b.magnitude_, rd);
  }
  // a and b are not read past this point, so q or r may be one of them.
  q = BigInt(std::move(qd), q_negative);
  r = BigInt(std::move(rd), r_negative);
}

}  // namespace terrarium
