// Splitting and joining str: split/rsplit (by whitespace or a separator, with maxsplit),
// splitlines(keepends), join, and strip/lstrip/rstrip(chars).
// CPython: Objects/stringlib/split.h, Objects/unicodeobject.c (PyUnicode_Join, do_strip).
#include <algorithm>
#include <vector>
#include "objects/abstract.hpp"
#include "objects/exceptions.hpp"
#include "objects/getargs.hpp"
#include "objects/list.hpp"
#include "objects/singletons.hpp"
#include "objects/slice.hpp"
#include "objects/str.hpp"
#include "objects/str_internal.hpp"
#include "objects/str_unicode.hpp"
#include "objects/tuple.hpp"
#include "vm/thread_state.hpp"

namespace terrarium::str_impl {

namespace {

using unicode::decode_utf8;
using unicode::decode_utf8_before;

bool is_space_at(std::string_view v, std::size_t i, std::size_t& next) {
  next = i;
  return unicode::is_space(decode_utf8(v.data(), next));
}
bool is_space_before(std::string_view v, std::size_t i, std::size_t& prev) {
  prev = i;
  return unicode::is_space(decode_utf8_before(v.data(), prev));
}

// Appends v[a:b] to the list; the whole of an exact str is the str itself, as in CPython.
void add_piece(ThreadState* ts, Object* list, Object* self, std::string_view v, std::size_t a, std::size_t b) {
  if (a == 0 && b == v.size() && is_exact_str(self)) list_items(list).push_back(newref(self));
  else list_items(list).push_back(new_str(ts, v.substr(a, b - a)));
}

bool split_args(ThreadState* ts, const char* fname, Object* const* args, std::size_t nargs, Object* kwnames,
                Object*& sep, std::int64_t& maxsplit) {
  static const char* const kNames[] = {"sep", "maxsplit"};
  Object* a[2];
  if (!unpack_keywords(ts, {fname, kNames, 2, 0, 2, 0}, args, nargs, kwnames, a)) return false;
  sep = a[0] && a[0] != py_none() ? a[0] : nullptr;
  if (sep && !is_str(sep)) {
    raise(ts, &exc_TypeError, std::string("must be str or None, not ") + sep->ob_type->tp_name);
    return false;
  }
  maxsplit = -1;
  if (a[1] && !ssize_arg(ts, a[1], maxsplit)) return false;
  if (maxsplit < 0) maxsplit = INT64_MAX;
  if (sep && str_length(sep) == 0) {
    raise(ts, &exc_ValueError, "empty separator");
    return false;
  }
  return true;
}

Object* split_whitespace(ThreadState* ts, Object* self, std::int64_t maxsplit) {
  std::string_view v = str_view(self);
  Object* list = new_list(ts);
  std::size_t i = 0, n = v.size(), next;
  while (maxsplit-- > 0) {
    while (i < n && is_space_at(v, i, next)) i = next;
    if (i == n) break;
    std::size_t j = i;
    while (i < n && !is_space_at(v, i, next)) i = next;
    add_piece(ts, list, self, v, j, i);
  }
  if (i < n) {
    while (i < n && is_space_at(v, i, next)) i = next;
    if (i != n) add_piece(ts, list, self, v, i, n);
  }
  return list;
}

Object* rsplit_whitespace(ThreadState* ts, Object* self, std::int64_t maxsplit) {
  std::string_view v = str_view(self);
  Object* list = new_list(ts);
  std::size_t i = v.size(), prev;
  while (maxsplit-- > 0) {
    while (i > 0 && is_space_before(v, i, prev)) i = prev;
    if (i == 0) break;
    std::size_t j = i;
    while (i > 0 && !is_space_before(v, i, prev)) i = prev;
    add_piece(ts, list, self, v, i, j);
  }
  if (i > 0) {
    while (i > 0 && is_space_before(v, i, prev)) i = prev;
    if (i != 0) add_piece(ts, list, self, v, 0, i);
  }
  std::reverse(list_items(list).begin(), list_items(list).end());
  return list;
}

std::size_t strip_left(std::string_view v, Object* chars) {
  std::size_t i = 0, next;
  if (!chars) {
    while (i < v.size() && is_space_at(v, i, next)) i = next;
    return i;
  }
  std::string_view c = str_view(chars);
  while (i < v.size()) {
    next = i;
    decode_utf8(v.data(), next);
    if (c.find(v.substr(i, next - i)) == std::string_view::npos) break;
    i = next;
  }
  return i;
}

std::size_t strip_right(std::string_view v, std::size_t left, Object* chars) {
  std::size_t i = v.size(), prev;
  if (!chars) {
    while (i > left && is_space_before(v, i, prev)) i = prev;
    return i;
  }
  std::string_view c = str_view(chars);
  while (i > left) {
    prev = i;
    decode_utf8_before(v.data(), prev);
    if (c.find(v.substr(prev, i - prev)) == std::string_view::npos) break;
    i = prev;
  }
  return i;
}

Object* strip_impl(ThreadState* ts, const char* name, const char* qualname, Object* self, Object* const* args,
                   std::size_t nargs, Object* kwnames, bool left, bool right) {
  if (!check_positional(ts, name, qualname, nargs, kwnames, 0, 1)) return nullptr;
  Object* chars = nargs && args[0] != py_none() ? args[0] : nullptr;
  if (chars && !is_str(chars)) return raise(ts, &exc_TypeError, std::string(name) + " arg must be None or str");
  std::string_view v = str_view(self);
  std::size_t a = left ? strip_left(v, chars) : 0;
  std::size_t b = right ? strip_right(v, a, chars) : v.size();
  if (a == 0 && b == v.size() && is_exact_str(self)) return newref(self);
  return new_str(ts, v.substr(a, b - a));
}

}  // namespace

Object* m_split(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* sep;
  std::int64_t maxsplit;
  if (!split_args(ts, "split", args, nargs, kwnames, sep, maxsplit)) return nullptr;
  if (!sep) return split_whitespace(ts, self, maxsplit);
  std::string_view v = str_view(self), s = str_view(sep);
  Object* list = new_list(ts);
  std::size_t i = 0;
  while (maxsplit-- > 0) {
    std::size_t pos = find_bytes(v, s, i);
    if (pos == std::string_view::npos) break;
    add_piece(ts, list, self, v, i, pos);
    i = pos + s.size();
  }
  add_piece(ts, list, self, v, i, v.size());
  return list;
}

Object* m_rsplit(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* sep;
  std::int64_t maxsplit;
  if (!split_args(ts, "rsplit", args, nargs, kwnames, sep, maxsplit)) return nullptr;
  if (!sep) return rsplit_whitespace(ts, self, maxsplit);
  std::string_view v = str_view(self), s = str_view(sep);
  Object* list = new_list(ts);
  std::size_t j = v.size();
  while (maxsplit-- > 0) {
    std::size_t pos = rfind_bytes(v, s, j);
    if (pos == std::string_view::npos) break;
    add_piece(ts, list, self, v, pos + s.size(), j);
    j = pos;
  }
  add_piece(ts, list, self, v, 0, j);
  std::reverse(list_items(list).begin(), list_items(list).end());
  return list;
}

// str.splitlines(keepends=False). CPython: stringlib splitlines.
Object* m_splitlines(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  static const char* const kNames[] = {"keepends"};
  Object* a[1];
  if (!unpack_keywords(ts, {"splitlines", kNames, 1, 0, 1, 0}, args, nargs, kwnames, a)) return nullptr;
  std::int64_t keepends = 0;
  if (a[0] && !c_int_arg(ts, a[0], keepends)) return nullptr;
  std::string_view v = str_view(self);
  Object* list = new_list(ts);
  std::size_t i = 0, n = v.size();
  while (i < n) {
    std::size_t j = i, next = i;
    // Find the end of the line.
    while (j < n) {
      next = j;
      char32_t cp = decode_utf8(v.data(), next);
      if (unicode::is_linebreak(cp)) break;
      j = next;
    }
    std::size_t eol = j;
    if (j < n) {
      eol = next;
      if (v[j] == '\r' && eol < n && v[eol] == '\n') ++eol;
      if (keepends) j = eol;
    }
    add_piece(ts, list, self, v, i, j);
    i = eol;
  }
  return list;
}

// str.join(iterable). CPython: PyUnicode_Join.
Object* m_join(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_arg(ts, "str.join", nargs, kwnames)) return nullptr;
  Object* seq = args[0];
  std::vector<Object*> items;
  bool owned = false;
  if (is_list(seq)) {
    items = list_items(seq);
  } else if (is_tuple(seq)) {
    items.assign(static_cast<TupleObject*>(seq)->items, static_cast<TupleObject*>(seq)->items + tuple_size(seq));
  } else {
    owned = true;
    Object* it = get_iter(ts, seq);
    if (!it) {
      if (is_instance(ts->curexc, &exc_TypeError)) {
        clear_error(ts);
        raise(ts, &exc_TypeError, "can only join an iterable");
      }
      return nullptr;
    }
    while (Object* v = iter_next(ts, it)) items.push_back(v);
    decref(it);
    if (has_error(ts)) {
      for (Object* v : items) decref(v);
      return nullptr;
    }
  }
  // Keep the items alive while joining: a list may be changed by nothing here, but the
  // references taken above are what a generator's items live on.
  auto release = [&] {
    if (owned)
      for (Object* v : items) decref(v);
  };
  if (items.size() == 1 && is_exact_str(items[0])) {
    Object* r = newref(items[0]);
    release();
    return r;
  }
  std::string out;
  Py_ssize_t length = 0;
  std::string_view sep = str_view(self);
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!is_str(items[i])) {
      raise(ts, &exc_TypeError, "sequence item " + std::to_string(i) + ": expected str instance, " +
                                    items[i]->ob_type->tp_name + " found");
      release();
      return nullptr;
    }
    if (i) out += sep, length += str_length(self);
    out += str_view(items[i]);
    length += str_length(items[i]);
  }
  release();
  return new_str_with_length(ts, out, length);
}

Object* m_strip(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return strip_impl(ts, "strip", "str.strip", self, a, n, kw, true, true);
}
Object* m_lstrip(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return strip_impl(ts, "lstrip", "str.lstrip", self, a, n, kw, true, false);
}
Object* m_rstrip(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return strip_impl(ts, "rstrip", "str.rstrip", self, a, n, kw, false, true);
}

}  // namespace terrarium::str_impl
