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

namespace terrarium {

[[nodiscard]] Object* get_item(ThreadState* ts, Object* container, Object* key);
[[nodiscard]] int set_item(ThreadState* ts, Object* container, Object* key, Object* value);  // value null: delete
[[nodiscard]] Object* get_iter(ThreadState* ts, Object* iterable);
// The next item (new ref), or null: exhausted if no error is set.
[[nodiscard]] Object* iter_next(ThreadState* ts, Object* iterator);
[[nodiscard]] int sequence_contains(ThreadState* ts, Object* container, Object* item);  // 1, 0, -1
[[nodiscard]] Py_ssize_t object_length(ThreadState* ts, Object* o);  // -1 on error
bool has_error(ThreadState* ts);
// Calls f(item) for each item; stops early when f returns false (which propagates).
template <class F>
[[nodiscard]] bool for_each_item(ThreadState* ts, Object* iterable, F&& f) {
  Object* it = get_iter(ts, iterable);
  if (!it) return false;
  for (;;) {
    Object* item = iter_next(ts, it);
    if (!item) break;
    bool ok = f(item);
    decref(item);
    if (!ok) {
      decref(it);
      return false;
    }
  }
  decref(it);
  return !has_error(ts);
}

}  // namespace terrarium

namespace terrarium {
// isinstance(obj, cls), honouring __instancecheck__: 1, 0, or -1 on error.
[[nodiscard]] int object_isinstance(ThreadState* ts, Object* obj, Object* cls);
// getattr(o, name, None)-style lookup for internal use: null without error when missing.
[[nodiscard]] Object* get_attr_str_or_null(ThreadState* ts, Object* o, const char* name);
}  // namespace terrarium
