// Non-ASCII digits and spaces to ASCII for int() and float(), using str's Unicode
// database (str_unicode.hpp) so there is one table of digits and spaces.
// CPython: Objects/unicodeobject.c _PyUnicode_TransformDecimalAndSpaceToASCII().
#include "objects/numeric_text.hpp"

#include <algorithm>
#include "objects/str_unicode.hpp"

namespace terrarium {

std::string transform_decimal_and_space(std::string_view utf8) {
  bool ascii = std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) return std::string(utf8);  // CPython returns ASCII text untouched, too
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t c = unicode::decode_utf8(utf8.data(), i);
    if (unicode::is_space(c)) {
      out += ' ';
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (int d = unicode::decimal_value(c); d >= 0) {
      out += static_cast<char>('0' + d);
    } else {
      out += '?';  // no number parser accepts it
    }
  }
  return out;
}

}  // namespace terrarium
