// The Unicode character database str needs: per-code-point properties (the is*() methods,
// repr's printable test, identifiers, line breaks) and full case mappings, plus UTF-8
// encoding and decoding of single code points. The tables are generated
// (str_unicode_db.cpp by scripts/gen_unicode_db.py); this header owns their meaning.
// CPython: Objects/unicodectype.c, Tools/unicode/makeunicodedata.py.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace terrarium::unicode {

enum Flag : std::uint16_t {
  ALPHA = 1 << 0, DECIMAL = 1 << 1, DIGIT = 1 << 2, NUMERIC = 1 << 3,
  LOWER = 1 << 4, UPPER = 1 << 5, TITLE = 1 << 6, SPACE = 1 << 7,
  LINEBREAK = 1 << 8, PRINTABLE = 1 << 9, XID_START = 1 << 10, XID_CONTINUE = 1 << 11,
  CASED = 1 << 12, CASE_IGNORABLE = 1 << 13,
};

enum Mapping : int { kLower = 0, kUpper = 1, kTitle = 2, kFold = 3 };

struct Record {
  std::uint16_t flags;
  std::uint8_t decimal;    // the digit value when DECIMAL is set
  std::uint8_t ext_mask;   // bit k: mapping k is an offset into the extended table
  std::int32_t map[4];     // lower, upper, title, fold: delta or extended offset
};

const Record& record(char32_t cp);
// Length-prefixed code points of a multi-character mapping.
const std::uint32_t* extended_mapping(std::int32_t offset);

inline bool has(char32_t cp, std::uint16_t flag) { return (record(cp).flags & flag) != 0; }
// CPython's Py_UNICODE_ISSPACE etc. ASCII is answered without the table.
inline bool is_space(char32_t cp) {
  if (cp < 128) return cp == ' ' || (cp >= '\t' && cp <= '\r') || (cp >= 0x1C && cp <= 0x1F);
  return has(cp, SPACE);
}
inline bool is_linebreak(char32_t cp) { return has(cp, LINEBREAK); }
inline bool is_printable(char32_t cp) { return has(cp, PRINTABLE); }
inline bool is_alnum(char32_t cp) { return has(cp, ALPHA | DECIMAL | DIGIT | NUMERIC); }
// The decimal digit value (0..9) or -1: int() and float() accept any Nd digit.
inline int decimal_value(char32_t cp) {
  const Record& r = record(cp);
  return (r.flags & DECIMAL) ? r.decimal : -1;
}

// Appends the full mapping of cp (1..3 code points) to out; returns how many.
int map_case(char32_t cp, Mapping which, char32_t out[3]);

// UTF-8 helpers. Strings may hold lone surrogates (from '\ud800' escapes): they are kept as
// their 3-byte generalised UTF-8 form, as CPython keeps them in its code-point arrays.
void append_utf8(std::string& out, char32_t cp);
inline int utf8_width(char32_t cp) { return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4; }
// Decodes the code point starting at s[i] and advances i. The input is valid (generalised) UTF-8.
inline char32_t decode_utf8(const char* s, std::size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    ++i;
    return b;
  }
  if (b < 0xE0) {
    char32_t cp = ((b & 0x1Fu) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3Fu);
    i += 2;
    return cp;
  }
  if (b < 0xF0) {
    char32_t cp = ((b & 0x0Fu) << 12) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 6) |
                  (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
    i += 3;
    return cp;
  }
  char32_t cp = ((b & 0x07u) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 12) |
                ((static_cast<unsigned char>(s[i + 2]) & 0x3Fu) << 6) | (static_cast<unsigned char>(s[i + 3]) & 0x3Fu);
  i += 4;
  return cp;
}
// The code point ending just before s[i] (i > 0); moves i back to its first byte.
inline char32_t decode_utf8_before(const char* s, std::size_t& i) {
  std::size_t j = i - 1;
  while ((static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
  i = j;
  return decode_utf8(s, j);
}

}  // namespace terrarium::unicode
