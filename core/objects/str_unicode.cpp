// Reading the generated Unicode tables: full case mappings, and UTF-8 encoding.
// CPython: Objects/unicodectype.c _PyUnicode_ToLowerFull and friends.
#include "objects/str_unicode.hpp"

namespace terrarium::unicode {

int map_case(char32_t cp, Mapping which, char32_t out[3]) {
  const Record& r = record(cp);
  std::int32_t v = r.map[which];
  if (r.ext_mask & (1u << which)) {
    const std::uint32_t* ext = extended_mapping(v);
    int n = static_cast<int>(ext[0]);
    for (int k = 0; k < n; ++k) out[k] = ext[1 + k];
    return n;
  }
  out[0] = static_cast<char32_t>(static_cast<std::int32_t>(cp) + v);
  return 1;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace terrarium::unicode
