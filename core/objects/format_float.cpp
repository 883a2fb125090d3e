// Floats as text: correctly rounded digit strings (shortest, N significant, or N after
// the point) laid out in e/f/g/repr style with CPython's rules, and the float part of
// the format-spec mini-language. CPython: Python/pystrtod.c (PyOS_double_to_string,
// format_float_short), Python/formatter_unicode.c format_float_internal.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/format.hpp"
#include "objects/format_internal.hpp"
#include "objects/str.hpp"

namespace terrarium {

namespace {

// A decimal digit string: |value| = 0.DIGITS * 10**decpt, with no trailing zeros
// (zero is "0" with decpt 1). The role of David Gay's _Py_dg_dtoa in CPython.
struct Digits {
  std::string digits;
  int decpt = 1;
};

std::string print(const char* fmt, int precision, double v) {
  int n = std::snprintf(nullptr, 0, fmt, precision, v);
  std::vector<char> buf(static_cast<std::size_t>(n) + 1);
  std::snprintf(buf.data(), buf.size(), fmt, precision, v);
  return std::string(buf.data(), static_cast<std::size_t>(n));
}

// From "d.ddde+XX" (printf's %e of a positive value).
Digits from_exponent_form(const std::string& s) {
  Digits d;
  std::size_t e = s.find('e');
  for (std::size_t i = 0; i < e; ++i)
    if (s[i] != '.') d.digits += s[i];
  d.decpt = std::atoi(s.c_str() + e + 1) + 1;
  return d;
}

void normalise(Digits& d) {
  std::size_t lead = d.digits.find_first_not_of('0');
  if (lead == std::string::npos) {
    d.digits = "0";
    d.decpt = 1;
    return;
  }
  d.digits.erase(0, lead);
  d.decpt -= static_cast<int>(lead);
  while (d.digits.size() > 1 && d.digits.back() == '0') d.digits.pop_back();
}

// mode 0: shortest round-trip; mode 2: `ndigits` significant digits; mode 3: `ndigits`
// after the point. printf's %e/%f round correctly (glibc and musl print exactly).
Digits make_digits(double a, int mode, int ndigits) {
  Digits d;
  if (a == 0) return d.digits = "0", d;
  if (mode == 0) {
    for (int p = 1; p <= 17; ++p) {
      std::string s = print("%.*e", p - 1, a);
      if (std::strtod(s.c_str(), nullptr) == a || p == 17) {
        d = from_exponent_form(s);
        break;
      }
    }
  } else if (mode == 2) {
    d = from_exponent_form(print("%.*e", (ndigits < 1 ? 1 : ndigits) - 1, a));
  } else {
    std::string s = print("%.*f", ndigits, a);
    std::size_t dot = s.find('.');
    d.decpt = static_cast<int>(dot == std::string::npos ? s.size() : dot);
    for (char c : s)
      if (c != '.') d.digits += c;
  }
  normalise(d);
  return d;
}

}  // namespace

std::string double_to_string(double value, char type, int precision, unsigned flags) {
  bool upper = type == 'E' || type == 'F' || type == 'G';
  char code = static_cast<char>(upper ? type + ('a' - 'A') : type);
  int mode = 0;
  if (code == 'e') mode = 2, ++precision;
  else if (code == 'f') mode = 3;
  else if (code == 'g') mode = 2, precision = precision == 0 ? 1 : precision;
  bool negative = std::signbit(value);
  std::string out;
  if (std::isnan(value) || std::isinf(value)) {
    if (std::isinf(value) && negative) out += '-';
    else if (flags & DTSF_SIGN) out += '+';
    out += std::isnan(value) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    return out;
  }
  Digits d = make_digits(std::fabs(value), mode, precision);
  if ((flags & DTSF_NO_NEG_0) && d.digits == "0") negative = false;
  bool add_dot_0 = flags & DTSF_ADD_DOT_0, alt = flags & DTSF_ALT;
  auto len = static_cast<int>(d.digits.size());
  int decpt = d.decpt;
  // The output is a slice [start, end) of the digits padded with zeros on both sides,
  // with the point after position decpt. CPython: format_float_short.
  int end = len;
  bool use_exp = false;
  switch (code) {
    case 'e': use_exp = true, end = precision; break;
    case 'f': end = decpt + precision; break;
    case 'g':
      use_exp = decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision);
      if (alt) end = precision;
      break;
    default: use_exp = decpt <= -4 || decpt > 16; break;  // 'r': exponent from 1e16
  }
  int exp = 0;
  if (use_exp) exp = decpt - 1, decpt = 1;
  int start = decpt <= 0 ? decpt - 1 : 0;
  if (!use_exp && add_dot_0) end = end > decpt ? end : decpt + 1;
  else end = end > decpt ? end : decpt;
  if (negative) out += '-';
  else if (flags & DTSF_SIGN) out += '+';
  for (int i = start; i < end; ++i) {
    if (i == decpt) out += '.';
    out += (i >= 0 && i < len) ? d.digits[static_cast<std::size_t>(i)] : '0';
  }
  if (end == decpt) out += '.';
  if (out.back() == '.' && !alt) out.pop_back();
  if (use_exp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%c%+.02d", upper ? 'E' : 'e', exp);
    out += buf;
  }
  return out;
}

namespace format_impl {

Object* format_double(ThreadState* ts, double value, const FormatSpec& f) {
  if (f.precision > 0x7FFFFFFF) return raise(ts, &exc_ValueError, "precision too big");
  unsigned flags = (f.alternate ? unsigned{DTSF_ALT} : 0u) | (f.no_neg_0 ? unsigned{DTSF_NO_NEG_0} : 0u);
  char type = static_cast<char>(f.type);
  int default_precision = 6;
  if (type == 0) {
    // No type: repr without a precision, otherwise 'g' keeping a digit after the point.
    flags |= DTSF_ADD_DOT_0;
    type = 'r';
    default_precision = 0;
  }
  if (type == 'n') type = 'g';
  bool percent = type == '%';
  if (percent) type = 'f', value *= 100;
  int precision = static_cast<int>(f.precision);
  if (precision < 0) precision = default_precision;
  else if (type == 'r') type = 'g';
  std::string text = double_to_string(value, type, precision, flags);
  if (percent) text += '%';
  char sign_char = 0;
  std::string_view rest = text;
  if (!rest.empty() && rest[0] == '-') sign_char = '-', rest.remove_prefix(1);
  std::size_t ndigits = 0;
  while (ndigits < rest.size() && rest[ndigits] >= '0' && rest[ndigits] <= '9') ++ndigits;
  bool has_decimal = ndigits < rest.size() && rest[ndigits] == '.';
  std::string_view remainder = rest.substr(ndigits + (has_decimal ? 1 : 0));
  return new_str(ts, layout_number(f, sign_char, "", rest.substr(0, ndigits), has_decimal, remainder));
}

}  // namespace format_impl

Object* format_float_value(ThreadState* ts, double value, std::string_view spec, const char* type_name) {
  if (spec.empty()) return new_str(ts, float_repr_string(value));
  format_impl::FormatSpec f;
  if (!format_impl::parse_spec(ts, spec, 0, '>', type_name, f)) return nullptr;
  switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
      return format_impl::format_double(ts, value, f);
    default: return format_impl::unknown_type(ts, f.type, type_name);
  }
}

Object* format_float_value(ThreadState* ts, double value, std::string_view spec) {
  return format_float_value(ts, value, spec, "float");
}

}  // namespace terrarium
