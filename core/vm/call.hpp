// Calling Python functions: binding arguments to parameters with CPython's rules and
// error texts, and running the frame. CPython: Python/ceval.c initialize_locals().
#pragma once
#include "objects/function.hpp"
#include "vm/frame.hpp"

namespace terrarium {

// tp_call of `function`: binds the arguments, then runs the function to completion.
[[nodiscard]] Object* function_call(ThreadState* ts, Object* callable, Object* const* args, std::size_t nargs,
                                    Object* kwnames);
// A new frame for `func` with its parameters bound, pushed on ts->frames (not yet linked
// into ts->frame). Null with an error set if the arguments do not fit.
[[nodiscard]] Frame* make_function_frame(ThreadState* ts, FunctionObject* func, Object* const* args,
                                         std::size_t nargs, Object* kwnames);
// Releases a finished frame's references and storage.
void release_frame(ThreadState* ts, Frame* frame);

}  // namespace terrarium
