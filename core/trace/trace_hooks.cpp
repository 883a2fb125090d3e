// Turns the eval loop's raw calls into the observer's events. Kept out of line so the
// loop carries only a call in its (never taken without an observer) trace paths.
#include "trace/trace_hooks.hpp"

#include "bytecode/opcodes.hpp"
#include "objects/exceptions.hpp"
#include "trace/observer.hpp"
#include "vm/frame.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

// Back in the caller, the rest of the line the call was on is not a new line.
void return_to_caller(ThreadState* ts, const Frame* frame) {
  const Frame* caller = frame->previous;
  ts->trace_cursor = caller ? TraceCursor{caller->serial, caller->lineno(), caller->lasti * 2} : TraceCursor{};
}

}  // namespace

bool trace_instruction(ThreadState* ts, Frame* frame, int opcode, int oparg, int stack_depth) {
  TraceObserver* observer = ts->trace_observer;
  if (!observer) return true;  // detached while this frame ran
  // 3.11's RESUME: oparg 0 starts a function, 1..3 resume after yield / yield from / await.
  if (opcode == op::RESUME) {
    if (oparg == 0) {
      observer->on_call(ts, *frame);
    } else {
      observer->on_resume(ts, *frame);
    }
  }
  TraceCursor& cursor = ts->trace_cursor;
  int offset = frame->lasti * 2;
  int line = frame->lineno();
  // CPython's line events: a new line, another frame, or a backward jump (a loop that
  // fits on one line still reports each turn).
  bool new_line = frame->serial != cursor.frame_serial || line != cursor.line || offset <= cursor.offset;
  cursor = TraceCursor{frame->serial, line, offset};
  if (new_line && line > 0) observer->on_line(ts, *frame, line);
  if (!observer->on_instruction(ts, *frame, opcode, stack_depth)) {
    if (!error_occurred(ts)) raise(ts, &exc_KeyboardInterrupt, "");
    return false;
  }
  if (opcode == op::RETURN_VALUE || opcode == op::YIELD_VALUE) {
    const Object* value = frame->stack_base()[stack_depth - 1];
    if (opcode == op::RETURN_VALUE) {
      observer->on_return(ts, *frame, value);
    } else {
      observer->on_yield(ts, *frame, value);
    }
    return_to_caller(ts, frame);
  }
  return true;
}

void trace_exception(ThreadState* ts, Frame* frame) {
  if (ts->trace_observer) ts->trace_observer->on_exception(ts, *frame, ts->curexc);
}

void trace_unwind(ThreadState* ts, Frame* frame) {
  if (ts->trace_observer) ts->trace_observer->on_return(ts, *frame, nullptr);
  return_to_caller(ts, frame);
}

}  // namespace terrarium
