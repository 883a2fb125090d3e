// Private to the str_*.cpp files: the one list of str's methods (expanded into
// declarations here and into the method table in str.cpp) and helpers the method files
// share. Not for use outside core/objects/str*.cpp, except that the bytes*.cpp methods
// reuse slice_bounds and the byte searches.
#pragma once
#include <string>
#include <string_view>
#include "objects/object.hpp"
#include "objects/str.hpp"

namespace terrarium::str_impl {

// X-macro: METHOD(python_name, c_function, flags)
#define TERRARIUM_STR_METHODS(METHOD)                                                             \
  METHOD("split", m_split, METH_INSTANCE) METHOD("rsplit", m_rsplit, METH_INSTANCE)               \
  METHOD("splitlines", m_splitlines, METH_INSTANCE) METHOD("join", m_join, METH_INSTANCE)         \
  METHOD("strip", m_strip, METH_INSTANCE) METHOD("lstrip", m_lstrip, METH_INSTANCE)               \
  METHOD("rstrip", m_rstrip, METH_INSTANCE) METHOD("partition", m_partition, METH_INSTANCE)       \
  METHOD("rpartition", m_rpartition, METH_INSTANCE)                                               \
  METHOD("startswith", m_startswith, METH_INSTANCE) METHOD("endswith", m_endswith, METH_INSTANCE) \
  METHOD("find", m_find, METH_INSTANCE) METHOD("rfind", m_rfind, METH_INSTANCE)                   \
  METHOD("index", m_index, METH_INSTANCE) METHOD("rindex", m_rindex, METH_INSTANCE)               \
  METHOD("count", m_count, METH_INSTANCE) METHOD("replace", m_replace, METH_INSTANCE)             \
  METHOD("removeprefix", m_removeprefix, METH_INSTANCE)                                           \
  METHOD("removesuffix", m_removesuffix, METH_INSTANCE)                                           \
  METHOD("upper", m_upper, METH_INSTANCE) METHOD("lower", m_lower, METH_INSTANCE)                 \
  METHOD("capitalize", m_capitalize, METH_INSTANCE) METHOD("title", m_title, METH_INSTANCE)       \
  METHOD("swapcase", m_swapcase, METH_INSTANCE) METHOD("casefold", m_casefold, METH_INSTANCE)     \
  METHOD("isdigit", m_isdigit, METH_INSTANCE) METHOD("isalpha", m_isalpha, METH_INSTANCE)         \
  METHOD("isalnum", m_isalnum, METH_INSTANCE) METHOD("isspace", m_isspace, METH_INSTANCE)         \
  METHOD("isupper", m_isupper, METH_INSTANCE) METHOD("islower", m_islower, METH_INSTANCE)         \
  METHOD("istitle", m_istitle, METH_INSTANCE) METHOD("isidentifier", m_isidentifier, METH_INSTANCE) \
  METHOD("isdecimal", m_isdecimal, METH_INSTANCE) METHOD("isnumeric", m_isnumeric, METH_INSTANCE) \
  METHOD("isprintable", m_isprintable, METH_INSTANCE) METHOD("isascii", m_isascii, METH_INSTANCE) \
  METHOD("center", m_center, METH_INSTANCE) METHOD("ljust", m_ljust, METH_INSTANCE)               \
  METHOD("rjust", m_rjust, METH_INSTANCE) METHOD("zfill", m_zfill, METH_INSTANCE)                 \
  METHOD("expandtabs", m_expandtabs, METH_INSTANCE) METHOD("encode", m_encode, METH_INSTANCE)     \
  METHOD("format", m_format, METH_INSTANCE) METHOD("format_map", m_format_map, METH_INSTANCE)     \
  METHOD("__format__", m_dunder_format, METH_INSTANCE)                                            \
  METHOD("maketrans", m_maketrans, METH_CLASS) METHOD("translate", m_translate, METH_INSTANCE)    \
  METHOD("__getnewargs__", m_getnewargs, METH_INSTANCE)

#define TERRARIUM_DECLARE_STR_METHOD(py_name, c_name, flags) \
  Object* c_name(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames);
TERRARIUM_STR_METHODS(TERRARIUM_DECLARE_STR_METHOD)
#undef TERRARIUM_DECLARE_STR_METHOD

// The % operator (str_mod.cpp). CPython: PyUnicode_Format.
Object* str_remainder(ThreadState* ts, Object* a, Object* b);
// The formatting itself, for str and (bytes_mode, bytes_mod.cpp) bytes: format and out are
// UTF-8; in bytes mode every code point of both is a byte value (below 256).
[[nodiscard]] bool printf_format(ThreadState* ts, std::string_view format, Object* values, bool bytes_mode,
                                 std::string& out);

// A str argument or TypeError "<context>must be str, not int" (context may be "").
[[nodiscard]] bool expect_str(ThreadState* ts, Object* o, const std::string& context);
// Reads optional start/end arguments of find/count/startswith... (None, int or __index__,
// clamped as CPython's _PyEval_SliceIndex) and adjusts them against len as ADJUST_INDICES.
[[nodiscard]] bool slice_bounds(ThreadState* ts, Object* start_arg, Object* end_arg, Py_ssize_t len,
                                Py_ssize_t& start, Py_ssize_t& end);
// Byte search in UTF-8 (which is self-synchronising, so a byte match is a code-point match).
std::size_t find_bytes(std::string_view hay, std::string_view needle, std::size_t from);
std::size_t rfind_bytes(std::string_view hay, std::string_view needle, std::size_t to_end);
// A new str from text whose code points are counted here; an exact-str self when unchanged.
[[nodiscard]] Object* result_or_self(ThreadState* ts, Object* self, std::string&& text);
// A new exact str of `bytes` bytes (NUL-terminated) whose data the caller fills; the
// caller also sets length and is_ascii. Not for results that may be empty or one char
// (those must be the singletons).
[[nodiscard]] StrObject* alloc_exact_str(std::size_t bytes);
// Counts code points in UTF-8.
Py_ssize_t count_chars(std::string_view utf8);

}  // namespace terrarium::str_impl
