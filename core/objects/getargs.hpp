// Argument checking for built-in functions and methods, with the exact TypeError texts
// CPython's several calling conventions produce (METH_NOARGS, METH_O, Argument Clinic's
// positional checks and keyword unpacking, and the older PyArg_ParseTuple).
// CPython: Python/getargs.c (_PyArg_CheckPositional, _PyArg_UnpackKeywords, vgetargs1).
#pragma once
#include <cstddef>
#include "objects/object.hpp"
#include "objects/tuple.hpp"

namespace terrarium {

inline std::size_t kwcount(Object* kwnames) { return kwnames ? static_cast<std::size_t>(tuple_size(kwnames)) : 0; }
// "str.upper() takes no keyword arguments"; qualname is "str.upper".
// The argument check of a slot wrapper such as int.__float__ (CPython's wrap_* functions):
// no keywords, exactly `expected` positional arguments ("expected 0 arguments, got 1").
[[nodiscard]] bool wrapper_args(ThreadState* ts, const char* name, std::size_t expected, std::size_t nargs,
                                Object* kwnames);
[[nodiscard]] bool no_kwargs(ThreadState* ts, const char* qualname, Object* kwnames);
// METH_NOARGS: "str.upper() takes no arguments (1 given)".
[[nodiscard]] bool no_args(ThreadState* ts, const char* qualname, std::size_t nargs, Object* kwnames);
// METH_O: "str.zfill() takes exactly one argument (0 given)".
[[nodiscard]] bool one_arg(ThreadState* ts, const char* qualname, std::size_t nargs, Object* kwnames);
// Clinic positional-only: "center expected at least 1 argument, got 0". Keywords rejected
// with the qualified name.
[[nodiscard]] bool check_positional(ThreadState* ts, const char* name, const char* qualname, std::size_t nargs,
                                    Object* kwnames, std::size_t min, std::size_t max);
// PyArg_ParseTuple style: "find() takes at least 1 argument (0 given)".
[[nodiscard]] bool check_tuple_args(ThreadState* ts, const char* name, const char* qualname, std::size_t nargs,
                                    Object* kwnames, std::size_t min, std::size_t max);

// The type name in Argument Clinic's "argument 1 must be str, not X" messages: clinic
// says "None" where older checks say "NoneType". CPython: _PyArg_BadArgument.
const char* clinic_type_name(Object* o);

// Argument Clinic's Py_ssize_t and int parameters: __index__, then a range check with
// "Python int too large to convert to C ssize_t" (or "C int").
[[nodiscard]] bool ssize_arg(ThreadState* ts, Object* o, std::int64_t& out);
[[nodiscard]] bool c_int_arg(ThreadState* ts, Object* o, std::int64_t& out);

// Clinic keyword unpacking for `name(p0, p1, ..., *, k0, ...)`: names lists every
// parameter; the first `posonly` cannot be given by keyword, at most `maxpos` may be given
// by position, the first `required` are required. out[i] is set to the argument (borrowed)
// or left null when omitted.
struct KwSpec {
  const char* fname;
  const char* const* names;
  std::size_t count;
  std::size_t posonly;
  std::size_t maxpos;
  std::size_t required;
};
[[nodiscard]] bool unpack_keywords(ThreadState* ts, const KwSpec& spec, Object* const* args, std::size_t nargs,
                                   Object* kwnames, Object** out);

}  // namespace terrarium
