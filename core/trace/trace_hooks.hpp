// The eval loop's side of the trace API: the few calls it makes when an observer is
// attached. How they cost nothing otherwise (core/vm/eval.cpp):
// - computed goto (GCC): the loop indexes its dispatch table with opcode | ts->trace_dispatch,
//   which is 255 while an observer is attached, sending every instruction to the trace
//   stub; it calls trace_instruction and dispatches the real opcode;
// - switch (Emscripten, and the `continue` paths): one test of ts->trace_dispatch per
//   instruction, a branch that is always predicted;
// - TERRARIUM_TRACE_HOOKS=0 (CMake option, preset native-notrace) compiles both out.
// Measured (tests/bench/trace_overhead.py): still ~23 % slower than the notrace build in
// the geometric mean (fib 45 %), with a second table, a local flag or this OR alike, so
// the cost is not the dispatch itself; suspect the trace stub's label and call changing
// register allocation of the whole loop. Open: find it (perf annotate) and fix it.
#pragma once

#ifndef TERRARIUM_TRACE_HOOKS
#define TERRARIUM_TRACE_HOOKS 1
#endif

namespace terrarium {

// ThreadState::trace_dispatch while an observer is attached: the dispatch-table slot of
// the trace stub, an index no opcode uses (CPython 3.11's DO_TRACING is 255 too).
constexpr int kTraceDispatchIndex = 255;

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
