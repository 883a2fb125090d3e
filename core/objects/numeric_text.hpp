// Text shared by int() and float() parsing: mapping non-ASCII decimal digits and
// whitespace to ASCII first, as CPython does before it parses a number, so
// int('١٢٣') == 123 and float('\u2003 1.5') == 1.5. Owns no parsing of its own.
// CPython: Objects/unicodeobject.c _PyUnicode_TransformDecimalAndSpaceToASCII().
#pragma once
#include <string>
#include <string_view>

namespace terrarium {

// Returns `utf8` unchanged when it is ASCII. Otherwise every Unicode space becomes ' ',
// every decimal digit (category Nd) its ASCII digit, and any other non-ASCII character
// becomes '?', which no number parser accepts.
std::string transform_decimal_and_space(std::string_view utf8);

}  // namespace terrarium
