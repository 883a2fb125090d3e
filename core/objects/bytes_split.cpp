// bytes and bytearray splitting and joining: split/rsplit (on ASCII whitespace or a
// separator, with maxsplit), splitlines(keepends), join, and strip/lstrip/rstrip.
// CPython: Objects/stringlib/split.h, Objects/stringlib/join.h, Objects/bytesobject.c do_xstrip.
#include <algorithm>
#include <vector>
#include "objects/abstract.hpp"
#include "objects/bytes.hpp"
#include "objects/bytes_internal.hpp"
#include "objects/exceptions.hpp"
#include "objects/getargs.hpp"
#include "objects/list.hpp"
#include "objects/singletons.hpp"
#include "objects/str_internal.hpp"  // find_bytes, shared with str
#include "objects/typeobject.hpp"
#include "vm/thread_state.hpp"

namespace terrarium::bytes_impl {

namespace {

// Reads (sep=None, maxsplit=-1); sep is copied since the view of a bytearray may move.
bool split_args(ThreadState* ts, const char* fname, Object* const* args, std::size_t nargs, Object* kwnames,
                bool& whitespace, std::string& sep, std::int64_t& maxsplit) {
  static const char* const kNames[] = {"sep", "maxsplit"};
  Object* a[2];
  if (!unpack_keywords(ts, {fname, kNames, 2, 0, 2, 0}, args, nargs, kwnames, a)) return false;
  whitespace = !a[0] || a[0] == py_none();
  std::string_view v;
  if (!whitespace) {
    if (!expect_buffer(ts, a[0], v)) return false;
    sep.assign(v);
  }
  maxsplit = -1;
  if (a[1] && !ssize_arg(ts, a[1], maxsplit)) return false;
  if (maxsplit < 0) maxsplit = INT64_MAX;
  if (!whitespace && sep.empty()) {
    raise(ts, &exc_ValueError, "empty separator");
    return false;
  }
  return true;
}

void add_piece(ThreadState* ts, Object* list, Object* self, std::string_view v, std::size_t a, std::size_t b) {
  if (a == 0 && b == v.size() && is_exact_bytes(self)) list_items(list).push_back(newref(self));
  else list_items(list).push_back(new_like(ts, self, v.substr(a, b - a)));
}

Object* split_whitespace(ThreadState* ts, Object* self, std::int64_t maxsplit, bool reverse) {
  std::string_view v = self_view(self);
  Object* list = new_list(ts);
  auto space = [&](std::size_t i) { return is_space(static_cast<unsigned char>(v[i])); };
  if (!reverse) {
    std::size_t i = 0, n = v.size();
    for (std::int64_t done = 0;; ++done) {
      while (i < n && space(i)) ++i;
      if (i == n) break;
      if (done == maxsplit) {  // the rest, trailing whitespace and all
        add_piece(ts, list, self, v, i, n);
        break;
      }
      std::size_t j = i;
      while (j < n && !space(j)) ++j;
      add_piece(ts, list, self, v, i, j);
      i = j;
    }
    return list;
  }
  std::size_t j = v.size();
  for (std::int64_t done = 0;; ++done) {
    while (j > 0 && space(j - 1)) --j;
    if (j == 0) break;
    if (done == maxsplit) {
      add_piece(ts, list, self, v, 0, j);
      break;
    }
    std::size_t i = j;
    while (i > 0 && !space(i - 1)) --i;
    add_piece(ts, list, self, v, i, j);
    j = i;
  }
  std::reverse(list_items(list).begin(), list_items(list).end());
  return list;
}

Object* split_on(ThreadState* ts, Object* self, const std::string& sep, std::int64_t maxsplit, bool reverse) {
  std::string_view v = self_view(self);
  Object* list = new_list(ts);
  if (!reverse) {
    std::size_t last = 0;
    for (std::int64_t done = 0; done < maxsplit; ++done) {
      std::size_t pos = str_impl::find_bytes(v, sep, last);
      if (pos == std::string_view::npos) break;
      add_piece(ts, list, self, v, last, pos);
      last = pos + sep.size();
    }
    add_piece(ts, list, self, v, last, v.size());
    return list;
  }
  std::size_t end = v.size();
  for (std::int64_t done = 0; done < maxsplit && end >= sep.size(); ++done) {
    std::size_t pos = v.substr(0, end).rfind(sep);
    if (pos == std::string_view::npos) break;
    add_piece(ts, list, self, v, pos + sep.size(), end);
    end = pos;
  }
  add_piece(ts, list, self, v, 0, end);
  std::reverse(list_items(list).begin(), list_items(list).end());
  return list;
}

Object* split_impl(ThreadState* ts, const char* name, Object* self, Object* const* args, std::size_t nargs,
                   Object* kwnames, bool reverse) {
  bool whitespace;
  std::string sep;
  std::int64_t maxsplit;
  if (!split_args(ts, name, args, nargs, kwnames, whitespace, sep, maxsplit)) return nullptr;
  return whitespace ? split_whitespace(ts, self, maxsplit, reverse) : split_on(ts, self, sep, maxsplit, reverse);
}

enum class Side { Left = 1, Right = 2, Both = 3 };

Object* strip_impl(ThreadState* ts, const char* name, Object* self, Object* const* args, std::size_t nargs,
                   Object* kwnames, Side side) {
  if (!check_positional(ts, name, qualname(self, name).c_str(), nargs, kwnames, 0, 1)) return nullptr;
  bool whitespace = nargs == 0 || args[0] == py_none();
  std::string_view chars_view;
  if (!whitespace && !expect_buffer(ts, args[0], chars_view)) return nullptr;
  std::string chars(chars_view);
  auto strip_it = [&](unsigned char c) {
    return whitespace ? is_space(c) : chars.find(static_cast<char>(c)) != std::string::npos;
  };
  std::string_view v = self_view(self);
  std::size_t i = 0, j = v.size();
  if (static_cast<int>(side) & static_cast<int>(Side::Left))
    while (i < j && strip_it(static_cast<unsigned char>(v[i]))) ++i;
  if (static_cast<int>(side) & static_cast<int>(Side::Right))
    while (j > i && strip_it(static_cast<unsigned char>(v[j - 1]))) --j;
  if (i == 0 && j == v.size()) return unchanged(ts, self);
  return new_like(ts, self, v.substr(i, j - i));
}

}  // namespace

Object* m_split(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return split_impl(ts, "split", self, a, n, kw, false);
}
Object* m_rsplit(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return split_impl(ts, "rsplit", self, a, n, kw, true);
}

// Lines end at \n, \r or \r\n (bytes know no other line breaks).
Object* m_splitlines(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  static const char* const kNames[] = {"keepends"};
  Object* a[1];
  if (!unpack_keywords(ts, {"splitlines", kNames, 1, 0, 1, 0}, args, nargs, kwnames, a)) return nullptr;
  int keepends = 0;
  if (a[0] && (keepends = object_is_true(ts, a[0])) < 0) return nullptr;
  std::string_view v = self_view(self);
  Object* list = new_list(ts);
  for (std::size_t i = 0; i < v.size();) {
    std::size_t j = i;
    while (j < v.size() && v[j] != '\n' && v[j] != '\r') ++j;
    std::size_t eol = j;
    if (j < v.size()) j += (v[j] == '\r' && j + 1 < v.size() && v[j + 1] == '\n') ? 2 : 1;
    add_piece(ts, list, self, v, i, keepends ? j : eol);
    i = j;
  }
  return list;
}

// sep.join(iterable): every item must be bytes-like; the result has sep's kind.
Object* m_join(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_arg(ts, qualname(self, "join").c_str(), nargs, kwnames)) return nullptr;
  Object* items = args[0];
  if (!items->ob_type->tp_iter && !type_lookup_str(items->ob_type, "__getitem__"))
    return raise(ts, &exc_TypeError, "can only join an iterable");
  std::vector<Object*> parts;
  bool ok = for_each_item(ts, items, [&](Object* item) { parts.push_back(newref(item)); return true; });
  std::string out;
  std::string sep(self_view(self));
  for (std::size_t i = 0; ok && i < parts.size(); ++i) {
    std::string_view v;
    if (!buffer_view(parts[i], v)) {
      raise(ts, &exc_TypeError, "sequence item " + std::to_string(i) + ": expected a bytes-like object, " +
                                    parts[i]->ob_type->tp_name + " found");
      ok = false;
      break;
    }
    if (i) out += sep;
    out += v;
  }
  for (Object* p : parts) decref(p);
  if (!ok) return nullptr;
  return new_like(ts, self, out);
}

Object* m_strip(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return strip_impl(ts, "strip", self, a, n, kw, Side::Both);
}
Object* m_lstrip(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return strip_impl(ts, "lstrip", self, a, n, kw, Side::Left);
}
Object* m_rstrip(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return strip_impl(ts, "rstrip", self, a, n, kw, Side::Right);
}

}  // namespace terrarium::bytes_impl
