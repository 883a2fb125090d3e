// str: immutable text stored as UTF-8 with its length in code points and a cached hash.
// Indexing and slicing are not exposed yet; when they are, non-ASCII strings need
// CPython's fixed-width storage (PEP 393) or an index so s[i] stays O(1).
#pragma once
#include <string>
#include <string_view>
#include "objects/object.hpp"

namespace terrarium {

struct StrObject : Object {
  Py_ssize_t length;      // code points
  Py_hash_t hash;         // -1 until computed
  bool is_ascii;
  std::size_t utf8_size;  // bytes, excluding the trailing NUL
  char data[1];           // utf8_size bytes plus NUL
};

extern TypeObject str_type;

[[nodiscard]] Object* new_str(ThreadState* ts, std::string_view utf8);
inline bool is_str(Object* o) { return is_instance(o, &str_type); }
inline std::string_view str_view(Object* o) {
  auto* s = static_cast<StrObject*>(o);
  return {s->data, s->utf8_size};
}
Py_hash_t str_hash(Object* o);
bool str_equal(Object* a, Object* b);
std::string str_repr_string(std::string_view utf8);  // CPython: unicode_repr

}  // namespace terrarium
