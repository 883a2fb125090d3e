// Guards core/objects/str*.cpp, format*.cpp and the Unicode tables: the code-point index
// (O(1) positions in non-ASCII text), the shared one-character strings, case mappings,
// the format-spec mini-language and float digit generation. Full behaviour against
// CPython lives in tests/conformance/strings/.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include "objects/bigint.hpp"
#include "objects/exceptions.hpp"
#include "objects/format.hpp"
#include "objects/str.hpp"
#include "objects/str_unicode.hpp"
#include "test_support.hpp"
#include "vm/thread_state.hpp"

using namespace terrarium;
using terrarium::test::run_program;

namespace {

std::string take(Object* s) {
  REQUIRE(s != nullptr);
  std::string out(str_view(s));
  decref(s);
  return out;
}

std::string error_text(ThreadState& ts) {
  REQUIRE(ts.curexc != nullptr);
  std::string text = std::string(ts.curexc->ob_type->tp_name) + ": " + exception_message(&ts, ts.curexc);
  clear_error(&ts);
  return text;
}

}  // namespace

TEST_CASE("str counts code points and flags ASCII") {
  ThreadState ts;
  Object* a = new_str(&ts, "hello");
  Object* b = new_str(&ts, "h\xC3\xA9llo \xE4\xB8\xAD \xF0\x9F\x98\x80");  // héllo 中 😀
  CHECK(str_length(a) == 5);
  CHECK(str_is_ascii(a));
  CHECK(str_length(b) == 9);
  CHECK_FALSE(str_is_ascii(b));
  CHECK(str_char_at(b, 1) == 0xE9);
  CHECK(str_char_at(b, 6) == 0x4E2D);
  CHECK(str_char_at(b, 8) == 0x1F600);
  decref(a), decref(b);
}

TEST_CASE("the empty string and one-character Latin-1 strings are singletons") {
  ThreadState ts;
  Object* e1 = new_str(&ts, "");
  Object* e2 = new_str(&ts, "");
  CHECK(e1 == e2);
  Object* a1 = new_str(&ts, "a");
  Object* a2 = new_str_from_char(&ts, 'a');
  CHECK(a1 == a2);
  Object* y1 = new_str(&ts, "\xC3\xBF");  // ÿ, U+00FF
  Object* y2 = new_str_from_char(&ts, 0xFF);
  CHECK(y1 == y2);
  Object* c1 = new_str_from_char(&ts, 0x100);  // beyond Latin-1: fresh objects
  Object* c2 = new_str_from_char(&ts, 0x100);
  CHECK(c1 != c2);
  CHECK(str_equal(c1, c2));
  for (Object* o : {e1, e2, a1, a2, y1, y2, c1, c2}) decref(o);
}

TEST_CASE("byte offsets and code-point positions agree across the index stride") {
  ThreadState ts;
  std::string text;
  for (int i = 0; i < 1000; ++i) {
    unicode::append_utf8(text, static_cast<char32_t>('a' + i % 26));
    if (i % 7 == 0) unicode::append_utf8(text, 0x4E00 + static_cast<char32_t>(i));
    if (i % 11 == 0) unicode::append_utf8(text, 0x1F600 + static_cast<char32_t>(i % 50));
  }
  Object* s = new_str(&ts, text);
  // Walk the string once by decoding and compare with random access.
  std::size_t byte = 0;
  for (Py_ssize_t i = 0; i < str_length(s); ++i) {
    REQUIRE(str_byte_offset(s, i) == byte);
    REQUIRE(str_char_index(s, byte) == i);
    std::size_t next = byte;
    char32_t cp = unicode::decode_utf8(text.data(), next);
    REQUIRE(str_char_at(s, i) == cp);
    byte = next;
  }
  CHECK(str_byte_offset(s, str_length(s)) == text.size());
  Object* mid = str_substring(&ts, s, 100, 140);
  CHECK(str_length(mid) == 40);
  CHECK(str_view(mid) == std::string_view(text).substr(str_byte_offset(s, 100), str_byte_offset(s, 140) - str_byte_offset(s, 100)));
  decref(mid);
  decref(s);
}

TEST_CASE("indexing long non-ASCII text stays fast") {
  // 200k code points, 100k random-ish positions: linear scans would take seconds.
  auto r = run_program(
      "s = 'h\\u00e9llo w\\u00f6rld ' * 16667\n"
      "n = len(s)\ni = 0\nk = 0\ntotal = 0\n"
      "while i < 100000:\n    k = (k + 7919) % n\n    if s[k] == '\\u00f6':\n        total += 1\n    i += 1\n"
      "print(n, total, s[n - 1000:n - 995], s.find('w', 150000))\n");
  CHECK(r.err == "");
  CHECK(r.out == "200004 8333 rld h 150006\n");
}

TEST_CASE("repr and ascii escape as CPython does") {
  CHECK(str_repr_string("it's") == "\"it's\"");
  CHECK(str_repr_string("a'b\"c") == "'a\\'b\"c'");
  CHECK(str_repr_string("\t\n\r\x01\x7f") == "'\\t\\n\\r\\x01\\x7f'");
  CHECK(str_repr_string("\xC3\xA9\xC2\xA0\xE2\x80\x8B") == "'\xC3\xA9\\xa0\\u200b'");  // é kept, nbsp and ZWSP escaped
  CHECK(ascii_repr_string("\xC3\xA9\xF0\x9F\x98\x80") == "'\\xe9\\U0001f600'");
}

TEST_CASE("the Unicode tables map case fully, with special cases") {
  char32_t out[3];
  CHECK(unicode::map_case(0xDF, unicode::kUpper, out) == 2);  // ß -> SS
  CHECK((out[0] == 'S' && out[1] == 'S'));
  CHECK(unicode::map_case(0xFB01, unicode::kUpper, out) == 2);  // ﬁ -> FI
  CHECK(unicode::map_case(0x3A3, unicode::kLower, out) == 1);
  CHECK(out[0] == 0x3C3);
  CHECK(unicode::map_case(0x416, unicode::kLower, out) == 1);  // Ж -> ж
  CHECK(out[0] == 0x436);
  CHECK(unicode::map_case(0x1C5, unicode::kTitle, out) == 1);  // ǅ stays titlecase
  CHECK(out[0] == 0x1C5);
  CHECK(unicode::is_space(0x3000));
  CHECK_FALSE(unicode::is_printable(0x200B));
  CHECK(unicode::decimal_value(0x663) == 3);  // ARABIC-INDIC DIGIT THREE
  CHECK(unicode::has(0x4E2D, unicode::XID_START));
}

TEST_CASE("str methods through the interpreter") {
  auto r = run_program(
      "print('a,b,,c'.split(','), '  x  y '.split(), 'StraSSe'.lower(), '\\u00df'.upper(), '\\u03a3\\u0391\\u03a3'.lower())\n"
      "print('x'.center(5, '*'), '-3'.zfill(5), '{0:>{1}}|{a!r}'.format('r', 4, a='q'), '%05.1f|%-3s|%x' % (2.25, 'a', 255))\n");
  CHECK(r.err == "");
  CHECK(r.out == "['a', 'b', '', 'c'] ['x', 'y'] strasse SS \xCF\x83\xCE\xB1\xCF\x82\n**x** -0003    r|'q' 002.2|a  |ff\n");
}

TEST_CASE("format_int_value implements the integer presentation types") {
  ThreadState ts;
  BigInt big;
  REQUIRE(BigInt::parse("-123456789012345678901234567890", 10, big));
  CHECK(take(format_int_value(&ts, BigInt(255), "#010x")) == "0x000000ff");
  CHECK(take(format_int_value(&ts, BigInt(255), "#X")) == "0XFF");
  CHECK(take(format_int_value(&ts, BigInt(123), "010,")) == "00,000,123");
  CHECK(take(format_int_value(&ts, BigInt(-1234), "*=10,")) == "-****1,234");
  CHECK(take(format_int_value(&ts, BigInt(12345678), "_b")) == "1011_1100_0110_0001_0100_1110");
  CHECK(take(format_int_value(&ts, BigInt(65), "^5c")) == "  A  ");
  CHECK(take(format_int_value(&ts, big, ",")) == "-123,456,789,012,345,678,901,234,567,890");
  CHECK(take(format_int_value(&ts, BigInt(5), ".2%")) == "500.00%");
  CHECK(format_int_value(&ts, BigInt(5), ".2") == nullptr);
  CHECK(error_text(ts) == "ValueError: Precision not allowed in integer format specifier");
  CHECK(format_int_value(&ts, BigInt(5), ",x") == nullptr);
  CHECK(error_text(ts) == "ValueError: Cannot specify ',' with 'x'.");
  CHECK(format_int_value(&ts, BigInt(5), "s", "bool") == nullptr);
  CHECK(error_text(ts) == "ValueError: Unknown format code 's' for object of type 'bool'");
}

TEST_CASE("format_float_value follows CPython's repr and rounding rules") {
  ThreadState ts;
  CHECK(take(format_float_value(&ts, 1e16, "")) == "1e+16");
  CHECK(take(format_float_value(&ts, 0.1, "")) == "0.1");
  CHECK(take(format_float_value(&ts, 123.0, ".3")) == "1.23e+02");
  CHECK(take(format_float_value(&ts, 123.0, ".3g")) == "123");
  CHECK(take(format_float_value(&ts, 2.5, ".0f")) == "2");
  CHECK(take(format_float_value(&ts, -0.0001, "z.2f")) == "0.00");
  CHECK(take(format_float_value(&ts, 1234567.891, ",.2f")) == "1,234,567.89");
  CHECK(take(format_float_value(&ts, 1.0, "#g")) == "1.00000");
  CHECK(take(format_float_value(&ts, 1.0 / 0.0, "010")) == "0000000inf");
  CHECK(take(format_float_value(&ts, 0.5, "%")) == "50.000000%");
  CHECK(format_float_value(&ts, 1.5, "x") == nullptr);
  CHECK(error_text(ts) == "ValueError: Unknown format code 'x' for object of type 'float'");
  CHECK(format_float_value(&ts, 1.5, ".") == nullptr);
  CHECK(error_text(ts) == "ValueError: Format specifier missing precision");
  CHECK(double_to_string(1e22, 'r', 0, DTSF_ADD_DOT_0) == "1e+22");
  CHECK(double_to_string(0.30000000000000004, 'r', 0, 0) == "0.30000000000000004");
  CHECK(double_to_string(12345.678, 'E', 2, 0) == "1.23E+04");
}

TEST_CASE("format_str_value pads, truncates and rejects numeric options") {
  ThreadState ts;
  CHECK(take(format_str_value(&ts, "abc", "^7.2")) == "  ab   ");
  CHECK(take(format_str_value(&ts, "h\xC3\xA9", "*>4")) == "**h\xC3\xA9");
  CHECK(take(format_str_value(&ts, "a", "05")) == "a0000");
  CHECK(format_str_value(&ts, "a", "+") == nullptr);
  CHECK(error_text(ts) == "ValueError: Sign not allowed in string format specifier");
  CHECK(format_str_value(&ts, "a", "=5") == nullptr);
  CHECK(error_text(ts) == "ValueError: '=' alignment not allowed in string format specifier");
  CHECK(format_str_value(&ts, "a", ",") == nullptr);
  CHECK(error_text(ts) == "ValueError: Cannot specify ',' with 's'.");
}

TEST_CASE("iteration built-ins through the interpreter") {
  auto r = run_program(
      "print(max(3, 1, 2), min('bca'), sum([1, 2.5]), chr(65), ord('\\u00e9'), format(3.5, '08.3f'), ascii('\\u00e9'))\n"
      "print(list(enumerate('ab', 1)), list(zip('ab', [1, 2, 3])), list(map(len, ['a', 'bb'])), list(filter(None, [0, 2])))\n"
      "print(list(reversed('abc')), any([0, 1]), all([]), max([], default='d'))\n");
  CHECK(r.err == "");
  CHECK(r.out ==
        "3 a 3.5 A 233 0003.500 '\\xe9'\n"
        "[(1, 'a'), (2, 'b')] [('a', 1), ('b', 2)] [1, 2] [2]\n"
        "['c', 'b', 'a'] True True d\n");
}

TEST_CASE("iteration built-ins report CPython's errors") {
  auto r = run_program("max([])\n");
  CHECK(r.err.find("ValueError: max() arg is an empty sequence") != std::string::npos);
  r = run_program("sum(['a'], '')\n");
  CHECK(r.err.find("TypeError: sum() can't sum strings [use ''.join(seq) instead]") != std::string::npos);
  r = run_program("ord('ab')\n");
  CHECK(r.err.find("TypeError: ord() expected a character, but string of length 2 found") != std::string::npos);
  r = run_program("' '.join([1])\n");
  CHECK(r.err.find("TypeError: sequence item 0: expected str instance, int found") != std::string::npos);
  r = run_program("'%d %d' % (1,)\n");
  CHECK(r.err.find("TypeError: not enough arguments for format string") != std::string::npos);
  r = run_program("list(zip([1], [1, 2], strict=True))\n");
  CHECK(r.err.find("ValueError: zip() argument 2 is longer than argument 1") != std::string::npos);
}

TEST_CASE("str_concat_in_place grows a solely owned str and copies a shared one") {
  ThreadState ts;
  Object* s = new_str(&ts, "ab");
  Object* piece = new_str(&ts, "\xC3\xA9x");  // éx
  for (int i = 0; i < 1000; ++i) REQUIRE(str_concat_in_place(&ts, &s, piece));
  CHECK(str_length(s) == 2 + 2000);
  CHECK_FALSE(str_is_ascii(s));
  CHECK(str_char_at(s, 1500) == 0xE9);
  Object* shared = newref(s);
  REQUIRE(str_concat_in_place(&ts, &s, piece));
  CHECK(s != shared);  // the other owner still sees the old text
  CHECK(str_length(shared) == 2002);
  CHECK(str_length(s) == 2004);
  decref(shared), decref(s), decref(piece);
}
