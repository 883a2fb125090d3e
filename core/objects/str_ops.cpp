// str's operators and conversions: repr/ascii, str(), comparison, + and *, `in`, and
// the constructor str(object='', encoding=..., errors=...).
// CPython: Objects/unicodeobject.c (unicode_repr, PyUnicode_Concat, unicode_repeat,
// PyUnicode_Contains, unicode_new_impl), Objects/object.c PyObject_ASCII.
#include <cstdio>
#include <cstring>
#include "objects/abstract.hpp"
#include "objects/bytes.hpp"
#include "objects/codecs.hpp"
#include "objects/exceptions.hpp"
#include "objects/getargs.hpp"
#include "objects/singletons.hpp"
#include "objects/slice.hpp"
#include "objects/str.hpp"
#include "objects/str_internal.hpp"
#include "objects/str_unicode.hpp"
#include "objects/tuple.hpp"

namespace terrarium {

namespace {

void append_escape(std::string& out, char32_t cp) {
  char buf[12];
  if (cp <= 0xFF) std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(cp));
  else if (cp <= 0xFFFF) std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(cp));
  else std::snprintf(buf, sizeof buf, "\\U%08x", static_cast<unsigned>(cp));
  out += buf;
}

std::string repr_impl(std::string_view s, bool ascii_only) {
  bool has_single = s.find('\'') != std::string_view::npos;
  bool has_double = s.find('"') != std::string_view::npos;
  char quote = (has_single && !has_double) ? '"' : '\'';
  std::string out(1, quote);
  out.reserve(s.size() + 2);
  for (std::size_t i = 0; i < s.size();) {
    std::size_t start = i;
    char32_t cp = unicode::decode_utf8(s.data(), i);
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
      append_escape(out, cp);
    } else if (cp < 0x7F || (!ascii_only && unicode::is_printable(cp))) {
      out.append(s.substr(start, i - start));
    } else {
      append_escape(out, cp);
    }
  }
  out += quote;
  return out;
}

}  // namespace

std::string str_repr_string(std::string_view s) { return repr_impl(s, false); }
std::string ascii_repr_string(std::string_view s) { return repr_impl(s, true); }

Object* object_ascii(ThreadState* ts, Object* o) {
  Object* r = object_repr(ts, o);
  if (!r || str_is_ascii(r)) return r;
  // backslashreplace every non-ASCII code point of the repr.
  std::string_view v = str_view(r);
  std::string out;
  for (std::size_t i = 0; i < v.size();) {
    char32_t cp = unicode::decode_utf8(v.data(), i);
    if (cp < 0x80) out += static_cast<char>(cp);
    else append_escape(out, cp);
  }
  decref(r);
  return new_str_with_length(ts, out, static_cast<Py_ssize_t>(out.size()));
}

Object* str_repr_slot(ThreadState* ts, Object* o) { return new_str(ts, str_repr_string(str_view(o))); }

// CPython: unicode_str returns self for an exact str and a copy for a subclass instance.
Object* str_str_slot(ThreadState* ts, Object* o) {
  if (is_exact_str(o)) return newref(o);
  return new_str_with_length(ts, str_view(o), str_length(o));
}

Object* str_richcompare(ThreadState*, Object* a, Object* b, CompareOp op) {
  if (!is_str(a) || !is_str(b)) return newref(py_not_implemented());
  if (op == CompareOp::Eq || op == CompareOp::Ne) return new_bool(str_equal(a, b) == (op == CompareOp::Eq));
  // UTF-8 byte order is code-point order, so memcmp orders as CPython does.
  int c = str_view(a).compare(str_view(b));
  bool r = false;
  switch (op) {
    case CompareOp::Lt: r = c < 0; break;
    case CompareOp::Le: r = c <= 0; break;
    case CompareOp::Gt: r = c > 0; break;
    case CompareOp::Ge: r = c >= 0; break;
    default: break;
  }
  return new_bool(r);
}

Object* str_add(ThreadState* ts, Object* a, Object* b) {
  if (!is_str(a) || !is_str(b)) return newref(py_not_implemented());
  if (str_length(b) == 0 && is_exact_str(a)) return newref(a);
  if (str_length(a) == 0 && is_exact_str(b)) return newref(b);
  Py_ssize_t length = str_length(a) + str_length(b);
  std::string_view x = str_view(a), y = str_view(b);
  if (length <= 1) return new_str_with_length(ts, std::string(x) + std::string(y), length);
  StrObject* s = str_impl::alloc_exact_str(x.size() + y.size());
  std::memcpy(s->data, x.data(), x.size());
  std::memcpy(s->data + x.size(), y.data(), y.size());
  s->length = length;
  s->is_ascii = str_is_ascii(a) && str_is_ascii(b);
  return s;
}

Object* str_multiply(ThreadState* ts, Object* a, Object* b) {
  Object* s = is_str(a) ? a : b;
  Object* n = is_str(a) ? b : a;
  if (!is_str(s) || !n->ob_type->nb_index) return newref(py_not_implemented());
  std::int64_t count;
  if (!index_value(ts, n, count)) return nullptr;
  if (count <= 0 || str_length(s) == 0) return new_str(ts, "");
  if (count == 1 && is_exact_str(s)) return newref(s);
  std::string_view v = str_view(s);
  if (static_cast<std::uint64_t>(count) > (std::uint64_t{1} << 31) / v.size())
    return raise(ts, &exc_MemoryError, "");
  std::string out;
  out.reserve(v.size() * static_cast<std::size_t>(count));
  if (v.size() == 1) out.assign(static_cast<std::size_t>(count), v[0]);
  else
    for (std::int64_t i = 0; i < count; ++i) out += v;
  return new_str_with_length(ts, out, str_length(s) * static_cast<Py_ssize_t>(count));
}

int str_contains(ThreadState* ts, Object* o, Object* item) {
  if (!is_str(item)) {
    raise(ts, &exc_TypeError,
          std::string("'in <string>' requires string as left operand, not ") + item->ob_type->tp_name);
    return -1;
  }
  return str_impl::find_bytes(str_view(o), str_view(item), 0) != std::string_view::npos;
}

// str(object='', encoding='utf-8', errors='strict'). CPython: unicode_new_impl.
Object* str_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  static const char* const kNames[] = {"object", "encoding", "errors"};
  Object* a[3];
  if (!unpack_keywords(ts, {"str", kNames, 3, 0, 3, 0}, args, nargs, kwnames, a)) return nullptr;
  Object* result;
  if (!a[1] && !a[2]) {
    result = a[0] ? object_str(ts, a[0]) : new_str(ts, "");
    if (result && !is_str(result)) {
      raise(ts, &exc_TypeError, std::string("__str__ returned non-string (type ") + result->ob_type->tp_name + ")");
      decref(result);
      return nullptr;
    }
  } else {
    for (int k = 1; k < 3; ++k)
      if (a[k] && !is_str(a[k]))
        return raise(ts, &exc_TypeError, std::string("str() argument '") + kNames[k] + "' must be str, not " +
                                             clinic_type_name(a[k]));
    if (!a[0]) {
      result = new_str(ts, "");
    } else if (is_str(a[0])) {
      return raise(ts, &exc_TypeError, "decoding str is not supported");
    } else {
      std::string_view data;
      if (!buffer_view(a[0], data))
        return raise(ts, &exc_TypeError,
                     std::string("decoding to str: need a bytes-like object, ") + a[0]->ob_type->tp_name + " found");
      result = decode_bytes(ts, std::string(data), a[1] ? str_view(a[1]) : "utf-8", a[2] ? str_view(a[2]) : "strict");
    }
  }
  if (!result || type == &str_type) return result;
  // A subclass instance holding the same text.
  std::string_view v = str_view(result);
  auto* s = static_cast<StrObject*>(object_alloc(type, sizeof(StrObject) + v.size()));
  s->hash = -1;
  s->index = nullptr;
  s->utf8_size = v.size();
  std::memcpy(s->data, v.data(), v.size());
  s->data[v.size()] = '\0';
  s->length = str_length(result);
  s->is_ascii = str_is_ascii(result);
  decref(result);
  return s;
}

namespace str_impl {

bool expect_str(ThreadState* ts, Object* o, const std::string& context) {
  if (is_str(o)) return true;
  // An "argument N" context is Argument Clinic's wording, which names None as "None".
  raise(ts, &exc_TypeError, context + "must be str, not " + (context.empty() ? o->ob_type->tp_name : clinic_type_name(o)));
  return false;
}

Object* m_getnewargs(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_args(ts, "str.__getnewargs__", nargs, kwnames)) return nullptr;
  Object* t = new_tuple(ts, 1);
  tuple_set(t, 0, new_str_with_length(ts, str_view(self), str_length(self)));
  return t;
}

}  // namespace str_impl

}  // namespace terrarium
