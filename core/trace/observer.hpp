// The trace API: what an observer of a running program is told, through read-only views
// of the interpreter's frames. The eval loop calls into core/trace/trace_hooks.* only when
// an observer is attached (see there for how that costs nothing otherwise). Observers:
// the run controller (stepping, time travel), the Chrome trace writer and tests.
// Taskflow's ObserverInterface is the model: a few virtual callbacks, no ownership.
#pragma once
#include "terrarium/interpreter.hpp"

namespace terrarium {

struct Frame;
struct Object;
struct ThreadState;

// Every callback runs on the interpreter's thread, before the event takes effect. The
// frame and objects are views: an observer may read them (and call repr through the
// safe helpers in value_view.hpp) but must not change them.
class TraceObserver : public GCObserver {
 public:
  ~TraceObserver() override = default;

  // Before each instruction. `stack_depth` values are on the frame's stack (also saved in
  // frame.stack_depth). Returning false stops the program: KeyboardInterrupt is raised at
  // this instruction, as if the user had pressed Ctrl-C.
  virtual bool on_instruction(ThreadState* ts, const Frame& frame, int opcode, int stack_depth) = 0;
  // Before the first instruction of a new source line (a different line, another frame,
  // or a jump back to the line's start), just before on_instruction.
  virtual void on_line(ThreadState* ts, const Frame& frame, int line) {}
  // A frame starts (its first RESUME), or a generator/coroutine frame resumes.
  virtual void on_call(ThreadState* ts, const Frame& frame) {}
  virtual void on_resume(ThreadState* ts, const Frame& frame) {}
  // The frame returns `value`, or is left by an exception (value null).
  virtual void on_return(ThreadState* ts, const Frame& frame, const Object* value) {}
  // A generator or coroutine frame suspends, handing out `value`.
  virtual void on_yield(ThreadState* ts, const Frame& frame, const Object* value) {}
  // An exception is raised in `frame` (before the exception table is searched).
  virtual void on_exception(ThreadState* ts, const Frame& frame, const Object* exc) {}
  // Object allocations (once the header is set) and frees (before the object is torn
  // down), only while wants_allocations() is true at attach time (they are frequent:
  // step mode and tests, not whole runs). Must not allocate Python objects.
  // allocation_hooks.hpp is how the allocator reaches them.
  virtual bool wants_allocations() const { return false; }
  virtual void on_alloc(const Object* obj) {}
  virtual void on_free(const Object* obj) {}
  // True: threads the program starts are traced too, their events arriving on their own
  // threads (one at a time: under the GIL). False keeps the observer on the main thread.
  virtual bool follows_threads() const { return false; }
  // GC phases arrive through GCObserver::on_gc_phase (the observer is the collector's too).
  void on_gc_phase(const GCPhase& phase) override {}
};

}  // namespace terrarium
