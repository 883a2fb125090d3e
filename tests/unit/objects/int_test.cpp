// Guards core/objects/int*.cpp, float*.cpp and modules/builtins_numeric.cpp: the two int
// representations and their invariants (normalisation, the small-int cache, saturated
// int_value), exact int/float comparison and conversion, hashing, index conversion, and
// the Python-visible behaviour through whole programs.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include "objects/abstract.hpp"
#include "objects/bigint.hpp"
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/int.hpp"
#include "objects/slice.hpp"
#include "objects/str.hpp"
#include "objects/typeobject.hpp"
#include "test_support.hpp"
#include "vm/thread_state.hpp"

using namespace terrarium;
using terrarium::test::run_program;

namespace {

BigInt big(const char* text) {
  BigInt v;
  REQUIRE(BigInt::parse(text, 10, v));
  return v;
}

std::string repr_of(ThreadState* ts, Object* o) {
  std::string s;
  REQUIRE(repr_string(ts, o, s));
  return s;
}

// The exception raised on ts as "Type: message", and clears it.
std::string take_error(ThreadState* ts) {
  REQUIRE(ts->curexc != nullptr);
  Object* e = fetch_error(ts);
  std::string text = std::string(e->ob_type->tp_name) + ": " + exception_message(ts, e);
  decref(e);
  return text;
}

std::string out_of(const std::string& source) {
  auto r = run_program(source);
  INFO(r.err);
  CHECK(r.status == 0);
  return r.out;
}

}  // namespace

TEST_CASE("new_int_from_bigint keeps int64 values small and cached") {
  ThreadState ts;
  Object* five = new_int_from_bigint(&ts, BigInt(5));
  Object* cached = new_int(&ts, 5);
  CHECK(five == cached);  // the small-int cache, so `is` matches CPython
  Object* mid = new_int_from_bigint(&ts, big("9223372036854775807"));
  CHECK(int_fits_int64(mid));
  CHECK(int_value(mid) == INT64_MAX);
  Object* huge = new_int_from_bigint(&ts, big("9223372036854775808"));
  CHECK_FALSE(int_fits_int64(huge));
  CHECK(int_value(huge) == INT64_MAX);  // saturated, never a wrong small number
  Object* low = new_int_from_bigint(&ts, big("-9223372036854775809"));
  CHECK(int_value(low) == INT64_MIN);
  CHECK(int_compare(huge, mid) == 1);
  CHECK(int_compare(low, mid) == -1);
  CHECK(int_sign(low) == -1);
  CHECK(int_bit_length(huge) == 64);
  CHECK(repr_of(&ts, huge) == "9223372036854775808");
  decref(five), decref(cached), decref(mid), decref(huge), decref(low);
}

TEST_CASE("int arithmetic overflows into BigInt and shrinks back") {
  ThreadState ts;
  Object* max = new_int(&ts, INT64_MAX);
  Object* one = new_int(&ts, 1);
  Object* sum = binary_op(&ts, max, one, BinaryOp::Add);
  REQUIRE(sum);
  CHECK_FALSE(int_fits_int64(sum));
  CHECK(repr_of(&ts, sum) == "9223372036854775808");
  Object* back = binary_op(&ts, sum, one, BinaryOp::Subtract);
  REQUIRE(back);
  CHECK(int_fits_int64(back));
  CHECK(int_value(back) == INT64_MAX);
  decref(max), decref(one), decref(sum), decref(back);
}

TEST_CASE("ints and doubles compare exactly") {
  ThreadState ts;
  Object* n = new_int_from_bigint(&ts, BigInt::pow(BigInt(2), 53) + BigInt(1));
  CHECK(int_compare_double(n, 9007199254740992.0) == 1);
  CHECK(int_compare_double(n, 9007199254740994.0) == -1);
  Object* m = new_int(&ts, -3);
  CHECK(int_compare_double(m, -2.5) == -1);
  CHECK(int_compare_double(m, -3.0) == 0);
  CHECK(int_compare_double(m, -3.5) == 1);
  Object* googol = new_int_from_bigint(&ts, BigInt::pow(BigInt(10), 400));
  CHECK(int_compare_double(googol, 1e308) == 1);
  double d = 0;
  CHECK_FALSE(int_to_double(&ts, googol, d));
  CHECK(take_error(&ts) == "OverflowError: int too large to convert to float");
  decref(n), decref(m), decref(googol);
}

TEST_CASE("int(double) truncates and rejects nan and infinities") {
  ThreadState ts;
  Object* a = new_int_from_double(&ts, -1e19);
  REQUIRE(a);
  CHECK(repr_of(&ts, a) == "-10000000000000000000");
  CHECK(new_int_from_double(&ts, NAN) == nullptr);
  CHECK(take_error(&ts) == "ValueError: cannot convert float NaN to integer");
  CHECK(new_int_from_double(&ts, -INFINITY) == nullptr);
  CHECK(take_error(&ts) == "OverflowError: cannot convert float infinity to integer");
  decref(a);
}

TEST_CASE("float and int hashes agree and match CPython's values") {
  ThreadState ts;
  auto float_hash = [&](double v) {
    Object* f = new_float(&ts, v);
    Py_hash_t h = object_hash(&ts, f);
    decref(f);
    return h;
  };
  CHECK(float_hash(0.5) == 1152921504606846976);
  CHECK(float_hash(-0.5) == -1152921504606846976);
  CHECK(float_hash(0.1) == 230584300921369408);
  CHECK(float_hash(1e300) == 1224995262755759164);
  CHECK(float_hash(-1.0) == -2);
  CHECK(float_hash(INFINITY) == 314159);
  Object* i = new_int_from_bigint(&ts, BigInt::pow(BigInt(2), 70));
  CHECK(object_hash(&ts, i) == float_hash(std::ldexp(1.0, 70)));
  decref(i);
}

TEST_CASE("index_value and sequence_index report huge ints as CPython does") {
  ThreadState ts;
  Object* huge = new_int_from_bigint(&ts, BigInt::pow(BigInt(10), 20));
  std::int64_t v = 0;
  CHECK_FALSE(index_value(&ts, huge, v));
  CHECK(take_error(&ts) == "OverflowError: cannot fit 'int' into an index-sized integer");
  Py_ssize_t i = 0;
  CHECK_FALSE(sequence_index(&ts, huge, 3, "list", i));
  CHECK(take_error(&ts) == "IndexError: cannot fit 'int' into an index-sized integer");
  Object* f = new_float(&ts, 1.0);
  CHECK_FALSE(index_value(&ts, f, v));
  CHECK(take_error(&ts) == "TypeError: 'float' object cannot be interpreted as an integer");
  decref(huge), decref(f);
}

TEST_CASE("int methods are reachable from C++ through attribute lookup") {
  ThreadState ts;
  REQUIRE(ready_builtin_types(&ts));
  Object* n = new_int_from_bigint(&ts, BigInt::pow(BigInt(2), 100) - BigInt(1));
  Object* method = get_attr_str(&ts, n, "bit_count");
  REQUIRE(method);
  Object* r = call_object(&ts, method, nullptr, 0, nullptr);
  REQUIRE(r);
  CHECK(int_value(r) == 100);
  decref(method), decref(r), decref(n);
}

TEST_CASE("float text parsing follows Python's grammar, not strtod's") {
  ThreadState ts;
  Object* text = new_str(&ts, "x");
  double d = 0;
  CHECK(float_from_text(&ts, " 1_000.5\n", text, d));
  CHECK(d == 1000.5);
  CHECK(float_from_text(&ts, "-InFiNiTy", text, d));
  CHECK(d == -INFINITY);
  for (const char* bad : {"0x1p3", "nan(1)", "1__0", "1_.5", "1e", ".", "", "in f", "1e5_"}) {
    INFO(bad);
    CHECK_FALSE(float_from_text(&ts, bad, text, d));
    CHECK(take_error(&ts) == "ValueError: could not convert string to float: 'x'");
  }
  decref(text);
}

TEST_CASE("programs compute with big ints exactly") {
  CHECK(out_of("print(2 ** 100, -(2 ** 64) // 3, -(2 ** 64) % 3, (10 ** 30) // -7)\n") ==
        "1267650600228229401496703205376 -6148914691236517206 2 -142857142857142857142857142858\n");
  CHECK(out_of("x = 1\nn = 0\nwhile n < 64:\n    x *= 2\n    n += 1\nprint(x, x - 1, x >> 63, -x >> 100)\n") ==
        "18446744073709551616 18446744073709551615 2 -1\n");
  CHECK(out_of("print(0xFFFFFFFFFFFFFFFFFFFF, 1 << 70, (1 << 70) & -(1 << 69), ~(2 ** 65))\n") ==
        "1208925819614629174706175 1180591620717411303424 1180591620717411303424 -36893488147419103233\n");
  CHECK(out_of("print(2 ** 53 + 1 == 2.0 ** 53, 10 ** 400 > 1e308, 2 ** -2, 7 / 2)\n") == "False True 0.25 3.5\n");
}

TEST_CASE("int(), float() and the numeric builtins follow CPython") {
  CHECK(out_of("print(int(' -0x_ff ', 16), int('0b101', 0), int('\\u0661\\u0662'), int(-3.9), int(True))\n") ==
        "-255 5 12 -3 1\n");
  CHECK(out_of("print(float(' 1_0.5 '), float('-inf'), float(2 ** 53 + 1), float(True))\n") ==
        "10.5 -inf 9007199254740992.0 1.0\n");
  CHECK(out_of("print(round(2.675, 2), round(2.5), round(-25, -1), round(1234.5, -2))\n") == "2.67 2 -20 1200.0\n");
  CHECK(out_of("print(divmod(-7, 2), divmod(7.5, -2), pow(3, -1, 7), pow(2, 10, 1000))\n") ==
        "(-4, 1) (-4.0, -0.5) 5 24\n");
  CHECK(out_of("print(bin(-5), oct(8), hex(2 ** 64), hex(-255))\n") == "-0b101 0o10 0x10000000000000000 -0xff\n");
  CHECK(out_of("print(bool(), bool(2.5), bool(''), True & False, True | False, True ^ True, True & 3)\n") ==
        "False True False False True False 1\n");
}

TEST_CASE("numeric errors carry CPython's types and messages") {
  auto error_of = [](const std::string& expr) {
    auto r = run_program("x = " + expr + "\n");
    CHECK(r.status == 1);
    std::size_t last = r.err.rfind('\n', r.err.size() - 2);
    return r.err.substr(last + 1, r.err.size() - last - 2);
  };
  CHECK(error_of("int('12abc')") == "ValueError: invalid literal for int() with base 10: '12abc'");
  CHECK(error_of("int('1' * 4301)") ==
        "ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 4301 digits; use "
        "sys.set_int_max_str_digits() to increase the limit");
  CHECK(error_of("str(10 ** 4300)") ==
        "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use "
        "sys.set_int_max_str_digits() to increase the limit");
  CHECK(error_of("0 ** -1") == "ZeroDivisionError: 0.0 cannot be raised to a negative power");
  CHECK(error_of("1 << -1") == "ValueError: negative shift count");
  CHECK(error_of("2 ** 2000 * 1.5") == "OverflowError: int too large to convert to float");
  CHECK(error_of("10 ** 400 / 3") == "OverflowError: integer division result too large for a float");
  CHECK(error_of("pow(2, -1, 4)") == "ValueError: base is not invertible for the given modulus");
  CHECK(error_of("round('a')") == "TypeError: type str doesn't define __round__ method");
  CHECK(error_of("hex(1.5)") == "TypeError: 'float' object cannot be interpreted as an integer");
  CHECK(error_of("float('1__0')") == "ValueError: could not convert string to float: '1__0'");
  CHECK(error_of("int(float('nan'))") == "ValueError: cannot convert float NaN to integer");
}
