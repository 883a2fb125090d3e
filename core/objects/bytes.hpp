// bytes (immutable, stored inline after the header like CPython's PyBytesObject) and
// bytearray (mutable, a growable buffer), and the one "bytes-like object" test the rest of
// the code base uses to accept either. memoryview and the full buffer protocol are not here.
// CPython: Objects/bytesobject.c, Objects/bytearrayobject.c, Include/cpython/bytesobject.h.
#pragma once
#include <string>
#include <string_view>
#include "objects/object.hpp"

namespace terrarium {

// Invariant: data[size] is a NUL that is not part of the value, so the bytes can be handed
// to C functions; hash is -1 until first computed.
struct BytesObject : Object {
  Py_ssize_t size;
  Py_hash_t hash;
  char data[1];
};

struct ByteArrayObject : Object {
  std::string* buffer;  // owned; the value, which may contain NULs
};

extern TypeObject bytes_type;
extern TypeObject bytearray_type;
extern TypeObject bytes_iterator_type;
extern TypeObject bytearray_iterator_type;

inline bool is_bytes(Object* o) { return is_instance(o, &bytes_type); }
inline bool is_exact_bytes(Object* o) { return o->ob_type == &bytes_type; }
inline bool is_bytearray(Object* o) { return is_instance(o, &bytearray_type); }
inline std::string_view bytes_view(Object* o) {
  auto* b = static_cast<BytesObject*>(o);
  return {b->data, static_cast<std::size_t>(b->size)};
}
inline std::string& bytearray_buffer(Object* o) { return *static_cast<ByteArrayObject*>(o)->buffer; }

// An exact bytes holding a copy of `data`; the empty and one-byte values are shared
// immortal singletons, as CPython caches them.
[[nodiscard]] Object* new_bytes(ThreadState* ts, std::string_view data);
[[nodiscard]] Object* new_bytearray(ThreadState* ts, std::string_view data);

// The bytes-like objects Terrarium knows (bytes and bytearray): true and their contents in
// `out`, or false (no error set). A bytearray's view is valid only until Python code runs.
bool buffer_view(Object* o, std::string_view& out);
// The same, with TypeError "a bytes-like object is required, not 'str'" when it is not one.
[[nodiscard]] bool expect_buffer(ThreadState* ts, Object* o, std::string_view& out);

Py_hash_t bytes_hash(Object* o);
// b'...' as repr() shows it (CPython: PyBytes_Repr with smartquotes).
std::string bytes_repr_string(std::string_view data);

// bytes(x) for any x: __bytes__, buffers, iterables of ints; CPython: PyObject_Bytes
// (with the bytes(int) and bytes(str) cases that bytes() itself rejects).
[[nodiscard]] Object* bytes_from_object(ThreadState* ts, Object* o);

}  // namespace terrarium
