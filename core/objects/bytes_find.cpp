// bytes and bytearray searching: find/rfind/index/rindex, count, startswith/endswith,
// replace, partition/rpartition, removeprefix/removesuffix. The search arguments may be a
// bytes-like object or (for find, count, index) a single byte given as an int.
// CPython: Objects/bytes_methods.c (_Py_bytes_find, _Py_bytes_count, _Py_bytes_tailmatch),
// Objects/bytesobject.c (replace), Objects/stringlib/partition.h.
#include "objects/bytes.hpp"
#include "objects/bytes_internal.hpp"
#include "objects/exceptions.hpp"
#include "objects/getargs.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/str_internal.hpp"  // slice_bounds, find_bytes: byte searches shared with str
#include "objects/tuple.hpp"

namespace terrarium::bytes_impl {

namespace {

using str_impl::find_bytes;
using str_impl::rfind_bytes;
using str_impl::slice_bounds;

// The optional start/end of find, count, startswith ... adjusted against self's length.
bool bounds(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Py_ssize_t& start, Py_ssize_t& end) {
  return slice_bounds(ts, nargs > 1 ? args[1] : nullptr, nargs > 2 ? args[2] : nullptr,
                      static_cast<Py_ssize_t>(self_view(self).size()), start, end);
}

// find/rfind core: the index of sub in self[start:end], -1 when absent, -2 on error.
Py_ssize_t find_impl(ThreadState* ts, const char* name, Object* self, Object* const* args, std::size_t nargs,
                     Object* kwnames, bool reverse) {
  if (!check_tuple_args(ts, name, qualname(self, name).c_str(), nargs, kwnames, 1, 3)) return -2;
  std::string sub;
  Py_ssize_t start, end;
  if (!bounds(ts, self, args, nargs, start, end) || !sub_argument(ts, args[0], sub)) return -2;
  if (end - start < static_cast<Py_ssize_t>(sub.size())) return -1;
  std::string_view hay = self_view(self).substr(0, static_cast<std::size_t>(end));
  auto b0 = static_cast<std::size_t>(start);
  std::size_t pos = reverse ? rfind_bytes(hay, sub, hay.size()) : find_bytes(hay, sub, b0);
  if (pos == std::string_view::npos || pos < b0) return -1;
  return static_cast<Py_ssize_t>(pos);
}

Object* find_result(ThreadState* ts, Py_ssize_t r, bool raise_missing) {
  if (r == -2) return nullptr;
  if (r == -1 && raise_missing) return raise(ts, &exc_ValueError, "subsection not found");
  return new_int(ts, r);
}

// CPython: tailmatch. self[start:end] starts (or ends) with sub.
bool tail_match(std::string_view v, std::string_view sub, Py_ssize_t start, Py_ssize_t end, bool suffix) {
  auto n = static_cast<Py_ssize_t>(sub.size());
  if (end - n < start) return false;
  Py_ssize_t at = suffix ? end - n : start;
  return v.substr(static_cast<std::size_t>(at), sub.size()) == sub;
}

Object* starts_ends(ThreadState* ts, const char* name, Object* self, Object* const* args, std::size_t nargs,
                    Object* kwnames, bool suffix) {
  if (!check_tuple_args(ts, name, qualname(self, name).c_str(), nargs, kwnames, 1, 3)) return nullptr;
  Py_ssize_t start, end;
  if (!bounds(ts, self, args, nargs, start, end)) return nullptr;
  std::string_view v = self_view(self), sub;
  Object* what = args[0];
  if (is_tuple(what)) {
    for (Py_ssize_t i = 0; i < tuple_size(what); ++i) {
      if (!expect_buffer(ts, tuple_get(what, i), sub)) return nullptr;
      if (tail_match(v, sub, start, end, suffix)) return new_bool(true);
    }
    return new_bool(false);
  }
  if (!buffer_view(what, sub))
    return raise(ts, &exc_TypeError, std::string(name) + " first arg must be bytes or a tuple of bytes, not " +
                                         what->ob_type->tp_name);
  return new_bool(tail_match(v, sub, start, end, suffix));
}

Object* partition_impl(ThreadState* ts, const char* name, Object* self, Object* const* args, std::size_t nargs,
                       Object* kwnames, bool reverse) {
  if (!one_arg(ts, qualname(self, name).c_str(), nargs, kwnames)) return nullptr;
  std::string_view sep_view;
  if (!expect_buffer(ts, args[0], sep_view)) return nullptr;
  if (sep_view.empty()) return raise(ts, &exc_ValueError, "empty separator");
  std::string sep(sep_view);
  std::string_view v = self_view(self);
  std::size_t pos = reverse ? v.rfind(sep) : find_bytes(v, sep, 0);
  Object* t = new_tuple(ts, 3);
  if (pos == std::string_view::npos) {
    tuple_set(t, reverse ? 2 : 0, unchanged(ts, self));
    tuple_set(t, 1, new_like(ts, self, {}));
    tuple_set(t, reverse ? 0 : 2, new_like(ts, self, {}));
    return t;
  }
  tuple_set(t, 0, new_like(ts, self, v.substr(0, pos)));
  tuple_set(t, 1, is_exact_bytes(args[0]) && !is_bytearray(self) ? newref(args[0]) : new_like(ts, self, sep));
  tuple_set(t, 2, new_like(ts, self, v.substr(pos + sep.size())));
  return t;
}

Object* remove_affix(ThreadState* ts, const char* name, Object* self, Object* const* args, std::size_t nargs,
                     Object* kwnames, bool suffix) {
  if (!one_arg(ts, qualname(self, name).c_str(), nargs, kwnames)) return nullptr;
  std::string_view affix;
  if (!expect_buffer(ts, args[0], affix)) return nullptr;
  std::string_view v = self_view(self);
  bool match = suffix ? v.ends_with(affix) : v.starts_with(affix);
  if (!match || affix.empty()) return unchanged(ts, self);
  return new_like(ts, self, suffix ? v.substr(0, v.size() - affix.size()) : v.substr(affix.size()));
}

}  // namespace

Object* m_find(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return find_result(ts, find_impl(ts, "find", self, a, n, kw, false), false);
}
Object* m_rfind(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return find_result(ts, find_impl(ts, "rfind", self, a, n, kw, true), false);
}
Object* m_index(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return find_result(ts, find_impl(ts, "index", self, a, n, kw, false), true);
}
Object* m_rindex(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return find_result(ts, find_impl(ts, "rindex", self, a, n, kw, true), true);
}

Object* m_count(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_tuple_args(ts, "count", qualname(self, "count").c_str(), nargs, kwnames, 1, 3)) return nullptr;
  std::string sub;
  Py_ssize_t start, end;
  if (!bounds(ts, self, args, nargs, start, end) || !sub_argument(ts, args[0], sub)) return nullptr;
  if (end - start < static_cast<Py_ssize_t>(sub.size())) return new_int(ts, 0);
  if (sub.empty()) return new_int(ts, end - start + 1);
  std::string_view hay = self_view(self).substr(0, static_cast<std::size_t>(end));
  std::int64_t count = 0;
  for (std::size_t pos = find_bytes(hay, sub, static_cast<std::size_t>(start)); pos != std::string_view::npos;
       pos = find_bytes(hay, sub, pos + sub.size()))
    ++count;
  return new_int(ts, count);
}

Object* m_startswith(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return starts_ends(ts, "startswith", self, a, n, kw, false);
}
Object* m_endswith(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return starts_ends(ts, "endswith", self, a, n, kw, true);
}

// replace(old, new, count=-1). An empty old inserts new before every byte and at the end.
Object* m_replace(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_positional(ts, "replace", qualname(self, "replace").c_str(), nargs, kwnames, 2, 3)) return nullptr;
  std::string_view from_view, to_view;
  if (!expect_buffer(ts, args[0], from_view) || !expect_buffer(ts, args[1], to_view)) return nullptr;
  std::string from(from_view), to(to_view);
  std::int64_t count = -1;
  if (nargs > 2 && !ssize_arg(ts, args[2], count)) return nullptr;
  if (count < 0) count = INT64_MAX;
  std::string_view v = self_view(self);
  std::string out;
  std::int64_t done = 0;
  if (from.empty()) {
    for (std::size_t i = 0; i <= v.size(); ++i) {
      if (done < count) out += to, ++done;
      if (i < v.size()) out += v[i];
    }
    return done ? new_like(ts, self, out) : unchanged(ts, self);
  }
  std::size_t last = 0;
  for (std::size_t pos = find_bytes(v, from, 0); pos != std::string_view::npos && done < count;
       pos = find_bytes(v, from, pos + from.size()), ++done) {
    out.append(v.substr(last, pos - last)).append(to);
    last = pos + from.size();
  }
  if (!done) return unchanged(ts, self);
  out.append(v.substr(last));
  return new_like(ts, self, out);
}

Object* m_partition(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return partition_impl(ts, "partition", self, a, n, kw, false);
}
Object* m_rpartition(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return partition_impl(ts, "rpartition", self, a, n, kw, true);
}
Object* m_removeprefix(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return remove_affix(ts, "removeprefix", self, a, n, kw, false);
}
Object* m_removesuffix(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return remove_affix(ts, "removesuffix", self, a, n, kw, true);
}

}  // namespace terrarium::bytes_impl
