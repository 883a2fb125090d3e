// Per-thread interpreter state, passed explicitly everywhere (no thread-locals on the hot
// path): the raised exception, the current frame, the recursion budget and the eval
// breaker the host sets to interrupt. CPython: Include/cpython/pystate.h PyThreadState.
#pragma once
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>
#include "objects/object.hpp"
#include "vm/frame.hpp"

namespace terrarium {

struct InterpreterState;
struct Frame;
class TraceObserver;  // core/trace/observer.hpp

// Where the trace hooks last saw an instruction, to tell when a new line starts.
struct TraceCursor {
  std::uint32_t frame_serial = 0;
  int line = -1;
  int offset = -1;
};
struct ThreadRuntime;
struct WaitSubject;  // vm/green_scheduler.hpp

struct ThreadState {
  InterpreterState* interp = nullptr;
  Object* curexc = nullptr;  // the exception being raised (owned), CPython: curexc
  Frame* frame = nullptr;    // innermost running frame
  FrameStack frames;         // storage for frames of Python calls
  // The exception being handled (sys.exc_info()), a stack as CPython's exc_info chain.
  std::vector<Object*> handled;
  // Containers whose repr is in progress, so self-references print as [...] (Py_ReprEnter).
  std::vector<Object*> repr_stack;
  int repr_depth = 0;
  // Set by the eval loop when the frame it returns from suspended at YIELD_VALUE (the
  // frame stays alive); cleared when it returns because the frame finished.
  bool last_frame_yielded = false;
  int recursion_remaining = 1000;
  int recursion_limit = 1000;
  // Nesting depth of the AST pass in progress (constant folding), bounded like CPython's
  // compiler recursion budget so deep source fails cleanly instead of overflowing the stack.
  int ast_depth = 0;
  // Nonzero when the eval loop must stop and look (interrupt requested, later: GIL drop
  // request, pending calls). Checked at RESUME and backward jumps only.
  std::atomic<std::uint8_t>* eval_breaker = nullptr;
  // core/trace: told of every instruction when set. trace_dispatch is nonzero while it is:
  // the next C-level eval then runs the traced copy of the loop (trace_hooks.hpp).
  TraceObserver* trace_observer = nullptr;
  int trace_dispatch = 0;
  TraceCursor trace_cursor;
  // The GIL and breaker this thread shares with the others (vm/gil.hpp).
  ThreadRuntime* runtime = nullptr;
  std::uint64_t serial = 0;  // 0: the main thread; others in start order
  std::uint64_t ident = 0;   // _thread.get_ident() of the OS thread running it
  // Per-thread storage: _thread._local instances keep their attributes here, by key
  // (CPython: PyThreadState_GetDict). Null until first used; owned.
  Object* dict = nullptr;
  // Locks from _thread._set_sentinel(), released when this thread state is deleted:
  // threading.Thread.join waits on them. Owned.
  std::vector<Object*> sentinels;
  // A Stop reached this (non-main) thread as SystemExit; it is not raised again.
  bool stop_delivered = false;
  // What a blocking call of this thread waits for while it waits (null otherwise), for
  // the deadlock report (vm/deadlock_report.hpp). Points into the waiting call's frame.
  const WaitSubject* waiting_for = nullptr;
  // The Python name threading last reported (_thread._report_name), for the thread
  // observer: an interpreter kept between runs tells it again at the next run's start.
  std::string python_name;
};

inline bool error_occurred(ThreadState* ts) { return ts->curexc != nullptr; }
// Takes the raised exception out of the thread state (caller owns it).
inline Object* fetch_error(ThreadState* ts) {
  Object* e = ts->curexc;
  ts->curexc = nullptr;
  return e;
}
void clear_error(ThreadState* ts);

}  // namespace terrarium
