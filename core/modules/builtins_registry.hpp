// Each group of built-in functions lives in its own file and adds itself to the builtins
// namespace through one of these functions, called by make_builtins.
#pragma once
#include "objects/object.hpp"

namespace terrarium {

// Adds `name` -> a builtin_function_or_method wrapping `impl` to `dict`. False on error.
[[nodiscard]] bool add_builtin_function(ThreadState* ts, Object* dict, const char* name, CallFunc impl);
// Adds `name` -> value (stealing the reference) to `dict`.
[[nodiscard]] bool add_builtin_object(ThreadState* ts, Object* dict, const char* name, Object* value);

// modules/builtins_numeric.cpp: round, divmod, pow, bin, oct, hex, and the numeric types' names.
[[nodiscard]] bool register_numeric_builtins(ThreadState* ts, Object* dict);
// modules/builtins_iter.cpp: min, max, sum, sorted, reversed, enumerate, zip, map, filter, any, all,
// chr, ord, format, ascii, set, frozenset.
[[nodiscard]] bool register_iteration_builtins(ThreadState* ts, Object* dict);

// modules/builtins_async.cpp: aiter, anext.
[[nodiscard]] bool register_async_builtins(ThreadState* ts, Object* dict);

// modules/builtins_exec.cpp: compile, exec, eval, globals, locals.
[[nodiscard]] bool register_exec_builtins(ThreadState* ts, Object* dict);

// The calling frame's locals() dict (new reference), shared by vars() and dir().
[[nodiscard]] Object* current_locals(ThreadState* ts);

// modules/builtins_introspect.cpp: vars, dir.
[[nodiscard]] bool register_introspection_builtins(ThreadState* ts, Object* dict);

// sys.stdout / sys.stderr as the interpreter creates them (modules/sys_module.cpp).
bool is_std_stream(Object* o);
int std_stream_fd(Object* o);

}  // namespace terrarium
