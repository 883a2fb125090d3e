// bytearray: the mutable bytes. Storage, the type object, indexing with item and slice
// assignment and deletion, += and *=, and the methods only a mutable sequence has
// (append, extend, pop, insert, remove, clear, reverse, copy). The methods it shares with
// bytes come from the bytes_impl list. CPython: Objects/bytearrayobject.c.
#include <algorithm>
#include "objects/abstract.hpp"
#include "objects/bytes.hpp"
#include "objects/bytes_internal.hpp"
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/getargs.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/slice.hpp"
#include "objects/str.hpp"
#include "objects/typeobject.hpp"

namespace terrarium {

int bytearray_init(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames);

namespace {

using namespace bytes_impl;

ByteArrayObject* alloc_bytearray(TypeObject* type) {
  auto* b = static_cast<ByteArrayObject*>(object_alloc(type, type->tp_basicsize));
  b->buffer = new std::string();
  return b;
}

void bytearray_dealloc(Object* o) {
  delete static_cast<ByteArrayObject*>(o)->buffer;
  object_free(o);
}

Object* bytearray_new(ThreadState*, TypeObject* type, Object* const*, std::size_t, Object*) {
  return alloc_bytearray(type);
}

// bytearray(b'...'), or the subclass's own name. CPython: bytearray_repr.
Object* bytearray_repr(ThreadState* ts, Object* o) {
  return new_str(ts, std::string(o->ob_type->tp_name) + "(" + repr_body(bytearray_buffer(o), true) + ")");
}
Py_ssize_t bytearray_length(ThreadState*, Object* o) { return static_cast<Py_ssize_t>(bytearray_buffer(o).size()); }
int bytearray_bool(ThreadState*, Object* o) { return !bytearray_buffer(o).empty(); }

bool bad_index_type(ThreadState* ts, Object* key) {
  raise(ts, &exc_TypeError, std::string("bytearray indices must be integers or slices, not ") + key->ob_type->tp_name);
  return false;
}

// An item index normalised against the current size, or IndexError.
bool item_index(ThreadState* ts, Object* self, Object* key, std::size_t& out) {
  if (!key->ob_type->nb_index) return bad_index_type(ts, key);
  std::int64_t i;
  if (!index_value(ts, key, i)) return false;
  auto len = static_cast<std::int64_t>(bytearray_buffer(self).size());
  if (i < 0) i += len;
  if (i < 0 || i >= len) {
    raise(ts, &exc_IndexError, "bytearray index out of range");
    return false;
  }
  out = static_cast<std::size_t>(i);
  return true;
}

Object* bytearray_subscript(ThreadState* ts, Object* o, Object* key) {
  if (is_slice(key)) {
    Py_ssize_t start, stop, step;
    Py_ssize_t n = slice_indices(ts, key, bytearray_length(ts, o), start, stop, step);
    if (n < 0) return nullptr;
    const std::string& v = bytearray_buffer(o);
    if (step == 1) return new_bytearray(ts, std::string_view(v).substr(static_cast<std::size_t>(start), static_cast<std::size_t>(n)));
    std::string out;
    for (Py_ssize_t i = 0, j = start; i < n; ++i, j += step) out += v[static_cast<std::size_t>(j)];
    return new_bytearray(ts, out);
  }
  std::size_t i;
  if (!item_index(ts, o, key, i)) return nullptr;
  return new_int(ts, static_cast<unsigned char>(bytearray_buffer(o)[i]));
}

// The new contents for a slice assignment: a buffer, or an iterable of ints. Numbers and
// str are refused up front, as CPython refuses them (they would otherwise be iterated or
// taken as a count).
bool slice_source(ThreadState* ts, Object* value, std::string& out) {
  std::string_view v;
  if (buffer_view(value, v)) return out.assign(v), true;
  bool number = value->ob_type->nb_index || is_instance(value, &float_type) ||
                type_lookup_str(value->ob_type, "__float__") || type_lookup_str(value->ob_type, "__int__");
  if (number || is_str(value)) {
    raise(ts, &exc_TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
    return false;
  }
  if (!value->ob_type->tp_iter && !type_lookup_str(value->ob_type, "__getitem__")) {
    raise(ts, &exc_TypeError, std::string("cannot convert '") + value->ob_type->tp_name + "' object to bytearray");
    return false;
  }
  return collect_ints(ts, value, out, "byte must be in range(0, 256)");
}

int bytearray_ass_slice(ThreadState* ts, Object* o, Object* key, Object* value) {
  std::string incoming;
  if (value && !slice_source(ts, value, incoming)) return -1;  // may run Python code: before the indices
  std::string& buf = bytearray_buffer(o);
  Py_ssize_t start, stop, step;
  Py_ssize_t n = slice_indices(ts, key, static_cast<Py_ssize_t>(buf.size()), start, stop, step);
  if (n < 0) return -1;
  if (step == 1) {
    buf.replace(static_cast<std::size_t>(start), static_cast<std::size_t>(n), incoming);
    return 0;
  }
  if (!value) {
    // Deleting an extended slice: keep every byte the slice does not pick.
    std::vector<bool> drop(buf.size(), false);
    for (Py_ssize_t i = 0, j = start; i < n; ++i, j += step) drop[static_cast<std::size_t>(j)] = true;
    std::string kept;
    for (std::size_t i = 0; i < buf.size(); ++i)
      if (!drop[i]) kept += buf[i];
    buf = std::move(kept);
    return 0;
  }
  if (static_cast<Py_ssize_t>(incoming.size()) != n) {
    raise(ts, &exc_ValueError, "attempt to assign bytes of size " + std::to_string(incoming.size()) +
                                   " to extended slice of size " + std::to_string(n));
    return -1;
  }
  for (Py_ssize_t i = 0, j = start; i < n; ++i, j += step) buf[static_cast<std::size_t>(j)] = incoming[static_cast<std::size_t>(i)];
  return 0;
}

int bytearray_ass_subscript(ThreadState* ts, Object* o, Object* key, Object* value) {
  if (is_slice(key)) return bytearray_ass_slice(ts, o, key, value);
  if (!key->ob_type->nb_index) return bad_index_type(ts, key), -1;
  std::uint8_t byte = 0;
  if (value && !byte_value(ts, value, byte)) return -1;
  std::size_t i;
  if (!item_index(ts, o, key, i)) return -1;
  std::string& buf = bytearray_buffer(o);
  if (value) buf[i] = static_cast<char>(byte);
  else buf.erase(i, 1);
  return 0;
}

Object* bytearray_inplace_concat(ThreadState* ts, Object* a, Object* b) {
  std::string_view v;
  if (!buffer_view(b, v))
    return raise(ts, &exc_TypeError, std::string("can't concat ") + b->ob_type->tp_name + " to " + a->ob_type->tp_name);
  std::string copy(v);  // b may be a itself
  bytearray_buffer(a) += copy;
  return newref(a);
}

Object* bytearray_inplace_repeat(ThreadState* ts, Object* a, Object* b) {
  if (!b->ob_type->nb_index) return newref(py_not_implemented());
  std::int64_t count;
  if (!index_value(ts, b, count)) return nullptr;
  std::string& buf = bytearray_buffer(a);
  if (count <= 0 || buf.empty()) {
    buf.clear();
    return newref(a);
  }
  if (static_cast<std::uint64_t>(count) > (std::uint64_t{1} << 31) / buf.size()) return raise(ts, &exc_MemoryError, "");
  std::string one = buf;
  for (std::int64_t i = 1; i < count; ++i) buf += one;
  return newref(a);
}

// ---- the methods only bytearray has ------------------------------------------------
Object* none() { return newref(py_none()); }

Object* m_append(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_arg(ts, "bytearray.append", nargs, kwnames)) return nullptr;
  std::uint8_t byte;
  if (!byte_value(ts, args[0], byte)) return nullptr;
  bytearray_buffer(self) += static_cast<char>(byte);
  return none();
}

Object* m_extend(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_arg(ts, "bytearray.extend", nargs, kwnames)) return nullptr;
  std::string incoming;
  std::string_view v;
  if (buffer_view(args[0], v)) {
    incoming.assign(v);
  } else if (!args[0]->ob_type->tp_iter && !type_lookup_str(args[0]->ob_type, "__getitem__")) {
    return raise(ts, &exc_TypeError, std::string("can't extend bytearray with ") + args[0]->ob_type->tp_name);
  } else if (!collect_ints(ts, args[0], incoming, "byte must be in range(0, 256)")) {
    return nullptr;
  }
  bytearray_buffer(self) += incoming;
  return none();
}

Object* m_pop(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_positional(ts, "pop", "bytearray.pop", nargs, kwnames, 0, 1)) return nullptr;
  std::int64_t i = -1;
  if (nargs && !index_value(ts, args[0], i)) return nullptr;
  std::string& buf = bytearray_buffer(self);
  if (buf.empty()) return raise(ts, &exc_IndexError, "pop from empty bytearray");
  auto len = static_cast<std::int64_t>(buf.size());
  if (i < 0) i += len;
  if (i < 0 || i >= len) return raise(ts, &exc_IndexError, "pop index out of range");
  auto byte = static_cast<unsigned char>(buf[static_cast<std::size_t>(i)]);
  buf.erase(static_cast<std::size_t>(i), 1);
  return new_int(ts, byte);
}

Object* m_insert(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_positional(ts, "insert", "bytearray.insert", nargs, kwnames, 2, 2)) return nullptr;
  std::int64_t i;
  std::uint8_t byte;
  if (!index_value(ts, args[0], i) || !byte_value(ts, args[1], byte)) return nullptr;
  std::string& buf = bytearray_buffer(self);
  auto len = static_cast<std::int64_t>(buf.size());
  if (i < 0) i = std::max<std::int64_t>(0, i + len);
  if (i > len) i = len;
  buf.insert(static_cast<std::size_t>(i), 1, static_cast<char>(byte));
  return none();
}

Object* m_remove(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_arg(ts, "bytearray.remove", nargs, kwnames)) return nullptr;
  std::uint8_t byte;
  if (!byte_value(ts, args[0], byte)) return nullptr;
  std::string& buf = bytearray_buffer(self);
  std::size_t at = buf.find(static_cast<char>(byte));
  if (at == std::string::npos) return raise(ts, &exc_ValueError, "value not found in bytearray");
  buf.erase(at, 1);
  return none();
}

Object* m_clear(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_args(ts, "bytearray.clear", nargs, kwnames)) return nullptr;
  bytearray_buffer(self).clear();
  return none();
}

Object* m_reverse(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_args(ts, "bytearray.reverse", nargs, kwnames)) return nullptr;
  std::string& buf = bytearray_buffer(self);
  std::reverse(buf.begin(), buf.end());
  return none();
}

Object* m_copy(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_args(ts, "bytearray.copy", nargs, kwnames)) return nullptr;
  return new_bytearray(ts, bytearray_buffer(self));
}

const MethodDef kByteArrayMethods[] = {
#define TERRARIUM_BYTES_METHOD_ENTRY(py_name, c_name, flags) {py_name, bytes_impl::c_name, flags},
    TERRARIUM_BYTES_METHODS(TERRARIUM_BYTES_METHOD_ENTRY)
#undef TERRARIUM_BYTES_METHOD_ENTRY
    {"append", m_append, METH_INSTANCE}, {"extend", m_extend, METH_INSTANCE},   {"pop", m_pop, METH_INSTANCE},
    {"insert", m_insert, METH_INSTANCE}, {"remove", m_remove, METH_INSTANCE},   {"clear", m_clear, METH_INSTANCE},
    {"reverse", m_reverse, METH_INSTANCE}, {"copy", m_copy, METH_INSTANCE},     {nullptr, nullptr, 0},
};

}  // namespace

Object* new_bytearray(ThreadState*, std::string_view data) {
  ByteArrayObject* b = alloc_bytearray(&bytearray_type);
  b->buffer->assign(data);
  return b;
}

TypeObject bytearray_type = [] {
  TypeObject t = make_static_type("bytearray", sizeof(ByteArrayObject), &object_type);
  t.tp_flags = TPFLAGS_BASETYPE | TPFLAGS_MATCH_SELF;
  t.tp_dealloc = bytearray_dealloc;
  t.tp_repr = bytearray_repr;
  t.tp_hash = nullptr;  // mutable, so unhashable
  t.tp_richcompare = bytes_impl::richcompare;
  t.nb_bool = bytearray_bool;
  t.mp_length = bytearray_length;
  t.mp_subscript = bytearray_subscript;
  t.mp_ass_subscript = bytearray_ass_subscript;
  t.sq_contains = bytes_impl::contains;
  t.tp_iter = bytes_impl::iter;
  t.nb_binary[static_cast<int>(BinaryOp::Add)] = bytes_impl::concat;
  t.nb_binary[static_cast<int>(BinaryOp::Multiply)] = bytes_impl::repeat;
  t.nb_binary[static_cast<int>(BinaryOp::Remainder)] = bytes_impl::remainder;
  t.nb_inplace[static_cast<int>(BinaryOp::Add)] = bytearray_inplace_concat;
  t.nb_inplace[static_cast<int>(BinaryOp::Multiply)] = bytearray_inplace_repeat;
  t.tp_new = bytearray_new;
  t.tp_init = bytearray_init;
  t.tp_methods = kByteArrayMethods;
  t.tp_doc =
      "bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> bytearray\n"
      "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\nbytearray(int) -> bytes array of size given by "
      "the parameter initialized with null bytes\nbytearray() -> empty bytes array\n\nConstruct a mutable bytearray "
      "object from:\n  - an iterable yielding integers in range(256)\n  - a text string encoded using the specified "
      "encoding\n  - a bytes or a buffer object\n  - any object implementing the buffer API.\n  - an integer";
  return t;
}();

}  // namespace terrarium
