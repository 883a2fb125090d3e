// Escape decoding for string literals: \n \t \xhh \ooo \uXXXX \UXXXXXXXX and friends.
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
    switch (e) {
      case '\n': break;  // line continuation inside the literal
      case '\\': out += '\\'; break;
      case '\'': out += '\''; break;
      case '"': out += '"'; break;
      case 'a': out += '\a'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 't': out += '\t'; break;
      case 'v': out += '\v'; break;
      case 'x': case 'u': case 'U': {
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
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          char32_t cp = e - '0';
          for (int n = 1; n < 3 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7'; ++n) cp = cp * 8 + (s[++i] - '0');
          unicode::append_utf8(out, cp);
        } else {
          out += '\\';
          out += e;
        }
    }
  }
  return out;
}

}  // namespace terrarium
