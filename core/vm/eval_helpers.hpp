// The eval loop's slow paths: name resolution, unpacking, raising and matching exceptions,
// string building. Kept out of eval.cpp so the loop stays dispatch only.
#pragma once
#include "vm/frame.hpp"

namespace terrarium {

std::nullptr_t name_error(ThreadState* ts, Object* name);
std::nullptr_t unbound_local_error(ThreadState* ts, Object* name);
std::nullptr_t free_var_error(ThreadState* ts, CodeObject* code, int index);

[[nodiscard]] Object* load_name(ThreadState* ts, Frame* frame, Object* name);    // new reference
[[nodiscard]] bool store_name(ThreadState* ts, Frame* frame, Object* name, Object* value);
[[nodiscard]] bool delete_name(ThreadState* ts, Frame* frame, Object* name);
[[nodiscard]] Object* load_global(ThreadState* ts, Frame* frame, Object* name);  // new reference

// Writes `count` items of `seq` to out[0..count) in stack order (last item first).
[[nodiscard]] bool unpack_sequence(ThreadState* ts, Object* seq, int count, Object** out);
[[nodiscard]] bool unpack_starred(ThreadState* ts, Object* seq, int before, int after, Object** out);

// RAISE_VARARGS. Returns true for a bare re-raise (no new traceback entry), false otherwise;
// an exception is set either way.
bool do_raise(ThreadState* ts, Object* exc, Object* cause);
[[nodiscard]] int exception_matches(ThreadState* ts, Object* exc, Object* type);  // 1, 0, -1

[[nodiscard]] Object* join_strings(ThreadState* ts, Object* const* parts, int count);
[[nodiscard]] Object* format_value(ThreadState* ts, Object* value, int conversion, Object* spec);
[[nodiscard]] Object* call_with_tuple_and_dict(ThreadState* ts, Object* func, Object* args, Object* kwargs);
// MAKE_FUNCTION's annotations come as a flat tuple of names and values.
[[nodiscard]] Object* annotations_dict(ThreadState* ts, Object* flat);
// DICT_UPDATE / DICT_MERGE (`**` in calls: duplicate keys are an error naming `func`).
[[nodiscard]] bool dict_update_from(ThreadState* ts, Object* dict, Object* other, bool merge, Object* func);

// `with` and `async with` look up their two methods on the type alike; only the names differ.
struct ContextProtocol {
  const char* enter;
  const char* exit;
  const char* name;  // for the TypeError: "... does not support the <name>"
};
// Returns the bound exit method and stores the enter method's result in *enter_result.
[[nodiscard]] Object* enter_context(ThreadState* ts, Object* mgr, const ContextProtocol& protocol, Object** enter_result);
// BEFORE_WITH: returns the bound __exit__ and stores __enter__()'s result in *enter_result.
[[nodiscard]] Object* before_with(ThreadState* ts, Object* mgr, Object** enter_result);
[[nodiscard]] bool setup_annotations(ThreadState* ts, Frame* frame);

}  // namespace terrarium
