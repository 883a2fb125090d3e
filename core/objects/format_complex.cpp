// The complex part of the format-spec mini-language: both parts in one float
// presentation (e f g n and none), the imaginary part always signed, parentheses only
// without a type, and the width applied to the whole "re+imj".
// CPython: Python/formatter_unicode.c format_complex_internal().
#include <cmath>
#include "objects/exceptions.hpp"
#include "objects/format.hpp"
#include "objects/format_internal.hpp"
#include "objects/str.hpp"

namespace terrarium {

namespace {

using format_impl::FormatSpec;

// One part's text, laid out with `spec` (no width) and sign rule `sign`.
std::string format_part(double value, char type, int precision, unsigned flags, const FormatSpec& spec, char sign) {
  std::string text = double_to_string(value, type, precision, flags);
  char sign_char = 0;
  std::string_view rest = text;
  if (!rest.empty() && rest[0] == '-') sign_char = '-', rest.remove_prefix(1);
  std::size_t ndigits = 0;
  while (ndigits < rest.size() && rest[ndigits] >= '0' && rest[ndigits] <= '9') ++ndigits;
  bool has_decimal = ndigits < rest.size() && rest[ndigits] == '.';
  FormatSpec unpadded = spec;
  unpadded.width = -1;
  unpadded.fill = " ";
  unpadded.align = '<';
  unpadded.sign = sign;
  return format_impl::layout_number(unpadded, sign_char, "", rest.substr(0, ndigits), has_decimal,
                                    rest.substr(ndigits + (has_decimal ? 1 : 0)));
}

Py_ssize_t code_points(const std::string& s) {
  Py_ssize_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

Object* format_complex_value(ThreadState* ts, double real, double imag, std::string_view spec) {
  const char* type_name = "complex";
  FormatSpec f;
  if (!format_impl::parse_spec(ts, spec, 0, '>', type_name, f)) return nullptr;
  switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': break;
    default: return format_impl::unknown_type(ts, f.type, type_name);
  }
  if (f.fill == "0") return raise(ts, &exc_ValueError, "Zero padding is not allowed in complex format specifier");
  if (f.align == '=')
    return raise(ts, &exc_ValueError, "'=' alignment flag is not allowed in complex format specifier");
  if (f.precision > 0x7FFFFFFF) return raise(ts, &exc_ValueError, "precision too big");
  unsigned flags = (f.alternate ? unsigned{DTSF_ALT} : 0u) | (f.no_neg_0 ? unsigned{DTSF_NO_NEG_0} : 0u);
  char type = static_cast<char>(f.type);
  int default_precision = 6;
  bool skip_real = false, parens = false;
  if (type == 0) {
    // No type: like str(), the real part dropped when it is +0.0, otherwise parentheses.
    type = 'r';
    default_precision = 0;
    if (real == 0.0 && !std::signbit(real)) skip_real = true;
    else parens = true;
  }
  if (type == 'n') type = 'g';
  int precision = static_cast<int>(f.precision);
  if (precision < 0) precision = default_precision;
  else if (type == 'r') type = 'g';
  std::string body;
  if (!skip_real) body = format_part(real, type, precision, flags, f, f.sign);
  // The imaginary part is always signed unless it stands alone.
  body += format_part(imag, type, precision, flags, f, skip_real ? f.sign : '+');
  body += 'j';
  if (parens) body = "(" + body + ")";
  Py_ssize_t padding = f.width - code_points(body);
  Py_ssize_t left = 0, right = 0;
  if (padding > 0) {
    if (f.align == '<') right = padding;
    else if (f.align == '^') left = padding / 2, right = padding - left;
    else left = padding;
  }
  std::string out;
  for (Py_ssize_t i = 0; i < left; ++i) out += f.fill;
  out += body;
  for (Py_ssize_t i = 0; i < right; ++i) out += f.fill;
  return new_str(ts, out);
}

}  // namespace terrarium
