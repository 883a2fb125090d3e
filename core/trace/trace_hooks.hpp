// The eval loop's side of the trace API: the few calls it makes when an observer is
// attached. How they cost nothing otherwise (core/vm/eval.cpp):
// - computed goto (GCC): the loop dispatches through a second table whose every entry is
//   a trace stub when ts->trace_observer is set at frame entry; the stub calls
//   trace_instruction and jumps on through the normal table;
// - switch (Emscripten, and the `continue` paths): one flag test per instruction, read
//   from a local set at frame entry, so the branch is perfectly predicted;
// - TERRARIUM_TRACE_HOOKS=0 (CMake option, preset native-notrace) compiles both out.
#pragma once

#ifndef TERRARIUM_TRACE_HOOKS
#define TERRARIUM_TRACE_HOOKS 1
#endif

namespace terrarium {

struct Frame;
struct ThreadState;

// Before the instruction at frame->lasti (opcode and its full oparg): derives call,
// resume, line, return and yield events. False (exception set) when the observer stops
// the program.
[[nodiscard]] bool trace_instruction(ThreadState* ts, Frame* frame, int opcode, int oparg, int stack_depth);
// An exception was raised in `frame` (ts->curexc is set).
void trace_exception(ThreadState* ts, Frame* frame);
// `frame` is left by an exception that no handler in it caught.
void trace_unwind(ThreadState* ts, Frame* frame);

}  // namespace terrarium
