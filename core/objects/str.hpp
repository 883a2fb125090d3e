// str: immutable text stored as UTF-8 (so str_view hands the rest of the code base its
// bytes for free) with its length in code points, a cached hash, and, for non-ASCII text,
// a code-point index built on first positional access so s[i], slices and find(sub, i)
// stay O(1) per position (PEP 393 reaches the same with fixed-width storage).
// The empty string and every one-character Latin-1 string are immortal singletons, as in
// CPython, so `s[0] is s[0]`.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include "objects/object.hpp"

namespace terrarium {

// Every kStrIndexStride-th code point's byte offset is recorded in the index.
constexpr Py_ssize_t kStrIndexStride = 16;

struct StrObject : Object {
  Py_ssize_t length;      // code points
  Py_hash_t hash;         // -1 until computed
  // Non-ASCII only, null until needed: index[k] is the byte offset of code point
  // k * kStrIndexStride. Owned (malloc); built under the GIL, never changed afterwards.
  std::uint32_t* index;
  std::size_t utf8_size;  // bytes, excluding the trailing NUL
  bool is_ascii;          // then byte offsets are code-point positions
  char data[1];           // utf8_size bytes plus NUL
};

extern TypeObject str_type;
extern TypeObject str_iterator_type;        // iter() of non-ASCII text
extern TypeObject str_ascii_iterator_type;  // iter() of ASCII text (CPython 3.11 has both)

// All constructors take valid (generalised: lone surrogates allowed) UTF-8.
[[nodiscard]] Object* new_str(ThreadState* ts, std::string_view utf8);
// When the caller already knows the code-point count (slices, joins of str parts).
[[nodiscard]] Object* new_str_with_length(ThreadState* ts, std::string_view utf8, Py_ssize_t length);
// A one-code-point string; Latin-1 ones are the cached singletons.
[[nodiscard]] Object* new_str_from_char(ThreadState* ts, char32_t cp);
// Interning (str_intern.cpp): consume a reference to s and return one to the canonical
// string equal to it (s itself when it is the first). Non-exact str come back unchanged.
[[nodiscard]] Object* intern_str(ThreadState* ts, Object* s);
// The same for names read from source: one-character ASCII ones get their own object
// rather than the character cache, as CPython's parser makes them.
[[nodiscard]] Object* intern_source_str(ThreadState* ts, Object* s);
// The same for a code object's constant: only identifier-like text is interned.
[[nodiscard]] Object* intern_constant_str(ThreadState* ts, Object* s);
inline bool is_str(Object* o) { return is_instance(o, &str_type); }
inline bool is_exact_str(Object* o) { return o->ob_type == &str_type; }
inline std::string_view str_view(Object* o) {
  auto* s = static_cast<StrObject*>(o);
  return {s->data, s->utf8_size};
}
inline Py_ssize_t str_length(Object* o) { return static_cast<StrObject*>(o)->length; }
inline bool str_is_ascii(Object* o) { return static_cast<StrObject*>(o)->is_ascii; }

// Byte offset of code point i (0 <= i <= length). O(1): ASCII directly, otherwise through
// the index and at most kStrIndexStride - 1 steps.
std::size_t str_byte_offset(Object* o, Py_ssize_t i);
// The code-point position of a byte offset that starts a code point. O(log n).
Py_ssize_t str_char_index(Object* o, std::size_t byte_offset);
char32_t str_char_at(Object* o, Py_ssize_t i);
// s[start:stop] for 0 <= start <= stop <= length (code points); may return s itself.
[[nodiscard]] Object* str_substring(ThreadState* ts, Object* s, Py_ssize_t start, Py_ssize_t stop);

// `*left + right` for two str, reusing *left's memory when the caller owns the only
// reference to it (CPython's unicode_concatenate trick, which keeps `s += piece` loops
// linear). Consumes the reference in *left and stores the result there; false with an
// error set on failure (then *left is null).
[[nodiscard]] bool str_concat_in_place(ThreadState* ts, Object** left, Object* right);

Py_hash_t str_hash(Object* o);
// Computes what str otherwise fills in on first use (the hash, the code-point index), for
// a string about to be shared between OS threads, which must then only read it.
void str_fill_lazy_fields(Object* o);
bool str_equal(Object* a, Object* b);
std::string str_repr_string(std::string_view utf8);   // CPython: unicode_repr
std::string ascii_repr_string(std::string_view utf8);  // ascii(): repr with non-ASCII escaped
// ascii() of any object: repr, then non-ASCII code points escaped. CPython: PyObject_ASCII.
[[nodiscard]] Object* object_ascii(ThreadState* ts, Object* o);

}  // namespace terrarium
