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

}  // namespace terrarium
