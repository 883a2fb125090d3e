// Positional access to str: s[i], s[a:b:c], iteration by code point, the start/end
// arguments of the searching methods, and the byte-level substring search they share.
// CPython: Objects/unicodeobject.c (unicode_subscript, unicodeiter_next,
// ADJUST_INDICES), Objects/stringlib/fastsearch.h.
#include <algorithm>
#include <cstring>
#include "objects/abstract.hpp"
#include "objects/exceptions.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/slice.hpp"
#include "objects/str.hpp"
#include "objects/str_internal.hpp"
#include "objects/str_unicode.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

struct StrIterObject : Object {
  Object* str;  // null once exhausted
  std::size_t byte;
};

void str_iter_dealloc(Object* o) {
  xdecref(static_cast<StrIterObject*>(o)->str);
  object_free(o);
}

Object* self_iter(ThreadState*, Object* o) { return newref(o); }

Object* str_iter_next(ThreadState* ts, Object* o) {
  auto* it = static_cast<StrIterObject*>(o);
  if (!it->str) return nullptr;
  std::string_view v = str_view(it->str);
  if (it->byte < v.size()) {
    char32_t cp = unicode::decode_utf8(v.data(), it->byte);
    return new_str_from_char(ts, cp);
  }
  Object* s = it->str;
  it->str = nullptr;
  decref(s);
  return nullptr;
}

TypeObject make_iter_type(const char* name) {
  TypeObject t = make_static_type(name, sizeof(StrIterObject), &object_type);
  t.tp_dealloc = str_iter_dealloc;
  t.tp_iter = self_iter;
  t.tp_iternext = str_iter_next;
  return t;
}

// s[start::step] with step != 1, n code points.
Object* stepped_slice(ThreadState* ts, Object* s, Py_ssize_t start, Py_ssize_t step, Py_ssize_t n) {
  std::string out;
  std::string_view v = str_view(s);
  if (str_is_ascii(s)) {
    out.resize(static_cast<std::size_t>(n));
    for (Py_ssize_t k = 0; k < n; ++k) out[static_cast<std::size_t>(k)] = v[static_cast<std::size_t>(start + k * step)];
    return new_str_with_length(ts, out, n);
  }
  for (Py_ssize_t k = 0; k < n; ++k) {
    std::size_t b = str_byte_offset(s, start + k * step);
    std::size_t e = b;
    unicode::decode_utf8(v.data(), e);
    out.append(v.substr(b, e - b));
  }
  return new_str_with_length(ts, out, n);
}

// CPython: _PyEval_SliceIndex: None keeps the default, huge values clamp.
bool slice_index(ThreadState* ts, Object* v, Py_ssize_t& out) {
  if (!v || v == py_none()) return true;
  if (!v->ob_type->nb_index) {
    raise(ts, &exc_TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  std::int64_t x;
  if (!index_value(ts, v, x)) {
    // An int too large for a machine word clamps rather than fails, as CPython does.
    if (!is_instance(ts->curexc, &exc_OverflowError)) return false;
    clear_error(ts);
    Object* zero = new_int(ts, 0);
    Object* lt = rich_compare(ts, v, zero, CompareOp::Lt);
    decref(zero);
    if (!lt) return false;
    x = lt == py_true() ? INT64_MIN / 2 : INT64_MAX / 2;
    decref(lt);
  }
  out = static_cast<Py_ssize_t>(x);
  return true;
}

// Boyer-Moore-Horspool: compare the window's last byte first and, on a mismatch, shift
// by how far that byte is from the needle's end.
std::size_t horspool(std::string_view hay, std::string_view needle, std::size_t from) {
  std::size_t m = needle.size(), shift[256];
  for (std::size_t& s : shift) s = m;
  for (std::size_t i = 0; i + 1 < m; ++i) shift[static_cast<unsigned char>(needle[i])] = m - 1 - i;
  for (std::size_t pos = from; pos + m <= hay.size();) {
    unsigned char last = static_cast<unsigned char>(hay[pos + m - 1]);
    if (last == static_cast<unsigned char>(needle[m - 1]) && std::memcmp(hay.data() + pos, needle.data(), m - 1) == 0)
      return pos;
    pos += shift[last];
  }
  return std::string_view::npos;
}

}  // namespace

TypeObject str_iterator_type = make_iter_type("str_iterator");
TypeObject str_ascii_iterator_type = make_iter_type("str_ascii_iterator");

Object* str_iter(ThreadState*, Object* o) {
  auto* it = static_cast<StrIterObject*>(
      object_alloc(str_is_ascii(o) ? &str_ascii_iterator_type : &str_iterator_type, sizeof(StrIterObject)));
  it->str = newref(o);
  it->byte = 0;
  return it;
}

Object* str_subscript(ThreadState* ts, Object* o, Object* key) {
  if (is_slice(key)) {
    Py_ssize_t start, stop, step;
    Py_ssize_t n = slice_indices(ts, key, str_length(o), start, stop, step);
    if (n < 0) return nullptr;
    if (n == 0) return new_str(ts, "");
    if (step == 1) return str_substring(ts, o, start, start + n);
    return stepped_slice(ts, o, start, step, n);
  }
  if (!key->ob_type->nb_index)
    return raise(ts, &exc_TypeError, std::string("string indices must be integers, not '") + key->ob_type->tp_name + "'");
  Py_ssize_t i;
  if (!sequence_index(ts, key, str_length(o), "string", i)) return nullptr;
  if (str_is_ascii(o)) return new_str_from_char(ts, static_cast<unsigned char>(str_view(o)[static_cast<std::size_t>(i)]));
  return new_str_from_char(ts, str_char_at(o, i));
}

namespace str_impl {

bool slice_bounds(ThreadState* ts, Object* start_arg, Object* end_arg, Py_ssize_t len, Py_ssize_t& start,
                  Py_ssize_t& end) {
  start = 0;
  end = PTRDIFF_MAX / 2;
  if (!slice_index(ts, start_arg, start) || !slice_index(ts, end_arg, end)) return false;
  // CPython: ADJUST_INDICES.
  if (end > len) end = len;
  else if (end < 0) end = std::max<Py_ssize_t>(end + len, 0);
  if (start < 0) start = std::max<Py_ssize_t>(start + len, 0);
  return true;
}

std::size_t find_bytes(std::string_view hay, std::string_view needle, std::size_t from) {
  if (from > hay.size()) return std::string_view::npos;
  if (needle.empty()) return from;
  if (needle.size() == 1) {
    const void* p = std::memchr(hay.data() + from, needle[0], hay.size() - from);
    return p ? static_cast<std::size_t>(static_cast<const char*>(p) - hay.data()) : std::string_view::npos;
  }
  // Horspool's bad-character skips keep long searches fast in practice, as CPython's
  // fastsearch does (Emscripten's libc++ has no std::boyer_moore_horspool_searcher).
  if (needle.size() >= 8 && hay.size() - from >= 256) return horspool(hay, needle, from);
  return hay.find(needle, from);
}

std::size_t rfind_bytes(std::string_view hay, std::string_view needle, std::size_t to_end) {
  // The last match lying entirely inside hay[0:to_end].
  if (needle.size() > to_end) return std::string_view::npos;
  return hay.substr(0, to_end).rfind(needle);
}

}  // namespace str_impl

}  // namespace terrarium
