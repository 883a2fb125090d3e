// bytes storage: allocation, the shared empty and one-byte singletons, hashing, repr,
// indexing, and the type object with its slots. The operators both bytes types share live
// in bytes_ops.cpp, the constructors in bytes_new.cpp, the methods in bytes_*.cpp.
// CPython: Objects/bytesobject.c (PyBytes_FromStringAndSize, PyBytes_Repr, bytes_subscript).
#include "objects/bytes.hpp"

#include <cstddef>
#include <cstdio>
#include <cstring>
#include "objects/abstract.hpp"
#include "objects/bytes_internal.hpp"
#include "objects/exceptions.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/slice.hpp"
#include "objects/str.hpp"

namespace terrarium {

namespace {

// Room for one byte and the NUL.
struct SmallBytes {
  BytesObject b;
  char room[2];
};

struct Singletons {
  SmallBytes empty;
  SmallBytes single[256];
};

void init_small(SmallBytes& out, std::string_view data) {
  out.b.ob_refcnt = kImmortalRefcnt;
  out.b.ob_type = &bytes_type;
  out.b.hash = -1;
  out.b.size = static_cast<Py_ssize_t>(data.size());
  // Through a plain pointer: the bytes run past data[1] into `room`.
  char* dst = reinterpret_cast<char*>(&out) + offsetof(BytesObject, data);
  if (!data.empty()) std::memcpy(dst, data.data(), data.size());  // data() may be null when empty
  dst[data.size()] = '\0';
  // Hashed now: the singletons are shared by every thread, so nothing writes to them later.
  (void)bytes_hash(&out.b);
}

// Immortal, built on first use so translation-unit initialisation order cannot matter.
// CPython: the bytes characters[] cache and the empty-bytes singleton.
Singletons& singletons() {
  static Singletons* table = [] {
    auto* t = new Singletons;
    init_small(t->empty, {});
    for (int c = 0; c < 256; ++c) {
      char byte = static_cast<char>(c);
      init_small(t->single[c], std::string_view(&byte, 1));
    }
    return t;
  }();
  return *table;
}

}  // namespace

Object* new_bytes(ThreadState*, std::string_view data) {
  if (data.empty()) return newref<Object>(&singletons().empty.b);
  if (data.size() == 1) return newref<Object>(&singletons().single[static_cast<unsigned char>(data[0])].b);
  auto* b = static_cast<BytesObject*>(object_alloc(&bytes_type, sizeof(BytesObject) + data.size()));
  b->size = static_cast<Py_ssize_t>(data.size());
  b->hash = -1;
  std::memcpy(b->data, data.data(), data.size());
  b->data[data.size()] = '\0';
  return b;
}

// A bytes subclass instance (no sharing: each has its own identity and maybe a __dict__).
Object* bytes_impl::new_bytes_of_type(ThreadState* ts, TypeObject* type, std::string_view data) {
  if (type == &bytes_type) return new_bytes(ts, data);
  auto* b = static_cast<BytesObject*>(object_alloc(type, sizeof(BytesObject) + data.size()));
  b->size = static_cast<Py_ssize_t>(data.size());
  b->hash = -1;
  std::memcpy(b->data, data.data(), data.size());
  b->data[data.size()] = '\0';
  return b;
}

bool buffer_view(Object* o, std::string_view& out) {
  if (is_bytes(o)) return out = bytes_view(o), true;
  if (is_bytearray(o)) return out = bytearray_buffer(o), true;
  return false;
}

bool expect_buffer(ThreadState* ts, Object* o, std::string_view& out) {
  if (buffer_view(o, out)) return true;
  raise(ts, &exc_TypeError, std::string("a bytes-like object is required, not '") + o->ob_type->tp_name + "'");
  return false;
}

Py_hash_t bytes_hash(Object* o) {
  auto* b = static_cast<BytesObject*>(o);
  if (b->hash != -1) return b->hash;
  // The same FNV-1a as str (str.cpp), so hash(b'abc') == hash('abc') as in CPython, where
  // both hash the same bytes with one function.
  std::uint64_t h = 1469598103934665603ull;
  for (Py_ssize_t i = 0; i < b->size; ++i) {
    h ^= static_cast<unsigned char>(b->data[i]);
    h *= 1099511628211ull;
  }
  auto r = static_cast<Py_hash_t>(h);
  if (r == -1) r = -2;
  b->hash = r;
  return r;
}

std::string bytes_repr_string(std::string_view data) { return bytes_impl::repr_body(data, false); }

// CPython's bytearray_repr escapes every single quote, even inside double quotes.
std::string bytes_impl::repr_body(std::string_view data, bool escape_all_single_quotes) {
  // Single quotes unless the value has a single quote and no double one (smartquotes).
  bool has_single = data.find('\'') != std::string_view::npos;
  bool has_double = data.find('"') != std::string_view::npos;
  char quote = has_single && !has_double ? '"' : '\'';
  std::string out = "b";
  out += quote;
  for (unsigned char c : data) {
    if (c == quote || c == '\\' || (escape_all_single_quotes && c == '\'')) {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += quote;
  return out;
}

namespace bytes_impl {

std::string qualname(Object* self, const char* method) { return std::string(kind_name(self)) + "." + method; }

Object* new_like(ThreadState* ts, Object* self, std::string_view data) {
  return is_bytearray(self) ? new_bytearray(ts, data) : new_bytes(ts, data);
}

Object* unchanged(ThreadState* ts, Object* self) {
  if (is_exact_bytes(self)) return newref(self);
  return new_like(ts, self, self_view(self));
}

bool byte_value(ThreadState* ts, Object* o, std::uint8_t& out) {
  Object* n = number_index(ts, o);
  if (!n) return false;
  bool ok = int_fits_int64(n) && int_value(n) >= 0 && int_value(n) <= 255;
  out = static_cast<std::uint8_t>(ok ? int_value(n) : 0);
  decref(n);
  if (!ok) raise(ts, &exc_ValueError, "byte must be in range(0, 256)");
  return ok;
}

bool sub_argument(ThreadState* ts, Object* o, std::string& out) {
  std::string_view v;
  if (buffer_view(o, v)) return out.assign(v), true;
  if (!o->ob_type->nb_index) {
    raise(ts, &exc_TypeError,
          std::string("argument should be integer or bytes-like object, not '") + o->ob_type->tp_name + "'");
    return false;
  }
  std::uint8_t b;
  if (!byte_value(ts, o, b)) return false;
  out.assign(1, static_cast<char>(b));
  return true;
}

}  // namespace bytes_impl

namespace {

using namespace bytes_impl;

Object* bytes_repr(ThreadState* ts, Object* o) { return new_str(ts, bytes_repr_string(bytes_view(o))); }
Py_hash_t bytes_hash_slot(ThreadState*, Object* o) { return bytes_hash(o); }
Py_ssize_t bytes_length(ThreadState*, Object* o) { return static_cast<BytesObject*>(o)->size; }
int bytes_bool(ThreadState*, Object* o) { return static_cast<BytesObject*>(o)->size != 0; }

Object* bytes_subscript(ThreadState* ts, Object* o, Object* key) {
  std::string_view v = bytes_view(o);
  auto len = static_cast<Py_ssize_t>(v.size());
  if (is_slice(key)) {
    Py_ssize_t start, stop, step;
    Py_ssize_t n = slice_indices(ts, key, len, start, stop, step);
    if (n < 0) return nullptr;
    if (step == 1) {
      if (n == len && is_exact_bytes(o)) return newref(o);
      return new_bytes(ts, v.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(n)));
    }
    std::string out;
    out.reserve(static_cast<std::size_t>(n));
    for (Py_ssize_t i = 0, j = start; i < n; ++i, j += step) out += v[static_cast<std::size_t>(j)];
    return new_bytes(ts, out);
  }
  if (!key->ob_type->nb_index)
    return raise(ts, &exc_TypeError, std::string("byte indices must be integers or slices, not ") + key->ob_type->tp_name);
  std::int64_t i;
  if (!index_value(ts, key, i)) return nullptr;
  if (i < 0) i += len;
  if (i < 0 || i >= len) return raise(ts, &exc_IndexError, "index out of range");
  return new_int(ts, static_cast<unsigned char>(v[static_cast<std::size_t>(i)]));
}

}  // namespace

Object* bytes_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames);

namespace {

const MethodDef kBytesMethods[] = {
#define TERRARIUM_BYTES_METHOD_ENTRY(py_name, c_name, flags) {py_name, bytes_impl::c_name, flags},
    TERRARIUM_BYTES_METHODS(TERRARIUM_BYTES_METHOD_ENTRY)
#undef TERRARIUM_BYTES_METHOD_ENTRY
    {"__getnewargs__", bytes_impl::m_getnewargs, METH_INSTANCE},
    {nullptr, nullptr, 0},
};

}  // namespace

TypeObject bytes_type = [] {
  TypeObject t = make_static_type("bytes", sizeof(BytesObject), &object_type);
  t.tp_flags = TPFLAGS_BASETYPE | TPFLAGS_MATCH_SELF;
  t.tp_repr = bytes_repr;
  t.tp_hash = bytes_hash_slot;
  t.tp_richcompare = bytes_impl::richcompare;
  t.nb_bool = bytes_bool;
  t.mp_length = bytes_length;
  t.mp_subscript = bytes_subscript;
  t.sq_contains = bytes_impl::contains;
  t.tp_iter = bytes_impl::iter;
  t.nb_binary[static_cast<int>(BinaryOp::Add)] = bytes_impl::concat;
  t.nb_binary[static_cast<int>(BinaryOp::Multiply)] = bytes_impl::repeat;
  t.nb_binary[static_cast<int>(BinaryOp::Remainder)] = bytes_impl::remainder;
  t.tp_new = bytes_new;
  t.tp_methods = kBytesMethods;
  t.tp_doc =
      "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\nbytes(bytes_or_buffer) -> "
      "immutable copy of bytes_or_buffer\nbytes(int) -> bytes object of size given by the parameter initialized with "
      "null bytes\nbytes() -> empty bytes object\n\nConstruct an immutable array of bytes from:\n  - an iterable "
      "yielding integers in range(256)\n  - a text string encoded using the specified encoding\n  - any object "
      "implementing the buffer API.\n  - an integer";
  return t;
}();

}  // namespace terrarium
