// The operators bytes and bytearray share: comparison, + and *, `in`, and iteration (each
// type gets its own iterator type, as CPython names them). The result of + and * has the
// left operand's kind. CPython: Objects/bytesobject.c (bytes_richcompare, bytes_concat,
// bytes_repeat, _Py_bytes_contains, striter), Objects/bytearrayobject.c.
#include <cstring>
#include "objects/abstract.hpp"
#include "objects/bytes.hpp"
#include "objects/bytes_internal.hpp"
#include "objects/exceptions.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/slice.hpp"

namespace terrarium {

namespace {

struct BytesIterObject : Object {
  Object* seq;  // null once exhausted
  Py_ssize_t index;
};

void bytes_iter_dealloc(Object* o) {
  xdecref(static_cast<BytesIterObject*>(o)->seq);
  object_free(o);
}

Object* bytes_iter_next(ThreadState* ts, Object* o) {
  auto* it = static_cast<BytesIterObject*>(o);
  if (!it->seq) return nullptr;
  // Re-read every step: a bytearray may change size while it is iterated.
  std::string_view v = bytes_impl::self_view(it->seq);
  if (it->index < static_cast<Py_ssize_t>(v.size()))
    return new_int(ts, static_cast<unsigned char>(v[static_cast<std::size_t>(it->index++)]));
  Object* seq = it->seq;
  it->seq = nullptr;
  decref(seq);
  return nullptr;
}

Object* self_iter(ThreadState*, Object* o) { return newref(o); }

Object* bytes_iter_length_hint(ThreadState* ts, Object* self, Object* const*, std::size_t, Object*) {
  auto* it = static_cast<BytesIterObject*>(self);
  Py_ssize_t left = 0;
  if (it->seq) left = static_cast<Py_ssize_t>(bytes_impl::self_view(it->seq).size()) - it->index;
  return new_int(ts, left < 0 ? 0 : left);
}
const MethodDef kBytesIterMethods[] = {{"__length_hint__", bytes_iter_length_hint, METH_INSTANCE},
                                       {nullptr, nullptr, 0}};

TypeObject make_iterator_type(const char* name) {
  TypeObject t = make_static_type(name, sizeof(BytesIterObject), &object_type);
  t.tp_dealloc = bytes_iter_dealloc;
  t.tp_iter = self_iter;
  t.tp_iternext = bytes_iter_next;
  t.tp_methods = kBytesIterMethods;
  return t;
}

}  // namespace

TypeObject bytes_iterator_type = make_iterator_type("bytes_iterator");
TypeObject bytearray_iterator_type = make_iterator_type("bytearray_iterator");

namespace bytes_impl {

Object* iter(ThreadState*, Object* self) {
  TypeObject* type = is_bytearray(self) ? &bytearray_iterator_type : &bytes_iterator_type;
  auto* it = static_cast<BytesIterObject*>(object_alloc(type, sizeof(BytesIterObject)));
  it->seq = newref(self);
  it->index = 0;
  return it;
}

// Lexicographic by unsigned byte, then by length, as memcmp-based CPython compares.
Object* richcompare(ThreadState*, Object* a, Object* b, CompareOp op) {
  std::string_view x, y;
  if (!buffer_view(a, x) || !buffer_view(b, y)) return newref(py_not_implemented());
  int c = x.compare(y);  // char_traits<char>::compare is memcmp: unsigned byte order
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

// Returns NotImplemented for a non-buffer right operand; binary_op then reports
// "can't concat int to bytes", after a class's __radd__ has had its chance.
Object* concat(ThreadState* ts, Object* a, Object* b) {
  std::string_view x, y;
  if (!buffer_view(a, x) || !buffer_view(b, y)) return newref(py_not_implemented());
  if (y.empty() && is_exact_bytes(a)) return newref(a);
  if (x.empty() && is_exact_bytes(a) && is_exact_bytes(b)) return newref(b);
  std::string out;
  out.reserve(x.size() + y.size());
  out.append(x).append(y);
  return new_like(ts, a, out);
}

Object* repeat(ThreadState* ts, Object* a, Object* b) {
  Object* seq = is_bytes(a) || is_bytearray(a) ? a : b;
  Object* n = seq == a ? b : a;
  if (!is_bytes(seq) && !is_bytearray(seq)) return newref(py_not_implemented());
  if (!n->ob_type->nb_index) return newref(py_not_implemented());
  std::int64_t count;
  if (!index_value(ts, n, count)) return nullptr;
  std::string_view v = self_view(seq);
  if (count <= 0 || v.empty()) return new_like(ts, seq, {});
  if (count == 1 && is_exact_bytes(seq)) return newref(seq);
  if (static_cast<std::uint64_t>(count) > (std::uint64_t{1} << 31) / v.size()) return raise(ts, &exc_MemoryError, "");
  std::string out;
  out.reserve(v.size() * static_cast<std::size_t>(count));
  for (std::int64_t i = 0; i < count; ++i) out.append(v);
  return new_like(ts, seq, out);
}

// `x in b`: an int is a byte value, anything else must be bytes-like.
int contains(ThreadState* ts, Object* self, Object* item) {
  std::string_view sub;
  if (buffer_view(item, sub)) {
    std::string needle(sub);
    return self_view(self).find(needle) != std::string_view::npos;
  }
  if (!item->ob_type->nb_index) {
    raise(ts, &exc_TypeError, std::string("a bytes-like object is required, not '") + item->ob_type->tp_name + "'");
    return -1;
  }
  std::uint8_t byte;
  if (!byte_value(ts, item, byte)) return -1;
  std::string_view v = self_view(self);
  return std::memchr(v.data(), byte, v.size()) != nullptr;
}

}  // namespace bytes_impl

}  // namespace terrarium
