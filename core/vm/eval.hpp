// The eval loop. CPython: Python/ceval.c _PyEval_EvalFrameDefault.
#pragma once
#include "vm/frame.hpp"

namespace terrarium {

// Runs `frame` (pushed on ts->frames, arguments bound) and any Python frames it calls,
// then releases it. Returns the result (new reference) or null with an exception set
// whose traceback has an entry for each frame it left.
[[nodiscard]] Object* eval_frame(ThreadState* ts, Frame* frame);
// Resumes a generator's frame. With `throwing`, the exception already set on ts is raised
// at the suspension point. On YIELD_VALUE the frame stays alive with frame->suspended set.
[[nodiscard]] Object* resume_frame(ThreadState* ts, Frame* frame, bool throwing);

// Runs a module or class body: `locals` is the namespace names are stored in.
[[nodiscard]] Object* eval_code(ThreadState* ts, CodeObject* code, Object* globals, Object* builtins, Object* locals);

}  // namespace terrarium
