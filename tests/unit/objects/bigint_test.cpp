// Guards core/objects/bigint*.cpp: every operation against results CPython computed
// (bigint_cases.inc, written by gen_bigint_cases.py), plus identities checked on random
// operands large enough to reach Karatsuba, the lopsided split and Knuth D's add-back.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>
#include "objects/bigint.hpp"

using terrarium::BigInt;

namespace {

struct BinaryCase { const char* op; const char* a; const char* b; const char* expected; };
struct ShiftCase { const char* op; const char* a; std::uint64_t n; const char* expected; };
struct UnaryCase { const char* op; const char* x; const char* expected; };
struct PowCase { const char* base; std::uint64_t exp; const char* expected; };
struct PowModCase { const char* base; const char* exp; const char* mod; const char* expected; };
struct FromDoubleCase { const char* value; const char* expected; };
struct ParseCase { const char* text; std::size_t length; int base; bool ok; const char* expected; };

#include "objects/bigint_cases.inc"

BigInt num(std::string_view text) {
  BigInt v;
  REQUIRE(BigInt::parse(text, 10, v));
  return v;
}

// Long operands would drown a failure report; the start is enough to find the case.
std::string shorten(std::string s) { return s.size() > 60 ? s.substr(0, 57) + "..." : s; }

// The expected side is CPython's repr (or "overflow"); repr round-trips, so strtod gives
// back the exact double, and comparing bits also tells 0.0 from -0.0.
std::string double_result(bool ok, double d, const std::string& expected) {
  if (!ok) return "overflow";
  if (expected == "overflow") return "a value";
  double want = std::strtod(expected.c_str(), nullptr);
  // memcmp, not std::bit_cast: Emscripten's libc++ does not have bit_cast yet.
  return std::memcmp(&d, &want, sizeof d) == 0 ? expected : "not " + expected;
}

std::string run_binary(const BinaryCase& c) {
  BigInt a = num(c.a), b = num(c.b);
  std::string op = c.op;
  if (op == "+") return (a + b).to_string();
  if (op == "-") return (a - b).to_string();
  if (op == "*") return (a * b).to_string();
  if (op == "&") return (a & b).to_string();
  if (op == "|") return (a | b).to_string();
  if (op == "^") return (a ^ b).to_string();
  if (op == "cmp") return std::to_string(a.compare(b));
  if (op == "/") {
    double d = 0;
    bool ok = BigInt::true_divide(a, b, d);
    return double_result(ok, d, c.expected);
  }
  BigInt q, r;
  BigInt::floor_divmod(a, b, q, r);
  return (op == "//" ? q : r).to_string();
}

std::string run_unary(const UnaryCase& c) {
  BigInt x = num(c.x);
  std::string op = c.op;
  if (op == "neg") return (-x).to_string();
  if (op == "~") return (~x).to_string();
  if (op == "bit_length") return std::to_string(x.bit_length());
  if (op == "hash") return std::to_string(x.hash());
  if (op == "fits_int64") {
    if (!x.fits_int64()) return "0";
    return std::to_string(x.to_int64()) == c.x ? "1" : "to_int64 differs";
  }
  if (op == "str2") return x.to_string(2);
  if (op == "str8") return x.to_string(8);
  if (op == "str10") return x.to_string(10);
  if (op == "str16") return x.to_string(16);
  if (op == "to_double") {
    double d = 0;
    bool ok = x.to_double(d);
    return double_result(ok, d, c.expected);
  }
  if (op == "words") {
    std::string s;
    for (std::uint32_t w : x.magnitude_words()) s += (s.empty() ? "" : ",") + std::to_string(w);
    return s;
  }
  return "unknown op " + op;
}

// Random values whose 32-bit digits favour 0, 1 and all-ones patterns: the inputs on which
// carries run far and algorithm D's quotient estimate is most often wrong.
BigInt random_value(std::mt19937_64& rng, std::size_t max_words, bool exact = false) {
  static constexpr std::uint32_t kPatterns[] = {0, 1, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 0xFFFFFFFF};
  std::vector<std::uint32_t> words(exact ? max_words : 1 + rng() % max_words);
  const bool patterned = rng() % 2 == 0;
  for (auto& w : words) w = patterned ? kPatterns[rng() % 6] : static_cast<std::uint32_t>(rng());
  return BigInt::from_magnitude_words(words, rng() % 2 == 0);
}

// Schoolbook reference: a * b as a sum of one-digit products, which never reach Karatsuba.
BigInt reference_product(const BigInt& a, const BigInt& b) {
  BigInt sum;
  std::vector<std::uint32_t> words = b.magnitude_words();
  for (std::size_t i = 0; i < words.size(); ++i)
    sum = sum + ((a * BigInt::from_uint64(words[i])) << (32 * i));
  return b.sign() < 0 ? -sum : sum;
}

}  // namespace

TEST_CASE("BigInt binary operations match CPython") {
  for (const BinaryCase& c : kBinaryCases) {
    INFO(shorten(c.a) << " " << c.op << " " << shorten(c.b));
    CHECK(run_binary(c) == c.expected);
  }
}

TEST_CASE("BigInt shifts match CPython") {
  for (const ShiftCase& c : kShiftCases) {
    INFO(shorten(c.a) << " " << c.op << " " << c.n);
    BigInt a = num(c.a);
    CHECK((std::string(c.op) == "<<" ? a << c.n : a >> c.n).to_string() == c.expected);
  }
}

TEST_CASE("BigInt conversions, hash and unary operations match CPython") {
  for (const UnaryCase& c : kUnaryCases) {
    INFO(c.op << " " << shorten(c.x));
    CHECK(run_unary(c) == c.expected);
  }
}

TEST_CASE("BigInt pow and pow_mod match CPython") {
  for (const PowCase& c : kPowCases) {
    INFO(shorten(c.base) << " ** " << c.exp);
    CHECK(BigInt::pow(num(c.base), c.exp).to_string() == c.expected);
  }
  for (const PowModCase& c : kPowModCases) {
    INFO("pow(" << shorten(c.base) << ", " << shorten(c.exp) << ", " << shorten(c.mod) << ")");
    CHECK(BigInt::pow_mod(num(c.base), num(c.exp), num(c.mod)).to_string() == c.expected);
  }
}

TEST_CASE("BigInt::from_double truncates like int(float)") {
  for (const FromDoubleCase& c : kFromDoubleCases) {
    INFO(c.value);
    CHECK(BigInt::from_double(std::strtod(c.value, nullptr)).to_string() == c.expected);
  }
}

TEST_CASE("BigInt::parse accepts exactly what int(text, base) accepts") {
  for (const ParseCase& c : kParseCases) {
    INFO("int(" << shorten(std::string(c.text, c.length)) << ", " << c.base << ")");
    BigInt v;
    bool ok = BigInt::parse(std::string_view(c.text, c.length), c.base, v);
    CHECK(ok == c.ok);
    if (ok && c.ok) CHECK(v.to_string() == c.expected);
  }
}

TEST_CASE("BigInt int64 and word conversions keep their boundaries") {
  const std::int64_t lo = INT64_MIN, hi = INT64_MAX;
  CHECK(BigInt(lo).to_string() == "-9223372036854775808");
  CHECK(BigInt(lo).to_int64() == lo);
  CHECK(BigInt(hi).to_int64() == hi);
  CHECK_FALSE((BigInt(hi) + BigInt(1)).fits_int64());
  CHECK_FALSE((BigInt(lo) - BigInt(1)).fits_int64());
  CHECK(BigInt::from_uint64(UINT64_MAX).to_string() == "18446744073709551615");
  CHECK(BigInt().is_zero());
  CHECK(BigInt().sign() == 0);
  // Zero is never negative, however it is built.
  CHECK(BigInt::from_magnitude_words({0, 0}, true) == BigInt());
  CHECK((-BigInt()).to_string() == "0");
  CHECK(BigInt::from_magnitude_words({5, 0, 0}, true).to_string() == "-5");
}

TEST_CASE("BigInt floor division identities hold on patterned operands") {
  std::mt19937_64 rng(7);
  for (int i = 0; i < 3000; ++i) {
    BigInt a = random_value(rng, 24), b = random_value(rng, 12);
    if (b.is_zero()) continue;
    BigInt q, r;
    BigInt::floor_divmod(a, b, q, r);
    INFO(a.to_string(16) << " divmod " << b.to_string(16));
    CHECK(q * b + r == a);
    // The remainder lies between 0 and b, on b's side.
    if (b.sign() > 0) CHECK((r.sign() >= 0 && r.compare(b) < 0));
    else CHECK((r.sign() <= 0 && r.compare(b) > 0));
  }
}

TEST_CASE("BigInt Karatsuba products agree with one-digit products") {
  std::mt19937_64 rng(11);
  // Sizes straddle the cutoff, the even split and the lopsided (2x longer) case.
  const std::size_t sizes[][2] = {{47, 47}, {48, 48}, {49, 120}, {100, 100}, {60, 300},
                                  {257, 255}, {96, 97}, {400, 1000}};
  for (auto [na, nb] : sizes) {
    BigInt a = random_value(rng, na, true), b = random_value(rng, nb, true);
    INFO(na << " x " << nb << " words");
    CHECK(a * b == reference_product(a, b));
    CHECK(a * a == reference_product(a, a));
    BigInt q, r;
    BigInt::floor_divmod(a * b, b.is_zero() ? BigInt(1) : b, q, r);
    if (!b.is_zero()) CHECK((q == a && r.is_zero()));
  }
}

TEST_CASE("BigInt bitwise identities and text round trips hold on random operands") {
  std::mt19937_64 rng(13);
  for (int i = 0; i < 500; ++i) {
    BigInt a = random_value(rng, 10), b = random_value(rng, 10);
    INFO(a.to_string(16) << " , " << b.to_string(16));
    CHECK((a & b) + (a | b) == a + b);
    CHECK((a ^ b) == (a | b) - (a & b));
    CHECK(~a == -a - BigInt(1));
    CHECK((a << 77) >> 77 == a);
    int base = 2 + static_cast<int>(rng() % 35);
    BigInt back;
    CHECK(BigInt::parse(a.to_string(base), base, back));
    CHECK(back == a);
    std::size_t digits = a.to_string().size() - (a.sign() < 0 ? 1 : 0);
    CHECK(a.decimal_digits_upper_bound() >= digits);
    CHECK(a.decimal_digits_upper_bound() <= digits + 1);
  }
}

// Not run by default: `terrarium_tests "[.bench]"` prints the timings the brief asks for.
TEST_CASE("BigInt timings", "[.bench]") {
  using Clock = std::chrono::steady_clock;
  auto ms = [](Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  };
  BigInt a = BigInt::pow(BigInt(7), 11832) - BigInt(1);  // 10,000 decimal digits
  BigInt b = BigInt::pow(BigInt(3), 20959) + BigInt(1);  // 10,000 decimal digits
  auto t0 = Clock::now();
  BigInt p;
  for (int i = 0; i < 10; ++i) p = a * b;
  WARN("10,000 x 10,000-digit multiply: " << ms(t0) / 10 << " ms");
  BigInt c = BigInt::pow(BigInt(10), 4299) + BigInt(12345);  // 4,300 digits
  t0 = Clock::now();
  std::size_t n = 0;
  for (int i = 0; i < 100; ++i) n += c.to_string().size();
  WARN("to_string of 4,300 digits: " << ms(t0) / 100 << " ms");
  t0 = Clock::now();
  BigInt parsed;
  std::string text = c.to_string();
  for (int i = 0; i < 100; ++i) (void)BigInt::parse(text, 10, parsed);
  WARN("parse of 4,300 digits: " << ms(t0) / 100 << " ms");
  BigInt q, r;
  t0 = Clock::now();
  BigInt::floor_divmod(p, b, q, r);
  WARN("20,000 / 10,000-digit divmod: " << ms(t0) << " ms");
  CHECK(n == 430000);
  CHECK(q == a);
}
