// str construction, hashing, equality, concatenation/repetition, comparison and repr.
// CPython: Objects/unicodeobject.c (unicode_repr, unicode_richcompare, unicode_concatenate).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include "objects/exceptions.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"

namespace terrarium {

namespace {

// Decodes one code point from valid UTF-8 (the tokenizer and constructors guarantee it).
char32_t decode_utf8(std::string_view s, std::size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  int extra = b < 0x80 ? 0 : b < 0xE0 ? 1 : b < 0xF0 ? 2 : 3;
  char32_t cp = extra == 0 ? b : extra == 1 ? (b & 0x1F) : extra == 2 ? (b & 0x0F) : (b & 0x07);
  for (int k = 0; k < extra && i + 1 < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[++i]) & 0x3F);
  ++i;
  return cp;
}

// str.isprintable() for non-ASCII code points. Without the Unicode database yet this
// covers the control, format and separator characters a lesson is likely to meet.
bool is_printable_non_ascii(char32_t cp) {
  if (cp <= 0xA0 || cp == 0xAD) return false;
  if (cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F)) return false;
  if ((cp >= 0x205F && cp <= 0x206F) || cp == 0x3000 || cp == 0xFEFF) return false;
  if ((cp >= 0xD800 && cp <= 0xDFFF) || (cp >= 0xE000 && cp <= 0xF8FF)) return false;
  return true;
}

Object* str_concat(ThreadState* ts, Object* a, Object* b) {
  std::string s(str_view(a));
  s += str_view(b);
  return new_str(ts, s);
}

Object* str_repeat(ThreadState* ts, Object* s, std::int64_t n) {
  if (n <= 0) return new_str(ts, "");
  std::string_view v = str_view(s);
  if (v.size() * static_cast<std::uint64_t>(n) > (std::uint64_t{1} << 31))
    return raise(ts, &exc_MemoryError, "");
  std::string out;
  out.reserve(v.size() * n);
  for (std::int64_t i = 0; i < n; ++i) out += v;
  return new_str(ts, out);
}

Object* str_add(ThreadState* ts, Object* a, Object* b) {
  if (is_str(a) && is_str(b)) return str_concat(ts, a, b);
  return newref(py_not_implemented());
}

Object* str_multiply(ThreadState* ts, Object* a, Object* b) {
  if (is_str(a) && is_int(b)) return str_repeat(ts, a, int_value(b));
  if (is_int(a) && is_str(b)) return str_repeat(ts, b, int_value(a));
  return newref(py_not_implemented());
}

Object* str_repr(ThreadState* ts, Object* o) { return new_str(ts, str_repr_string(str_view(o))); }
Object* str_str(ThreadState*, Object* o) { return newref(o); }
Py_hash_t str_hash_slot(ThreadState*, Object* o) { return str_hash(o); }

Object* str_richcompare(ThreadState*, Object* a, Object* b, CompareOp op) {
  if (!is_str(a) || !is_str(b)) return newref(py_not_implemented());
  // Byte order of UTF-8 equals code point order, so memcmp orders as CPython does.
  int c = str_view(a).compare(str_view(b));
  bool r = false;
  switch (op) {
    case CompareOp::Lt: r = c < 0; break;
    case CompareOp::Le: r = c <= 0; break;
    case CompareOp::Eq: r = c == 0; break;
    case CompareOp::Ne: r = c != 0; break;
    case CompareOp::Gt: r = c > 0; break;
    case CompareOp::Ge: r = c >= 0; break;
  }
  return new_bool(r);
}

int str_bool(ThreadState*, Object* o) { return static_cast<StrObject*>(o)->length != 0; }

int str_contains(ThreadState* ts, Object* o, Object* item) {
  if (!is_str(item)) {
    raise(ts, &exc_TypeError, std::string("'in <string>' requires string as left operand, not ") + item->ob_type->tp_name);
    return -1;
  }
  return str_view(o).find(str_view(item)) != std::string_view::npos;
}

}  // namespace

TypeObject str_type = [] {
  TypeObject t = make_static_type("str", sizeof(StrObject), &object_type);
  t.tp_repr = str_repr;
  t.tp_str = str_str;
  t.tp_hash = str_hash_slot;
  t.tp_richcompare = str_richcompare;
  t.nb_bool = str_bool;
  t.sq_contains = str_contains;
  t.tp_flags = TPFLAGS_BASETYPE;
  t.nb_binary[static_cast<int>(BinaryOp::Add)] = str_add;
  t.nb_binary[static_cast<int>(BinaryOp::Multiply)] = str_multiply;
  return t;
}();

Object* new_str(ThreadState*, std::string_view utf8) {
  auto* s = static_cast<StrObject*>(object_alloc(&str_type, sizeof(StrObject) + utf8.size()));
  s->hash = -1;
  s->utf8_size = utf8.size();
  std::memcpy(s->data, utf8.data(), utf8.size());
  s->data[utf8.size()] = '\0';
  Py_ssize_t length = 0;
  bool ascii = true;
  for (unsigned char c : utf8) {
    if ((c & 0xC0) != 0x80) ++length;
    if (c >= 0x80) ascii = false;
  }
  s->length = length;
  s->is_ascii = ascii;
  return s;
}

Py_hash_t str_hash(Object* o) {
  auto* s = static_cast<StrObject*>(o);
  if (s->hash != -1) return s->hash;
  // FNV-1a over the UTF-8 bytes, full 64-bit width. CPython randomises str hashes per
  // process, so no program can depend on the values, only on their quality.
  std::uint64_t h = 1469598103934665603ull;
  for (std::size_t i = 0; i < s->utf8_size; ++i) {
    h ^= static_cast<unsigned char>(s->data[i]);
    h *= 1099511628211ull;
  }
  auto r = static_cast<Py_hash_t>(h);
  if (r == -1) r = -2;
  s->hash = r;
  return r;
}

bool str_equal(Object* a, Object* b) {
  if (a == b) return true;
  auto* x = static_cast<StrObject*>(a);
  auto* y = static_cast<StrObject*>(b);
  return x->utf8_size == y->utf8_size && std::memcmp(x->data, y->data, x->utf8_size) == 0;
}

std::string str_repr_string(std::string_view s) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = (has_single && !has_double) ? '"' : '\'';
  std::string out(1, quote);
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    char32_t cp = decode_utf8(s, i);
    char buf[12];
    if (cp == static_cast<char32_t>(quote) || cp == '\\') {
      out += '\\';
      out += static_cast<char>(cp);
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp < 0x20 || cp == 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
      out += buf;
    } else if (cp < 0x7F || is_printable_non_ascii(cp)) {
      out.append(s.substr(start, i - start));
    } else if (cp <= 0xFF) {
      std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
      out += buf;
    } else if (cp <= 0xFFFF) {
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
      out += buf;
    } else {
      std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(cp));
      out += buf;
    }
  }
  out += quote;
  return out;
}

}  // namespace terrarium
