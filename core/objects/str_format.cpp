// str.format / str.format_map: the replacement-field language ({name.attr[key]!r:spec}
// with automatic or manual numbering and nested specs), str.__format__, and
// format(value, spec) for every object. CPython: Objects/stringlib/unicode_format.h
// (MarkupIterator, parse_field, field_name_split, get_field_object),
// Objects/abstract.c PyObject_Format.
#include <cstdio>
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/format.hpp"
#include "objects/getargs.hpp"
#include "objects/int.hpp"
#include "objects/slots.hpp"
#include "objects/str.hpp"
#include "objects/str_internal.hpp"
#include "objects/str_unicode.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

Object* object_format(ThreadState* ts, Object* value, Object* spec) {
  bool empty = !spec || str_length(spec) == 0;
  if (empty && is_exact_str(value)) return newref(value);
  if (empty && value->ob_type == &int_type) return object_str(ts, value);
  Object* empty_spec = nullptr;
  if (!spec) spec = empty_spec = new_str(ts, "");
  Object* meth = type_lookup_str(value->ob_type, "__format__");
  Object* r = nullptr;
  if (!meth) raise(ts, &exc_TypeError, std::string("Type ") + value->ob_type->tp_name + " doesn't define __format__");
  else r = call_dunder(ts, value, "__format__", &spec, 1);
  xdecref(empty_spec);
  if (r && !is_str(r)) {
    raise(ts, &exc_TypeError, std::string("__format__ must return a str, not ") + r->ob_type->tp_name);
    decref(r);
    return nullptr;
  }
  return r;
}

namespace str_impl {

namespace {

constexpr int kMaxRecursion = 2;

struct Formatter {
  ThreadState* ts;
  Object* args;    // tuple, or null for format_map
  Object* kwargs;  // mapping or null
  enum { Init, Auto, Manual } numbering = Init;
  Py_ssize_t next_auto = 0;
};

bool fail(ThreadState* ts, TypeObject* type, const std::string& message) {
  raise(ts, type, message);
  return false;
}

// A run of decimal digits as an index; -1 when the text is not all digits (or empty).
bool parse_index(ThreadState* ts, std::string_view s, Py_ssize_t& out) {
  out = -1;
  if (s.empty()) return true;
  Py_ssize_t v = 0;
  for (std::size_t i = 0; i < s.size();) {
    int d = unicode::decimal_value(unicode::decode_utf8(s.data(), i));
    if (d < 0) return true;
    if (v > (PTRDIFF_MAX - d) / 10) return fail(ts, &exc_ValueError, "Too many decimal digits in format string");
    v = v * 10 + d;
  }
  out = v;
  return true;
}

// Looks up the object a field names: the first part in args/kwargs, then .attr and [key].
Object* field_object(Formatter& f, std::string_view name) {
  ThreadState* ts = f.ts;
  std::size_t i = 0;
  while (i < name.size() && name[i] != '.' && name[i] != '[') ++i;
  std::string_view first = name.substr(0, i), rest = name.substr(i);
  Py_ssize_t index;
  if (!parse_index(ts, first, index)) return nullptr;
  bool empty = first.empty();
  if (empty || index != -1) {
    if (f.numbering == Formatter::Init) f.numbering = empty ? Formatter::Auto : Formatter::Manual;
    if (f.numbering == Formatter::Manual && empty)
      return raise(ts, &exc_ValueError, "cannot switch from manual field specification to automatic field numbering");
    if (f.numbering == Formatter::Auto && !empty)
      return raise(ts, &exc_ValueError, "cannot switch from automatic field numbering to manual field specification");
    if (empty) index = f.next_auto++;
  }
  Object* obj;
  if (index == -1) {
    Object* key = new_str(ts, first);
    if (!f.kwargs) {
      raise_object(ts, call_object(ts, &exc_KeyError, &key, 1, nullptr));
      decref(key);
      return nullptr;
    }
    obj = get_item(ts, f.kwargs, key);
    decref(key);
    if (!obj) return nullptr;
  } else {
    if (!f.args) return raise(ts, &exc_ValueError, "Format string contains positional fields");
    if (index >= tuple_size(f.args))
      return raise(ts, &exc_IndexError,
                   "Replacement index " + std::to_string(index) + " out of range for positional args tuple");
    obj = newref(tuple_get(f.args, index));
  }
  while (!rest.empty()) {
    char kind = rest[0];
    rest.remove_prefix(1);
    std::string_view part;
    if (kind == '.') {
      std::size_t j = 0;
      while (j < rest.size() && rest[j] != '.' && rest[j] != '[') ++j;
      part = rest.substr(0, j);
      rest.remove_prefix(j);
    } else if (kind == '[') {
      std::size_t j = rest.find(']');
      if (j == std::string_view::npos) {
        decref(obj);
        return raise(ts, &exc_ValueError, "Missing ']' in format string");
      }
      part = rest.substr(0, j);
      rest.remove_prefix(j + 1);
    } else {
      decref(obj);
      return raise(ts, &exc_ValueError, "Only '.' or '[' may follow ']' in format field specifier");
    }
    Py_ssize_t item_index = -1;
    if (kind == '[' && !parse_index(ts, part, item_index)) return decref(obj), nullptr;
    if (part.empty()) {
      decref(obj);
      return raise(ts, &exc_ValueError, "Empty attribute in format string");
    }
    Object* next;
    if (kind == '.') {
      next = get_attr_str(ts, obj, std::string(part).c_str());
    } else {
      Object* key = item_index >= 0 ? new_int(ts, item_index) : new_str(ts, part);
      next = get_item(ts, obj, key);
      decref(key);
    }
    decref(obj);
    if (!next) return nullptr;
    obj = next;
  }
  return obj;
}

Object* convert(ThreadState* ts, Object* obj, char32_t conversion) {
  switch (conversion) {
    case 'r': return object_repr(ts, obj);
    case 's': return object_str(ts, obj);
    case 'a': return object_ascii(ts, obj);
    default:
      if (conversion > 32 && conversion < 127)
        return raise(ts, &exc_ValueError, std::string("Unknown conversion specifier ") + static_cast<char>(conversion));
      char buf[32];
      std::snprintf(buf, sizeof buf, "\\x%x", static_cast<unsigned>(conversion));
      return raise(ts, &exc_ValueError, std::string("Unknown conversion specifier ") + buf);
  }
}

bool build(Formatter& f, std::string_view s, int depth, std::string& out);

// One replacement field's text (between the braces). CPython: parse_field + output_markup.
bool render_field(Formatter& f, std::string_view body, bool spec_has_braces, int depth, std::string& out) {
  ThreadState* ts = f.ts;
  // The field name ends at '!' or ':' (brackets may hide them).
  std::size_t i = 0;
  while (i < body.size() && body[i] != '!' && body[i] != ':') {
    if (body[i] == '[') {
      while (i < body.size() && body[i] != ']') ++i;
      if (i == body.size()) break;
    }
    ++i;
  }
  std::string_view name = body.substr(0, i), spec;
  char32_t conversion = 0;
  if (i < body.size() && body[i] == '!') {
    ++i;
    if (i >= body.size()) return fail(ts, &exc_ValueError, "end of string while looking for conversion specifier");
    conversion = unicode::decode_utf8(body.data(), i);
    if (i < body.size()) {
      if (body[i] != ':') return fail(ts, &exc_ValueError, "expected ':' after conversion specifier");
      spec = body.substr(i + 1);
    }
  } else if (i < body.size()) {
    spec = body.substr(i + 1);
  }
  Object* obj = field_object(f, name);
  if (!obj) return false;
  if (conversion) {
    Object* c = convert(ts, obj, conversion);
    decref(obj);
    if (!c) return false;
    obj = c;
  }
  std::string expanded;
  if (spec_has_braces) {
    if (!build(f, spec, depth - 1, expanded)) return decref(obj), false;
    spec = expanded;
  }
  Object* spec_obj = new_str(ts, spec);
  Object* r = object_format(ts, obj, spec_obj);
  decref(spec_obj);
  decref(obj);
  if (!r) return false;
  out += str_view(r);
  decref(r);
  return true;
}

// CPython: build_string / MarkupIterator_next.
bool build(Formatter& f, std::string_view s, int depth, std::string& out) {
  ThreadState* ts = f.ts;
  if (depth <= 0) return fail(ts, &exc_ValueError, "Max string recursion exceeded");
  std::size_t i = 0, n = s.size();
  while (i < n) {
    char c = s[i++];
    if (c != '{' && c != '}') {
      out += c;
      continue;
    }
    bool at_end = i >= n;
    if (c == '}') {
      if (at_end || s[i] != '}') return fail(ts, &exc_ValueError, "Single '}' encountered in format string");
      out += '}', ++i;
      continue;
    }
    if (at_end) return fail(ts, &exc_ValueError, "Single '{' encountered in format string");
    if (s[i] == '{') {
      out += '{', ++i;
      continue;
    }
    // A field: find its closing brace. In the name, '{' is an error and [..] is skipped;
    // after '!' or ':' braces nest (a nested spec).
    std::size_t start = i;
    bool in_spec = false, spec_has_braces = false, done = false;
    int count = 1;
    while (i < n && !done) {
      char d = s[i++];
      if (!in_spec) {
        if (d == '{') return fail(ts, &exc_ValueError, "unexpected '{' in field name");
        if (d == '[') {
          while (i < n && s[i] != ']') ++i;
        } else if (d == '}') {
          done = true;
        } else if (d == '!') {
          // The conversion character, then '}' or ':'.
          if (i >= n) return fail(ts, &exc_ValueError, "end of string while looking for conversion specifier");
          unicode::decode_utf8(s.data(), i);
          if (i < n) {
            char e = s[i++];
            if (e == '}') done = true;
            else if (e != ':') return fail(ts, &exc_ValueError, "expected ':' after conversion specifier");
            else in_spec = true;
          } else {
            in_spec = true;
          }
        } else if (d == ':') {
          in_spec = true;
        }
      } else if (d == '{') {
        spec_has_braces = true;
        ++count;
      } else if (d == '}') {
        if (--count == 0) done = true;
      }
    }
    if (!done) {
      return fail(ts, &exc_ValueError, in_spec ? "unmatched '{' in format spec" : "expected '}' before end of string");
    }
    if (!render_field(f, s.substr(start, i - 1 - start), spec_has_braces, depth, out)) return false;
  }
  return true;
}

Object* run(ThreadState* ts, Object* self, Object* args, Object* kwargs) {
  Formatter f{ts, args, kwargs};
  std::string out;
  if (!build(f, str_view(self), kMaxRecursion, out)) return nullptr;
  return new_str(ts, out);
}

}  // namespace

Object* m_format(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* t = new_tuple(ts, static_cast<Py_ssize_t>(nargs));
  for (std::size_t i = 0; i < nargs; ++i) tuple_set(t, static_cast<Py_ssize_t>(i), newref(args[i]));
  Object* kw = nullptr;
  if (kwcount(kwnames)) {
    kw = new_dict(ts);
    for (std::size_t k = 0; k < kwcount(kwnames); ++k)
      if (!dict_set_item(ts, kw, tuple_get(kwnames, static_cast<Py_ssize_t>(k)), args[nargs + k])) {
        decref(kw), decref(t);
        return nullptr;
      }
  }
  Object* r = run(ts, self, t, kw);
  decref(t);
  xdecref(kw);
  return r;
}

Object* m_format_map(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_arg(ts, "str.format_map", nargs, kwnames)) return nullptr;
  return run(ts, self, nullptr, args[0]);
}

Object* m_dunder_format(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_arg(ts, "str.__format__", nargs, kwnames)) return nullptr;
  if (!is_str(args[0]))
    return raise(ts, &exc_TypeError, std::string("__format__() argument must be str, not ") + clinic_type_name(args[0]));
  if (str_length(args[0]) == 0 && is_exact_str(self)) return newref(self);
  return format_str_value(ts, str_view(self), str_view(args[0]), self->ob_type->tp_name);
}

}  // namespace str_impl

}  // namespace terrarium
