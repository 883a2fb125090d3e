// Private to the bytes*.cpp and bytearray*.cpp files: the one list of the methods bytes
// and bytearray share (CPython keeps most of them in Objects/bytes_methods.c and the
// stringlib templates, instantiated for both types), and the helpers those files share.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include "objects/bytes.hpp"
#include "objects/object.hpp"

namespace terrarium::bytes_impl {

// X-macro: METHOD(python_name, c_function, flags). Installed on both types.
#define TERRARIUM_BYTES_METHODS(METHOD)                                                               \
  METHOD("split", m_split, METH_INSTANCE) METHOD("rsplit", m_rsplit, METH_INSTANCE)                   \
  METHOD("splitlines", m_splitlines, METH_INSTANCE) METHOD("join", m_join, METH_INSTANCE)             \
  METHOD("strip", m_strip, METH_INSTANCE) METHOD("lstrip", m_lstrip, METH_INSTANCE)                   \
  METHOD("rstrip", m_rstrip, METH_INSTANCE) METHOD("partition", m_partition, METH_INSTANCE)           \
  METHOD("rpartition", m_rpartition, METH_INSTANCE)                                                   \
  METHOD("startswith", m_startswith, METH_INSTANCE) METHOD("endswith", m_endswith, METH_INSTANCE)     \
  METHOD("find", m_find, METH_INSTANCE) METHOD("rfind", m_rfind, METH_INSTANCE)                       \
  METHOD("index", m_index, METH_INSTANCE) METHOD("rindex", m_rindex, METH_INSTANCE)                   \
  METHOD("count", m_count, METH_INSTANCE) METHOD("replace", m_replace, METH_INSTANCE)                 \
  METHOD("removeprefix", m_removeprefix, METH_INSTANCE)                                               \
  METHOD("removesuffix", m_removesuffix, METH_INSTANCE)                                               \
  METHOD("upper", m_upper, METH_INSTANCE) METHOD("lower", m_lower, METH_INSTANCE)                     \
  METHOD("capitalize", m_capitalize, METH_INSTANCE) METHOD("title", m_title, METH_INSTANCE)           \
  METHOD("swapcase", m_swapcase, METH_INSTANCE)                                                       \
  METHOD("isdigit", m_isdigit, METH_INSTANCE) METHOD("isalpha", m_isalpha, METH_INSTANCE)             \
  METHOD("isalnum", m_isalnum, METH_INSTANCE) METHOD("isspace", m_isspace, METH_INSTANCE)             \
  METHOD("isupper", m_isupper, METH_INSTANCE) METHOD("islower", m_islower, METH_INSTANCE)             \
  METHOD("istitle", m_istitle, METH_INSTANCE) METHOD("isascii", m_isascii, METH_INSTANCE)             \
  METHOD("center", m_center, METH_INSTANCE) METHOD("ljust", m_ljust, METH_INSTANCE)                   \
  METHOD("rjust", m_rjust, METH_INSTANCE) METHOD("zfill", m_zfill, METH_INSTANCE)                     \
  METHOD("expandtabs", m_expandtabs, METH_INSTANCE) METHOD("decode", m_decode, METH_INSTANCE)         \
  METHOD("hex", m_hex, METH_INSTANCE) METHOD("fromhex", m_fromhex, METH_CLASS)                        \
  METHOD("maketrans", m_maketrans, METH_CLASS) METHOD("translate", m_translate, METH_INSTANCE)

#define TERRARIUM_DECLARE_BYTES_METHOD(py_name, c_name, flags) \
  Object* c_name(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames);
TERRARIUM_BYTES_METHODS(TERRARIUM_DECLARE_BYTES_METHOD)
#undef TERRARIUM_DECLARE_BYTES_METHOD
// bytes only (bytearray has no __getnewargs__).
Object* m_getnewargs(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames);

// The operators both types share (bytes_ops.cpp).
Object* richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op);
Object* concat(ThreadState* ts, Object* a, Object* b);
Object* repeat(ThreadState* ts, Object* a, Object* b);
int contains(ThreadState* ts, Object* self, Object* item);
Object* iter(ThreadState* ts, Object* self);
// The % operator (bytes_mod.cpp). CPython: _PyBytes_FormatEx.
Object* remainder(ThreadState* ts, Object* a, Object* b);

// bytes or bytearray self's contents; re-read after anything that may run Python code.
inline std::string_view self_view(Object* self) {
  return is_bytearray(self) ? std::string_view(bytearray_buffer(self)) : bytes_view(self);
}
// "bytes" or "bytearray", as CPython's messages name self's kind.
inline const char* kind_name(Object* self) { return is_bytearray(self) ? "bytearray" : "bytes"; }
// "bytes.upper": the prefix of argument-count messages.
std::string qualname(Object* self, const char* method);
// A bytes of `type` (bytes itself or a subclass) holding a copy of data.
[[nodiscard]] Object* new_bytes_of_type(ThreadState* ts, TypeObject* type, std::string_view data);
// b'...' for repr(); bytearray's repr escapes every ' (CPython's two reprs differ there).
std::string repr_body(std::string_view data, bool escape_all_single_quotes);
// A result of self's kind (a bytearray method returns a bytearray).
[[nodiscard]] Object* new_like(ThreadState* ts, Object* self, std::string_view data);
// An unchanged result: an exact bytes is returned itself (CPython shares it), others copy.
[[nodiscard]] Object* unchanged(ThreadState* ts, Object* self);

// An int in range(0, 256) ("byte must be in range(0, 256)"); non-ints fail as __index__ does.
[[nodiscard]] bool byte_value(ThreadState* ts, Object* o, std::uint8_t& out);
// find/count/index's sub argument: an int byte or a bytes-like object, copied into out.
[[nodiscard]] bool sub_argument(ThreadState* ts, Object* o, std::string& out);
// Appends the bytes of an iterable of ints to out (bytes(iterable), bytearray.extend); `range_message`
// is the ValueError text for an int outside 0..255 (bytes and bytearray word it differently).
[[nodiscard]] bool collect_ints(ThreadState* ts, Object* iterable, std::string& out, const char* range_message);

// ASCII classification as bytes methods use it (CPython: Python/pyctype.c, locale-free).
inline bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
inline bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
inline bool is_alpha(unsigned char c) { return is_lower(c) || is_upper(c); }
inline bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
inline bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline char to_upper(unsigned char c) { return static_cast<char>(is_lower(c) ? c - 32 : c); }
inline char to_lower(unsigned char c) { return static_cast<char>(is_upper(c) ? c + 32 : c); }

}  // namespace terrarium::bytes_impl
