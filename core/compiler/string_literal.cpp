// Escape decoding for string and bytes literals: \n \t \xhh \ooo \uXXXX \UXXXXXXXX and friends.
#include "compiler/string_literal.hpp"

#include "objects/str_unicode.hpp"

namespace terrarium {

namespace {
int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(c | 0x20);
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// The one-character escapes str and bytes literals share (after the backslash); false for
// any other character.
bool simple_escape(char e, std::string& out) {
  switch (e) {
    case '\n': return true;  // line continuation inside the literal
    case '\\': out += '\\'; return true;
    case '\'': out += '\''; return true;
    case '"': out += '"'; return true;
    case 'a': out += '\a'; return true;
    case 'b': out += '\b'; return true;
    case 'f': out += '\f'; return true;
    case 'n': out += '\n'; return true;
    case 'r': out += '\r'; return true;
    case 't': out += '\t'; return true;
    case 'v': out += '\v'; return true;
    default: return false;
  }
}

// \ooo after its first digit e (at s[i]); advances i past the digits read.
unsigned octal_escape(std::string_view s, std::size_t& i, char e) {
  unsigned value = static_cast<unsigned>(e - '0');
  for (int n = 1; n < 3 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7'; ++n)
    value = value * 8 + static_cast<unsigned>(s[++i] - '0');
  return value;
}
}  // namespace

std::string decode_escapes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c != '\\' || i + 1 >= s.size()) {
      out += c;
      continue;
    }
    char e = s[++i];
    if (simple_escape(e, out)) continue;
    if (e == 'x' || e == 'u' || e == 'U') {
      int width = e == 'x' ? 2 : e == 'u' ? 4 : 8;
      char32_t cp = 0;
      int n = 0;
      while (n < width && i + 1 < s.size() && hex_value(s[i + 1]) >= 0) cp = cp * 16 + hex_value(s[++i]), ++n;
      if (n < width) {  // CPython raises here; keep the text so the error stays visible
        out += '\\';
        out += e;
      } else {
        unicode::append_utf8(out, cp);
      }
    } else if (e >= '0' && e <= '7') {
      unicode::append_utf8(out, octal_escape(s, i, e));
    } else {
      out += '\\';
      out += e;
    }
  }
  return out;
}

std::string decode_bytes_escapes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c != '\\' || i + 1 >= s.size()) {
      out += c;
      continue;
    }
    char e = s[++i];
    if (simple_escape(e, out)) continue;
    if (e == 'x' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else if (e >= '0' && e <= '7') {
      out += static_cast<char>(octal_escape(s, i, e) & 0xFF);  // 3.11 keeps the low byte of \400..\777
    } else {  // \u, \U, \N and unknown escapes stay as written (a short \x too, which CPython rejects)
      out += '\\';
      out += e;
    }
  }
  return out;
}

}  // namespace terrarium
