// str's searching methods: find/rfind/index/rindex, count, startswith/endswith, replace,
// partition/rpartition, removeprefix/removesuffix. Positions are code points; the
// searches themselves run on UTF-8 bytes and convert only the positions they report.
// CPython: Objects/unicodeobject.c (any_find_slice, unicode_count, tailmatch, replace),
// Objects/stringlib/partition.h.
#include "objects/exceptions.hpp"
#include "objects/getargs.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/slice.hpp"
#include "objects/str.hpp"
#include "objects/str_internal.hpp"
#include "objects/tuple.hpp"

namespace terrarium::str_impl {

namespace {

// The byte window [b0, b1) of self[start:end] (code points, already adjusted).
void byte_window(Object* self, Py_ssize_t start, Py_ssize_t end, std::size_t& b0, std::size_t& b1) {
  b0 = str_byte_offset(self, start);
  b1 = str_byte_offset(self, end);
}

// find/rfind core: the code-point index of sub in self[start:end], or -1; -2 on error.
Py_ssize_t find_impl(ThreadState* ts, const char* name, const char* qualname, Object* self, Object* const* args,
                     std::size_t nargs, Object* kwnames, bool reverse) {
  if (!check_tuple_args(ts, name, qualname, nargs, kwnames, 1, 3)) return -2;
  if (!expect_str(ts, args[0], "")) return -2;
  Py_ssize_t len = str_length(self), start, end;
  if (!slice_bounds(ts, nargs > 1 ? args[1] : nullptr, nargs > 2 ? args[2] : nullptr, len, start, end)) return -2;
  Object* sub = args[0];
  if (end - start < str_length(sub)) return -1;
  std::size_t b0, b1;
  byte_window(self, start, end, b0, b1);
  std::string_view hay = str_view(self).substr(0, b1);
  std::size_t pos = reverse ? rfind_bytes(hay, str_view(sub), b1) : find_bytes(hay, str_view(sub), b0);
  if (pos == std::string_view::npos || pos < b0) return -1;
  return start + count_chars(hay.substr(b0, pos - b0));
}

Object* find_result(ThreadState* ts, Py_ssize_t r, bool raise_missing) {
  if (r == -2) return nullptr;
  if (r == -1 && raise_missing) return raise(ts, &exc_ValueError, "substring not found");
  return new_int(ts, r);
}

// CPython: tailmatch. 1 match, 0 no match.
int tail_match(Object* self, Object* sub, Py_ssize_t start, Py_ssize_t end, bool suffix) {
  Py_ssize_t n = str_length(sub);
  end -= n;
  if (end < start) return 0;
  if (n == 0) return 1;
  Py_ssize_t at = suffix ? end : start;
  std::size_t b = str_byte_offset(self, at);
  return str_view(self).substr(b, str_view(sub).size()) == str_view(sub);
}

Object* starts_ends(ThreadState* ts, const char* name, const char* qualname, Object* self, Object* const* args,
                    std::size_t nargs, Object* kwnames, bool suffix) {
  if (!check_tuple_args(ts, name, qualname, nargs, kwnames, 1, 3)) return nullptr;
  Py_ssize_t start, end;
  if (!slice_bounds(ts, nargs > 1 ? args[1] : nullptr, nargs > 2 ? args[2] : nullptr, str_length(self), start, end))
    return nullptr;
  Object* what = args[0];
  if (is_tuple(what)) {
    for (Py_ssize_t i = 0; i < tuple_size(what); ++i) {
      Object* sub = tuple_get(what, i);
      if (!is_str(sub))
        return raise(ts, &exc_TypeError, std::string("tuple for ") + name + " must only contain str, not " +
                                             sub->ob_type->tp_name);
      if (tail_match(self, sub, start, end, suffix)) return new_bool(true);
    }
    return new_bool(false);
  }
  if (!is_str(what))
    return raise(ts, &exc_TypeError, std::string(name) + " first arg must be str or a tuple of str, not " +
                                         what->ob_type->tp_name);
  return new_bool(tail_match(self, what, start, end, suffix));
}

Object* partition_impl(ThreadState* ts, const char* qualname, Object* self, Object* const* args, std::size_t nargs,
                       Object* kwnames, bool reverse) {
  if (!one_arg(ts, qualname, nargs, kwnames)) return nullptr;
  Object* sep = args[0];
  if (!expect_str(ts, sep, "")) return nullptr;
  if (str_length(sep) == 0) return raise(ts, &exc_ValueError, "empty separator");
  std::string_view v = str_view(self), s = str_view(sep);
  std::size_t pos = reverse ? v.rfind(s) : find_bytes(v, s, 0);
  Object* t = new_tuple(ts, 3);
  if (pos == std::string_view::npos) {
    Object* whole = is_exact_str(self) ? newref(self) : new_str_with_length(ts, v, str_length(self));
    tuple_set(t, reverse ? 2 : 0, whole);
    tuple_set(t, 1, new_str(ts, ""));
    tuple_set(t, reverse ? 0 : 2, new_str(ts, ""));
    return t;
  }
  tuple_set(t, 0, new_str(ts, v.substr(0, pos)));
  tuple_set(t, 1, is_exact_str(sep) ? newref(sep) : new_str(ts, s));
  tuple_set(t, 2, new_str(ts, v.substr(pos + s.size())));
  return t;
}

Object* remove_affix(ThreadState* ts, const char* name, const char* qualname, Object* self, Object* const* args,
                     std::size_t nargs, Object* kwnames, bool suffix) {
  if (!one_arg(ts, qualname, nargs, kwnames)) return nullptr;
  if (!expect_str(ts, args[0], std::string(name) + "() argument ")) return nullptr;
  std::string_view v = str_view(self), a = str_view(args[0]);
  bool match = suffix ? v.ends_with(a) : v.starts_with(a);
  if (!match || a.empty()) return is_exact_str(self) ? newref(self) : new_str_with_length(ts, v, str_length(self));
  Py_ssize_t n = str_length(self) - str_length(args[0]);
  return new_str_with_length(ts, suffix ? v.substr(0, v.size() - a.size()) : v.substr(a.size()), n);
}

}  // namespace

Object* m_find(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return find_result(ts, find_impl(ts, "find", "str.find", self, a, n, kw, false), false);
}
Object* m_rfind(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return find_result(ts, find_impl(ts, "rfind", "str.rfind", self, a, n, kw, true), false);
}
Object* m_index(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return find_result(ts, find_impl(ts, "index", "str.index", self, a, n, kw, false), true);
}
Object* m_rindex(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return find_result(ts, find_impl(ts, "rindex", "str.rindex", self, a, n, kw, true), true);
}

Object* m_count(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_tuple_args(ts, "count", "str.count", nargs, kwnames, 1, 3)) return nullptr;
  if (!expect_str(ts, args[0], "")) return nullptr;
  Py_ssize_t start, end;
  if (!slice_bounds(ts, nargs > 1 ? args[1] : nullptr, nargs > 2 ? args[2] : nullptr, str_length(self), start, end))
    return nullptr;
  if (end - start < str_length(args[0])) return new_int(ts, 0);
  if (str_length(args[0]) == 0) return new_int(ts, end - start + 1);
  std::size_t b0, b1;
  byte_window(self, start, end, b0, b1);
  std::string_view hay = str_view(self).substr(0, b1), sub = str_view(args[0]);
  std::int64_t count = 0;
  for (std::size_t pos = find_bytes(hay, sub, b0); pos != std::string_view::npos;
       pos = find_bytes(hay, sub, pos + sub.size()))
    ++count;
  return new_int(ts, count);
}

Object* m_startswith(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return starts_ends(ts, "startswith", "str.startswith", self, a, n, kw, false);
}
Object* m_endswith(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return starts_ends(ts, "endswith", "str.endswith", self, a, n, kw, true);
}

// str.replace(old, new, count=-1, /). CPython: replace().
Object* m_replace(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_positional(ts, "replace", "str.replace", nargs, kwnames, 2, 3)) return nullptr;
  if (!expect_str(ts, args[0], "replace() argument 1 ") || !expect_str(ts, args[1], "replace() argument 2 "))
    return nullptr;
  std::int64_t count = -1;
  if (nargs > 2 && !ssize_arg(ts, args[2], count)) return nullptr;
  if (count < 0) count = INT64_MAX;
  std::string_view v = str_view(self), from = str_view(args[0]), to = str_view(args[1]);
  std::string out;
  if (from.empty()) {
    // Insert `to` before every code point and at the end, up to count times.
    std::int64_t done = 0;
    std::size_t i = 0;
    for (; i < v.size() && done < count; ++done) {
      out += to;
      std::size_t j = i + 1;
      while (j < v.size() && (static_cast<unsigned char>(v[j]) & 0xC0) == 0x80) ++j;
      out.append(v.substr(i, j - i));
      i = j;
    }
    if (done < count) out += to, ++done;
    if (done == 0 && is_exact_str(self)) return newref(self);
    out.append(v.substr(i));
    return new_str(ts, out);
  }
  std::size_t pos = find_bytes(v, from, 0);
  if (pos == std::string_view::npos || count == 0) {
    return is_exact_str(self) ? newref(self) : new_str_with_length(ts, v, str_length(self));
  }
  std::size_t last = 0;
  std::int64_t done = 0;
  Py_ssize_t length = str_length(self);
  for (; pos != std::string_view::npos && done < count; pos = find_bytes(v, from, pos + from.size()), ++done) {
    out.append(v.substr(last, pos - last));
    out += to;
    last = pos + from.size();
    length += str_length(args[1]) - str_length(args[0]);
  }
  out.append(v.substr(last));
  return new_str_with_length(ts, out, length);
}

Object* m_partition(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return partition_impl(ts, "str.partition", self, a, n, kw, false);
}
Object* m_rpartition(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return partition_impl(ts, "str.rpartition", self, a, n, kw, true);
}
Object* m_removeprefix(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return remove_affix(ts, "removeprefix", "str.removeprefix", self, a, n, kw, false);
}
Object* m_removesuffix(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return remove_affix(ts, "removesuffix", "str.removesuffix", self, a, n, kw, true);
}

}  // namespace terrarium::str_impl
