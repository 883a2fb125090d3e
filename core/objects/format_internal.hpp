// Private to format.cpp and format_float.cpp: the parsed format spec and the layout of a
// formatted number (padding, sign, prefix, grouped digits, decimal part).
// CPython: Python/formatter_unicode.c (InternalFormatSpec, calc_number_widths, fill_number).
#pragma once
#include <string>
#include <string_view>
#include "objects/object.hpp"

namespace terrarium::format_impl {

// [[fill]align][sign][z][#][0][width][grouping][.precision][type]
struct FormatSpec {
  std::string fill = " ";   // one code point, UTF-8
  char align = '<';         // < > ^ =
  char sign = 0;            // + - ' ' or 0
  bool no_neg_0 = false;    // z
  bool alternate = false;   // #
  Py_ssize_t width = -1;
  char separator = 0;       // ',' or '_' or 0
  int group = 3;            // digits per group: 3, or 4 for '_' with b/o/x/X
  Py_ssize_t precision = -1;
  char32_t type = 0;        // 0 when omitted
};

// CPython: parse_internal_render_format_spec. ValueError with CPython's texts.
[[nodiscard]] bool parse_spec(ThreadState* ts, std::string_view spec, char32_t default_type, char default_align,
                              const char* type_name, FormatSpec& out);
// "Unknown format code 'x' for object of type 'float'". Returns null.
std::nullptr_t unknown_type(ThreadState* ts, char32_t type, const char* type_name);

// The padded text of a number whose pieces are: an optional '-' (sign_char), a prefix
// (0x ...), ASCII digits to group, an optional decimal point and the rest (fraction,
// exponent, '%'). CPython: calc_number_widths + fill_number.
std::string layout_number(const FormatSpec& spec, char sign_char, std::string_view prefix, std::string_view digits,
                          bool has_decimal, std::string_view remainder);

// The float presentation (e f g % n and none) of a double; used for floats and for ints
// given a float type. CPython: format_float_internal.
[[nodiscard]] Object* format_double(ThreadState* ts, double value, const FormatSpec& spec);

}  // namespace terrarium::format_impl
