// The eval loop's side of the trace API: the few calls it makes when an observer is
// attached. How they cost nothing otherwise (core/vm/eval.cpp): the loop is a template
// compiled twice, and run_frame<false>, taken whenever no observer is attached, has no
// hook at all; run_frame<true> sends every instruction through the trace stub (slot
// kTraceDispatchIndex of the computed-goto table, or a test at the top of the switch).
// TERRARIUM_TRACE_HOOKS=0 (CMake option, preset native-notrace) leaves the traced copy
// out; tests/bench/trace_overhead.py compares the two builds (about 1 %, within noise).
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
