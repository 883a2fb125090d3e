// The generic protocols the eval loop and builtins call: repr/str, truth, hashing,
// rich comparison and binary-operator dispatch with CPython's fallback rules and error
// messages. CPython: Objects/abstract.c, Objects/object.c.
#pragma once
#include <string>
#include "objects/object.hpp"

namespace terrarium {

[[nodiscard]] Object* object_repr(ThreadState* ts, Object* o);
[[nodiscard]] Object* object_str(ThreadState* ts, Object* o);
// Convenience for hosts: repr as a C++ string, or "" with an error set.
[[nodiscard]] bool repr_string(ThreadState* ts, Object* o, std::string& out);
[[nodiscard]] int object_is_true(ThreadState* ts, Object* o);  // 1, 0, or -1 on error
[[nodiscard]] Py_hash_t object_hash(ThreadState* ts, Object* o);
[[nodiscard]] Object* rich_compare(ThreadState* ts, Object* a, Object* b, CompareOp op);
// 1, 0, or -1 on error: `a == b` with the identity shortcut containers use.
[[nodiscard]] int object_equal(ThreadState* ts, Object* a, Object* b);
[[nodiscard]] Object* binary_op(ThreadState* ts, Object* a, Object* b, BinaryOp op);
[[nodiscard]] Object* unary_negative(ThreadState* ts, Object* o);
[[nodiscard]] Object* unary_positive(ThreadState* ts, Object* o);
[[nodiscard]] Object* unary_invert(ThreadState* ts, Object* o);
[[nodiscard]] Object* call_object(ThreadState* ts, Object* callable, Object* const* args,
                                  std::size_t nargs, Object* kwnames);

}  // namespace terrarium
