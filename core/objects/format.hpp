// The format-spec mini-language (format(), f-strings, str.format) for the built-in
// types: parsing a spec and rendering str, int and float values with it.
// CPython: Python/formatter_unicode.c, Objects/stringlib/unicode_format.h.
#pragma once
#include <string>
#include <string_view>
#include "objects/object.hpp"

namespace terrarium {

class BigInt;

// Each returns a new str, or null with ValueError/TypeError set (CPython's messages, e.g.
// "Unknown format code 'd' for object of type 'str'").
[[nodiscard]] Object* format_str_value(ThreadState* ts, std::string_view value, std::string_view spec);
[[nodiscard]] Object* format_int_value(ThreadState* ts, const BigInt& value, std::string_view spec);
[[nodiscard]] Object* format_float_value(ThreadState* ts, double value, std::string_view spec);
// A complex number's two parts (format_complex.cpp).
[[nodiscard]] Object* format_complex_value(ThreadState* ts, double real, double imag, std::string_view spec);

}  // namespace terrarium

namespace terrarium {

// As the three functions above, naming the object's type in error messages (bool,
// a subclass of int ...) where they would say "int", "float" or "str".
[[nodiscard]] Object* format_int_value(ThreadState* ts, const BigInt& value, std::string_view spec,
                                       const char* type_name);
[[nodiscard]] Object* format_float_value(ThreadState* ts, double value, std::string_view spec,
                                         const char* type_name);
[[nodiscard]] Object* format_str_value(ThreadState* ts, std::string_view value, std::string_view spec,
                                       const char* type_name);

// CPython's PyOS_double_to_string: type is one of e E f F g G r ('r' is repr: the
// shortest round-tripping digits, precision must be 0). Never fails.
enum DoubleToStringFlags : unsigned {
  DTSF_SIGN = 1,        // always write a sign
  DTSF_ADD_DOT_0 = 2,   // "1.0", not "1", when the result looks like an integer
  DTSF_ALT = 4,         // '#': keep trailing zeros and the decimal point
  DTSF_NO_NEG_0 = 8,    // 'z': -0.0 (after rounding) prints as 0.0
};
std::string double_to_string(double value, char type, int precision, unsigned flags);

}  // namespace terrarium

namespace terrarium {

// format(value, spec): type(value).__format__(spec), with the fast paths and the
// "__format__ must return a str" check. spec may be null (""). CPython: PyObject_Format.
[[nodiscard]] Object* object_format(ThreadState* ts, Object* value, Object* spec);

}  // namespace terrarium
