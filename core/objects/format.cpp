// The format-spec mini-language: parsing a spec, laying out numbers (alignment, sign,
// zero padding, digit grouping), and formatting str and int values. Floats are in
// format_float.cpp. CPython: Python/formatter_unicode.c.
#include "objects/format.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <vector>
#include "objects/bigint.hpp"
#include "objects/exceptions.hpp"
#include "objects/int.hpp"
#include "objects/str.hpp"
#include "objects/format_internal.hpp"
#include "objects/str_unicode.hpp"

namespace terrarium {

namespace format_impl {

namespace {

Py_ssize_t cp_count(std::string_view utf8) {
  Py_ssize_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

bool is_align(char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

std::string char_text(char32_t c) {
  std::string s;
  unicode::append_utf8(s, c);
  return s;
}

// A printable ASCII type is quoted as itself, anything else as \x..: CPython's wording.
std::string type_text(char32_t type) {
  if (type > 32 && type < 128) return std::string(1, static_cast<char>(type));
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\x%x", static_cast<unsigned>(type));
  return buf;
}

// Reads decimal digits (any Unicode Nd digit, as CPython's get_integer). -1 on overflow.
int read_integer(ThreadState* ts, const std::vector<char32_t>& s, std::size_t& pos, Py_ssize_t& out) {
  int consumed = 0;
  out = 0;
  for (; pos < s.size(); ++pos, ++consumed) {
    int d = unicode::decimal_value(s[pos]);
    if (d < 0) break;
    if (out > (PTRDIFF_MAX - d) / 10) {
      raise(ts, &exc_ValueError, "Too many decimal digits in format string");
      return -1;
    }
    out = out * 10 + d;
  }
  return consumed;
}

// CPython: _PyUnicode_InsertThousandsGrouping, with the zero padding that '0' asks for
// inserted among the groups ('010,' gives 00,000,123). Built right to left.
std::string group_digits(std::string_view digits, char separator, int group, Py_ssize_t min_width) {
  if (min_width < 0) min_width = 0;
  std::string rev;
  auto remaining = static_cast<Py_ssize_t>(digits.size());
  std::size_t next = digits.size();  // digits[next-1] is the next digit to copy
  auto emit = [&](Py_ssize_t len, bool with_separator) {
    Py_ssize_t zeros = std::max<Py_ssize_t>(0, len - remaining);
    Py_ssize_t chars = std::max<Py_ssize_t>(0, std::min(remaining, len));
    if (with_separator) rev += separator;
    for (Py_ssize_t k = 0; k < chars; ++k) rev += digits[--next];
    rev.append(static_cast<std::size_t>(zeros), '0');
    remaining -= chars;
  };
  if (!separator) {
    emit(std::max({remaining, min_width, Py_ssize_t{1}}), false);
  } else {
    bool first = true;
    for (;;) {
      Py_ssize_t len = std::min<Py_ssize_t>(group, std::max({remaining, min_width, Py_ssize_t{1}}));
      emit(len, !first);
      first = false;
      min_width -= len;
      if (remaining <= 0 && min_width <= 0) break;
      min_width -= 1;  // the separator
    }
  }
  return std::string(rev.rbegin(), rev.rend());
}

void append_fill(std::string& out, const std::string& fill, Py_ssize_t n) {
  for (Py_ssize_t i = 0; i < n; ++i) out += fill;
}

}  // namespace

std::nullptr_t unknown_type(ThreadState* ts, char32_t type, const char* type_name) {
  return raise(ts, &exc_ValueError,
               "Unknown format code '" + type_text(type) + "' for object of type '" + type_name + "'");
}

bool parse_spec(ThreadState* ts, std::string_view spec_text, char32_t default_type, char default_align,
                const char* type_name, FormatSpec& f) {
  std::vector<char32_t> s;
  for (std::size_t i = 0; i < spec_text.size();) s.push_back(unicode::decode_utf8(spec_text.data(), i));
  f = FormatSpec{};
  f.align = default_align;
  f.type = default_type;
  std::size_t pos = 0, end = s.size();
  bool fill_given = false, align_given = false;
  if (end - pos >= 2 && is_align(s[pos + 1])) {
    f.align = static_cast<char>(s[pos + 1]);
    f.fill = char_text(s[pos]);
    fill_given = align_given = true;
    pos += 2;
  } else if (end - pos >= 1 && is_align(s[pos])) {
    f.align = static_cast<char>(s[pos]);
    align_given = true;
    ++pos;
  }
  if (pos < end && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' ')) f.sign = static_cast<char>(s[pos++]);
  if (pos < end && s[pos] == 'z') f.no_neg_0 = true, ++pos;
  if (pos < end && s[pos] == '#') f.alternate = true, ++pos;
  // '0' before the width: zero fill, and sign-aware padding for numbers.
  if (!fill_given && pos < end && s[pos] == '0') {
    f.fill = "0";
    if (!align_given && default_align == '>') f.align = '=';
    ++pos;
  }
  int consumed = read_integer(ts, s, pos, f.width);
  if (consumed < 0) return false;
  if (consumed == 0) f.width = -1;
  if (pos < end && s[pos] == ',') f.separator = ',', ++pos;
  if (pos < end && s[pos] == '_') {
    if (f.separator) {
      raise(ts, &exc_ValueError, "Cannot specify both ',' and '_'.");
      return false;
    }
    f.separator = '_';
    ++pos;
  }
  if (pos < end && s[pos] == ',' && f.separator == '_') {
    raise(ts, &exc_ValueError, "Cannot specify both ',' and '_'.");
    return false;
  }
  if (pos < end && s[pos] == '.') {
    ++pos;
    consumed = read_integer(ts, s, pos, f.precision);
    if (consumed < 0) return false;
    if (consumed == 0) {
      raise(ts, &exc_ValueError, "Format specifier missing precision");
      return false;
    }
  }
  if (end - pos > 1) {
    raise(ts, &exc_ValueError, "Invalid format specifier '" + std::string(spec_text) + "' for object of type '" +
                                   type_name + "'");
    return false;
  }
  if (end - pos == 1) f.type = s[pos];
  if (f.separator) {
    switch (f.type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        break;
      case 'b': case 'o': case 'x': case 'X':
        if (f.separator == '_') {  // PEP 515: every four digits in bin/oct/hex
          f.group = 4;
          break;
        }
        [[fallthrough]];
      default:
        raise(ts, &exc_ValueError,
              std::string("Cannot specify '") + f.separator + "' with '" + type_text(f.type) + "'.");
        return false;
    }
  }
  return true;
}

std::string layout_number(const FormatSpec& f, char sign_char, std::string_view prefix, std::string_view digits,
                          bool has_decimal, std::string_view remainder) {
  char sign = 0;
  if (f.sign == '+') sign = sign_char == '-' ? '-' : '+';
  else if (f.sign == ' ') sign = sign_char == '-' ? '-' : ' ';
  else if (sign_char == '-') sign = '-';
  Py_ssize_t non_digits = (sign ? 1 : 0) + static_cast<Py_ssize_t>(prefix.size()) + (has_decimal ? 1 : 0) +
                          cp_count(remainder);
  Py_ssize_t min_width = (f.fill == "0" && f.align == '=') ? f.width - non_digits : 0;
  std::string grouped = digits.empty() ? std::string() : group_digits(digits, f.separator, f.group, min_width);
  Py_ssize_t padding = f.width - (non_digits + static_cast<Py_ssize_t>(grouped.size()));
  Py_ssize_t left = 0, middle = 0, right = 0;
  if (padding > 0) {
    switch (f.align) {
      case '<': right = padding; break;
      case '^': left = padding / 2, right = padding - left; break;
      case '=': middle = padding; break;
      default: left = padding; break;
    }
  }
  std::string out;
  append_fill(out, f.fill, left);
  if (sign) out += sign;
  out += prefix;
  append_fill(out, f.fill, middle);
  out += grouped;
  if (has_decimal) out += '.';
  out += remainder;
  append_fill(out, f.fill, right);
  return out;
}

}  // namespace format_impl

using namespace format_impl;

// CPython: format_string_internal.
Object* format_str_value(ThreadState* ts, std::string_view value, std::string_view spec, const char* type_name) {
  if (spec.empty()) return new_str(ts, value);
  FormatSpec f;
  if (!parse_spec(ts, spec, 's', '<', type_name, f)) return nullptr;
  if (f.type != 's') return unknown_type(ts, f.type, type_name);
  if (f.sign == ' ') return raise(ts, &exc_ValueError, "Space not allowed in string format specifier");
  if (f.sign) return raise(ts, &exc_ValueError, "Sign not allowed in string format specifier");
  if (f.no_neg_0)
    return raise(ts, &exc_ValueError, "Negative zero coercion (z) not allowed in string format specifier");
  if (f.alternate) return raise(ts, &exc_ValueError, "Alternate form (#) not allowed in string format specifier");
  if (f.align == '=') return raise(ts, &exc_ValueError, "'=' alignment not allowed in string format specifier");
  Py_ssize_t len = cp_count(value);
  std::string_view text = value;
  if (f.precision >= 0 && len > f.precision) {
    std::size_t i = 0;
    for (Py_ssize_t k = 0; k < f.precision; ++k) unicode::decode_utf8(value.data(), i);
    text = value.substr(0, i);
    len = f.precision;
  }
  Py_ssize_t total = f.width > len ? f.width : len;
  Py_ssize_t left = f.align == '>' ? total - len : f.align == '^' ? (total - len) / 2 : 0;
  std::string out;
  for (Py_ssize_t i = 0; i < left; ++i) out += f.fill;
  out += text;
  for (Py_ssize_t i = left + len; i < total; ++i) out += f.fill;
  return new_str(ts, out);
}

Object* format_str_value(ThreadState* ts, std::string_view value, std::string_view spec) {
  return format_str_value(ts, value, spec, "str");
}

// CPython: format_long_internal (and the type switch of _PyLong_FormatAdvancedWriter).
Object* format_int_value(ThreadState* ts, const BigInt& value, std::string_view spec, const char* type_name) {
  if (spec.empty()) {
    std::string text = value.to_string(10);
    if (!int_str_digits_allowed(ts, text.size() - (value.sign() < 0), true)) return nullptr;
    return new_str_with_length(ts, text, static_cast<Py_ssize_t>(text.size()));
  }
  FormatSpec f;
  if (!parse_spec(ts, spec, 'd', '>', type_name, f)) return nullptr;
  switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n': break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      double d;
      if (!value.to_double(d)) return raise(ts, &exc_OverflowError, "int too large to convert to float");
      return format_double(ts, d, f);
    }
    default: return unknown_type(ts, f.type, type_name);
  }
  if (f.precision != -1) return raise(ts, &exc_ValueError, "Precision not allowed in integer format specifier");
  if (f.no_neg_0)
    return raise(ts, &exc_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
  std::string out;
  if (f.type == 'c') {
    if (f.sign) return raise(ts, &exc_ValueError, "Sign not allowed with integer format specifier 'c'");
    if (f.alternate)
      return raise(ts, &exc_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
    if (!value.fits_int64()) return raise(ts, &exc_OverflowError, "Python int too large to convert to C long");
    if (value.sign() < 0 || value.compare(BigInt(0x10FFFF)) > 0)
      return raise(ts, &exc_OverflowError, "%c arg not in range(0x110000)");
    std::string ch;
    unicode::append_utf8(ch, static_cast<char32_t>(value.to_int64()));
    out = layout_number(f, 0, "", "", false, ch);
  } else {
    int base = f.type == 'b' ? 2 : f.type == 'o' ? 8 : (f.type == 'x' || f.type == 'X') ? 16 : 10;
    std::string digits = value.to_string(base);
    char sign_char = 0;
    if (!digits.empty() && digits[0] == '-') sign_char = '-', digits.erase(0, 1);
    if (base == 10 && !int_str_digits_allowed(ts, digits.size(), true)) return nullptr;
    // '#' adds 0b/0o/0x (0X for 'X', whose digits are upper case too).
    char prefix[2] = {'0', 0};
    if (f.alternate && base != 10) prefix[1] = base == 2 ? 'b' : base == 8 ? 'o' : static_cast<char>(f.type);
    if (f.type == 'X')
      for (char& c : digits) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    out = layout_number(f, sign_char, std::string_view(prefix, prefix[1] ? 2 : 0), digits, false, "");
  }
  return new_str(ts, out);
}

Object* format_int_value(ThreadState* ts, const BigInt& value, std::string_view spec) {
  return format_int_value(ts, value, spec, "int");
}

}  // namespace terrarium
