// The eval loop: runs a code object in a new frame. CPython: Python/ceval.c.
#pragma once
#include "vm/frame.hpp"

namespace terrarium {

// Returns the frame's return value (new reference) or null with an exception set, whose
// traceback has an entry for each frame it left.
[[nodiscard]] Object* eval_code(ThreadState* ts, CodeObject* code, Object* globals, Object* builtins);

}  // namespace terrarium
