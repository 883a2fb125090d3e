// printf-style formatting, `format % values`: %s %r %a %d %i %u %o %x %X %e %E %f %F %g %G
// %c %%, with %(key) lookups, the - + space # 0 flags, width and precision (also as *).
// CPython: Objects/unicodeobject.c (PyUnicode_Format, unicode_format_arg_parse,
// unicode_format_arg_format, unicode_format_arg_output, mainformatlong, formatfloat,
// _PyUnicode_FormatLong, formatchar).
#include <cstdio>
#include <vector>
#include "objects/abstract.hpp"
#include "objects/bytes.hpp"
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/format.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/slice.hpp"
#include "objects/str.hpp"
#include "objects/str_internal.hpp"
#include "objects/str_unicode.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"
#include "vm/thread_state.hpp"

namespace terrarium::str_impl {

namespace {

enum Flag { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

struct Formatter {
  ThreadState* ts = nullptr;
  std::vector<char32_t> fmt{};
  std::size_t pos = 0;
  Object* args = nullptr;   // the right operand, or the value of the last %(key)
  Object* owned = nullptr;  // a reference held on args after a %(key) lookup
  Object* dict = nullptr;   // the right operand when it is a mapping
  Py_ssize_t arglen = -1, argidx = -2;
  std::string out{};
  // bytes % values: %s and %b take bytes, %r is %a, %c a byte; every code point is a byte.
  bool bytes_mode = false;
};

struct Arg {
  char32_t ch = 0;
  int flags = 0;
  Py_ssize_t width = -1;
  Py_ssize_t prec = -1;
  bool sign = false;  // a number: its sign may move in front of zero padding
};

// CPython: unicode_format_getnextarg. Borrowed.
Object* next_arg(Formatter& f) {
  if (f.argidx < f.arglen) {
    Py_ssize_t i = f.argidx++;
    return f.arglen < 0 ? f.args : tuple_get(f.args, i);
  }
  return raise(f.ts, &exc_TypeError, "not enough arguments for format string");
}

bool fail(ThreadState* ts, TypeObject* type, const char* message) {
  raise(ts, type, message);
  return false;
}

// Reads the next format character into ch; false at the end (ch is left unchanged).
bool advance(Formatter& f, char32_t& ch) {
  if (f.pos >= f.fmt.size()) return false;
  ch = f.fmt[f.pos++];
  return true;
}

// A * width (C ssize_t) or precision (C int), with CPython's overflow messages.
bool star_value(Formatter& f, Py_ssize_t& out, bool is_precision) {
  Object* v = next_arg(f);
  if (!v) return false;
  if (!is_int(v)) return fail(f.ts, &exc_TypeError, "* wants int");
  std::int64_t x = int_value(v);
  bool fits = int_fits_int64(v) && (!is_precision || (x >= INT32_MIN && x <= INT32_MAX));
  if (!fits)
    return fail(f.ts, &exc_OverflowError,
                is_precision ? "Python int too large to convert to C int" : "Python int too large to convert to C ssize_t");
  out = static_cast<Py_ssize_t>(x);
  return true;
}

// CPython: unicode_format_arg_parse. On entry f.pos is just past the '%'.
bool parse_arg(Formatter& f, Arg& a) {
  ThreadState* ts = f.ts;
  if (f.pos < f.fmt.size() && f.fmt[f.pos] == '(') {
    if (!f.dict) return fail(ts, &exc_TypeError, "format requires a mapping");
    std::size_t start = ++f.pos;
    int depth = 1;
    while (depth > 0 && f.pos < f.fmt.size()) {
      char32_t c = f.fmt[f.pos++];
      if (c == ')') --depth;
      else if (c == '(') ++depth;
    }
    if (depth > 0) return fail(ts, &exc_ValueError, "incomplete format key");
    std::string key_text;
    for (std::size_t i = start; i < f.pos - 1; ++i) {
      if (f.bytes_mode) key_text += static_cast<char>(f.fmt[i]);  // bytes formats look up bytes keys
      else unicode::append_utf8(key_text, f.fmt[i]);
    }
    Object* key = f.bytes_mode ? new_bytes(ts, key_text) : new_str(ts, key_text);
    Object* value = get_item(ts, f.dict, key);
    decref(key);
    if (!value) return false;
    xdecref(f.owned);
    f.owned = f.args = value;
    f.arglen = -1;
    f.argidx = -2;
  }
  bool more;
  while ((more = advance(f, a.ch))) {
    switch (a.ch) {
      case '-': a.flags |= F_LJUST; continue;
      case '+': a.flags |= F_SIGN; continue;
      case ' ': a.flags |= F_BLANK; continue;
      case '#': a.flags |= F_ALT; continue;
      case '0': a.flags |= F_ZERO; continue;
    }
    break;
  }
  if (more && a.ch == '*') {
    if (!star_value(f, a.width, false)) return false;
    if (a.width < 0) a.flags |= F_LJUST, a.width = -a.width;
    more = advance(f, a.ch);
  } else if (more && a.ch >= '0' && a.ch <= '9') {
    a.width = a.ch - '0';
    while ((more = advance(f, a.ch)) && a.ch >= '0' && a.ch <= '9') {
      if (a.width > (PTRDIFF_MAX - static_cast<int>(a.ch - '0')) / 10)
        return fail(ts, &exc_ValueError, "width too big");
      a.width = a.width * 10 + (a.ch - '0');
    }
  }
  if (more && a.ch == '.') {
    a.prec = 0;
    more = advance(f, a.ch);
    if (more && a.ch == '*') {
      if (!star_value(f, a.prec, true)) return false;
      if (a.prec < 0) a.prec = 0;
      more = advance(f, a.ch);
    } else if (more && a.ch >= '0' && a.ch <= '9') {
      a.prec = a.ch - '0';
      while ((more = advance(f, a.ch)) && a.ch >= '0' && a.ch <= '9') {
        if (a.prec > (0x7FFFFFFF - static_cast<int>(a.ch - '0')) / 10)
          return fail(ts, &exc_ValueError, "precision too big");
        a.prec = a.prec * 10 + (a.ch - '0');
      }
    }
  }
  if (more && (a.ch == 'h' || a.ch == 'l' || a.ch == 'L')) more = advance(f, a.ch);
  if (!more) return fail(ts, &exc_ValueError, "incomplete format");
  return true;
}

// PyNumber_Check: something int(), float() or an index can be taken of.
bool is_number(Object* v) {
  return is_int(v) || is_float(v) || v->ob_type->nb_index || type_lookup_str(v->ob_type, "__int__") ||
         type_lookup_str(v->ob_type, "__float__");
}

// CPython: mainformatlong + _PyUnicode_FormatLong: [-][0x]digits, zero-extended to prec.
Object* format_long(ThreadState* ts, Object* v, Arg& a) {
  char type = static_cast<char>(a.ch);
  bool base_prefixed = type == 'o' || type == 'x' || type == 'X';
  Object* iobj = nullptr;
  if (is_number(v)) {
    iobj = is_int(v) ? newref(v) : base_prefixed ? number_index(ts, v) : number_long(ts, v);
    if (!iobj && !is_instance(ts->curexc, &exc_TypeError)) return nullptr;
    if (!iobj) clear_error(ts);
  }
  if (!iobj)
    return raise(ts, &exc_TypeError, std::string("%") + type + " format: " +
                                         (base_prefixed ? "an integer is required" : "a real number is required") +
                                         ", not " + v->ob_type->tp_name);
  BigInt value = int_to_bigint(iobj);
  decref(iobj);
  int base = type == 'o' ? 8 : base_prefixed ? 16 : 10;
  std::string digits = value.to_string(base);
  std::string sign;
  if (digits[0] == '-') sign = "-", digits.erase(0, 1);
  if (base == 10 && !int_str_digits_allowed(ts, digits.size(), true)) return nullptr;
  if (a.prec > static_cast<Py_ssize_t>(digits.size()))
    digits.insert(0, static_cast<std::size_t>(a.prec) - digits.size(), '0');
  std::string prefix = (a.flags & F_ALT) && base_prefixed ? (type == 'o' ? "0o" : "0x") : "";
  std::string text = sign + prefix + digits;
  if (type == 'X')
    for (char& c : text)
      if (c >= 'a' && c <= 'x') c = static_cast<char>(c - 32);
  return new_str_with_length(ts, text, static_cast<Py_ssize_t>(text.size()));
}

// CPython: formatchar.
bool format_char(ThreadState* ts, Object* v, char32_t& out) {
  if (is_str(v)) {
    if (str_length(v) == 1) return out = str_char_at(v, 0), true;
    return fail(ts, &exc_TypeError, "%c requires int or char");
  }
  if (!is_int(v) && !v->ob_type->nb_index) return fail(ts, &exc_TypeError, "%c requires int or char");
  Object* i = number_index(ts, v);
  if (!i) return false;
  BigInt x = int_to_bigint(i);
  decref(i);
  if (x.sign() < 0 || x.compare(BigInt(0x10FFFF)) > 0)
    return fail(ts, &exc_OverflowError, "%c arg not in range(0x110000)");
  out = static_cast<char32_t>(x.to_int64());
  return true;
}

// Bytes as a str of the code points U+0000..U+00FF, the form bytes formatting works in.
Object* latin1_text(ThreadState* ts, std::string_view data) {
  std::string text;
  for (unsigned char c : data) unicode::append_utf8(text, c);
  return new_str_with_length(ts, text, static_cast<Py_ssize_t>(data.size()));
}

// bytes %s / %b: a buffer or __bytes__. CPython: format_obj in bytesobject.c.
Object* format_bytes_arg(ThreadState* ts, Object* v) {
  std::string_view data;
  if (buffer_view(v, data)) return latin1_text(ts, data);
  if (type_lookup_str(v->ob_type, "__bytes__")) {
    Object* b = bytes_from_object(ts, v);
    if (!b) return nullptr;
    Object* r = latin1_text(ts, bytes_view(b));
    decref(b);
    return r;
  }
  return raise(ts, &exc_TypeError,
               std::string("%b requires a bytes-like object, or an object that implements __bytes__, not '") +
                   v->ob_type->tp_name + "'");
}

// bytes %c: an int in range(256) or a single byte.
Object* format_byte_char(ThreadState* ts, Object* v) {
  std::string_view data;
  if (buffer_view(v, data)) {
    if (data.size() == 1) return latin1_text(ts, data);
  } else if (is_int(v) || v->ob_type->nb_index) {
    Object* i = number_index(ts, v);
    if (!i) return nullptr;
    bool ok = int_fits_int64(i) && int_value(i) >= 0 && int_value(i) < 256;
    std::int64_t c = int_value(i);
    decref(i);
    if (!ok) return raise(ts, &exc_OverflowError, "%c arg not in range(256)");
    char byte = static_cast<char>(c);
    return latin1_text(ts, std::string_view(&byte, 1));
  }
  return raise(ts, &exc_TypeError, "%c requires an integer in range(256) or a single byte");
}

// The converted text of one argument (new str), or null.
Object* format_arg(Formatter& f, Arg& a) {
  ThreadState* ts = f.ts;
  Object* v = next_arg(f);
  if (!v) return nullptr;
  if (f.bytes_mode && (a.ch == 's' || a.ch == 'b')) return format_bytes_arg(ts, v);
  if (f.bytes_mode && a.ch == 'r') return object_ascii(ts, v);
  if (f.bytes_mode && a.ch == 'c') return format_byte_char(ts, v);
  switch (a.ch) {
    case 's': return is_exact_str(v) ? newref(v) : object_str(ts, v);
    case 'r': return object_repr(ts, v);
    case 'a': return object_ascii(ts, v);
    case 'i': case 'd': case 'u': case 'o': case 'x': case 'X':
      a.sign = true;
      return format_long(ts, v, a);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
      double x;
      if (!float_as_double(ts, v, x)) return nullptr;
      a.sign = true;
      std::string text = double_to_string(x, static_cast<char>(a.ch), a.prec < 0 ? 6 : static_cast<int>(a.prec),
                                          (a.flags & F_ALT) ? unsigned{DTSF_ALT} : 0u);
      return new_str_with_length(ts, text, static_cast<Py_ssize_t>(text.size()));
    }
    case 'c': {
      char32_t c = 0;
      if (!format_char(ts, v, c)) return nullptr;
      return new_str_from_char(ts, c);
    }
    default: {
      char buf[96];
      std::snprintf(buf, sizeof buf, "unsupported format character '%c' (0x%x) at index %zu",
                    (a.ch >= 31 && a.ch <= 126) ? static_cast<char>(a.ch) : '?', static_cast<unsigned>(a.ch),
                    f.pos - 1);
      return raise(ts, &exc_ValueError, buf);
    }
  }
}

void append_repeated(std::string& out, char c, Py_ssize_t n) {
  if (n > 0) out.append(static_cast<std::size_t>(n), c);
}

// CPython: unicode_format_arg_output: precision truncation for s/r/a, then padding,
// with a sign or 0x prefix kept in front of zero padding.
void output_arg(Formatter& f, Arg& a, Object* str) {
  std::string_view text = str_view(str);
  Py_ssize_t len = str_length(str);
  char fill = a.sign && (a.flags & F_ZERO) ? '0' : ' ';
  if ((a.ch == 's' || a.ch == 'r' || a.ch == 'a') && a.prec >= 0 && len > a.prec) {
    std::size_t cut = str_byte_offset(str, a.prec);
    text = text.substr(0, cut);
    len = a.prec;
  }
  char sign_char = 0;
  if (a.sign) {
    if (!text.empty() && (text[0] == '-' || text[0] == '+')) sign_char = text[0], text.remove_prefix(1), --len;
    else if (a.flags & F_SIGN) sign_char = '+';
    else if (a.flags & F_BLANK) sign_char = ' ';
    else a.sign = false;
  }
  Py_ssize_t width = a.width < len ? len : a.width;
  std::string& out = f.out;
  if (a.sign) {
    if (fill != ' ') out += sign_char;
    if (width > len) --width;
  }
  bool prefix = (a.flags & F_ALT) && (a.ch == 'x' || a.ch == 'X' || a.ch == 'o');
  std::string_view prefix_text;
  if (prefix) {
    prefix_text = text.substr(0, 2);
    text.remove_prefix(2);
    if (fill != ' ') out += prefix_text;
    width = width - 2 < 0 ? 0 : width - 2;
    len -= 2;
  }
  if (width > len && !(a.flags & F_LJUST)) {
    append_repeated(out, fill, width - len);
    width = len;
  }
  if (fill == ' ') {
    if (a.sign) out += sign_char;
    if (prefix) out += prefix_text;
  }
  out += text;
  append_repeated(out, ' ', width - len);
}

}  // namespace

bool printf_format(ThreadState* ts, std::string_view format, Object* values, bool bytes_mode, std::string& out) {
  Formatter f;
  f.ts = ts;
  f.bytes_mode = bytes_mode;
  for (std::size_t i = 0; i < format.size();) f.fmt.push_back(unicode::decode_utf8(format.data(), i));
  f.args = values;
  if (is_tuple(values)) f.arglen = tuple_size(values), f.argidx = 0;
  else f.arglen = -1, f.argidx = -2;
  if (values->ob_type->mp_subscript && !is_tuple(values) && !is_str(values)) f.dict = values;
  const char* leftover = bytes_mode ? "not all arguments converted during bytes formatting"
                                    : "not all arguments converted during string formatting";
  bool ok = true;
  while (ok && f.pos < f.fmt.size()) {
    char32_t c = f.fmt[f.pos++];
    if (c != '%') {
      unicode::append_utf8(f.out, c);
      continue;
    }
    if (f.pos < f.fmt.size() && f.fmt[f.pos] == '%') {
      f.out += '%';
      ++f.pos;
      continue;
    }
    Arg a;
    ok = parse_arg(f, a);
    Object* str = ok ? format_arg(f, a) : nullptr;
    if (!str) {
      ok = false;
      break;
    }
    output_arg(f, a, str);
    decref(str);
    if (f.dict && f.argidx < f.arglen) {
      raise(ts, &exc_TypeError, leftover);
      ok = false;
    }
  }
  xdecref(f.owned);
  if (!ok) return false;
  if (f.argidx < f.arglen && !f.dict) return raise(ts, &exc_TypeError, leftover), false;
  out = std::move(f.out);
  return true;
}

// str % values. CPython: PyUnicode_Format.
Object* str_remainder(ThreadState* ts, Object* format, Object* values) {
  if (!is_str(format)) return newref(py_not_implemented());
  std::string out;
  if (!printf_format(ts, str_view(format), values, false, out)) return nullptr;
  return new_str(ts, out);
}

}  // namespace terrarium::str_impl
