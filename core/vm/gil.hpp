// The global interpreter lock and the eval breaker that every Python thread of one
// interpreter shares, modelled on CPython's Python/ceval_gil.c: one thread runs Python
// at a time; a thread that waited a whole switch interval sets a drop request in the
// eval breaker, and the holder lets go at its next check and waits until another
// thread took the GIL (FORCE_SWITCHING). Blocking calls release it (ReleasedGil).
// Not here: starting threads and the _thread module (modules/thread_*.cpp).
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string_view>
#include "terrarium/interpreter.hpp"

namespace terrarium {

struct ThreadState;
class GreenScheduler;  // vm/green_scheduler.hpp

// The eval breaker's bits. The host's Stop stores kBreakInterrupt (a plain 1).
enum EvalBreakerBits : std::uint8_t {
  kBreakInterrupt = 1,     // Stop: KeyboardInterrupt in the main thread, SystemExit elsewhere
  kBreakGC = 2,            // allocations passed a threshold
  kBreakGilDrop = 4,       // a thread waits for the GIL (CPython: gil_drop_request)
  kBreakStopThreads = 8,   // sticky after Stop: every non-main thread ends
  kBreakInterruptMain = 16,  // _thread.interrupt_main(): KeyboardInterrupt in the main thread only
};

// Shared by the interpreter and every thread it started. The threads hold it by
// shared_ptr: a daemon thread still waiting when the interpreter is destroyed finds
// its GIL and breaker alive, sees `finalizing` and parks for ever (as CPython's do).
struct ThreadRuntime {
  std::atomic<std::uint8_t> eval_breaker{0};
  std::atomic<long> interval_us{5000};  // sys.setswitchinterval, CPython's default 5 ms
  std::atomic<bool> finalizing{false};  // set when the interpreter starts finalizing
  // Read without a lock to keep the no-observer case free; called under observer_mutex
  // so the interpreter can detach it (at destruction) while daemon threads still run.
  std::atomic<ThreadObserver*> observer{nullptr};
  std::mutex observer_mutex;
  std::atomic<std::uint64_t> next_serial{1};  // 0 is the main thread
  std::size_t thread_stack_size = 0;  // _thread.stack_size(); 0: the default. Under the GIL.
  // Set when Python threads are green (fibers of one OS thread, vm/green_scheduler.hpp):
  // then the GIL below is never contended and these functions only tell the observer.
  // Owned by the Interpreter; lives for one run.
  GreenScheduler* green = nullptr;

  // The GIL itself. Invariant: `locked` is true exactly while one thread runs Python.
  std::mutex mutex;
  std::condition_variable cond;         // signalled when the GIL is dropped
  std::condition_variable switch_cond;  // signalled when it changes hands
  bool locked = false;
  std::uint64_t switch_number = 0;  // how many times the GIL was taken
  int waiters = 0;                  // threads inside take_gil
};

// Blocks until `ts` holds the GIL. After finalization started, a thread other than
// the main one never returns from here (CPython: tstate_must_exit).
void take_gil(ThreadRuntime& rt, ThreadState* ts);
void drop_gil(ThreadRuntime& rt, ThreadState* ts, GilDropReason reason);
// The eval breaker saw a drop request: let another thread run, then take the GIL back.
void yield_gil(ThreadState* ts);

// Releases the GIL for a blocking call and takes it back at the end of the scope.
// Between the two, touch no Python object and not ts->interp (it may be finalized):
// use runtime() for the breaker.
class ReleasedGil {
 public:
  explicit ReleasedGil(ThreadState* ts);
  ~ReleasedGil();
  ReleasedGil(const ReleasedGil&) = delete;
  ReleasedGil& operator=(const ReleasedGil&) = delete;
  ThreadRuntime& runtime() const { return rt_; }

 private:
  ThreadState* ts_;
  ThreadRuntime& rt_;
};

bool is_main_thread(const ThreadState* ts);
// _thread.get_ident() of `ts`, the thread running now: the OS thread's, or with green
// threads (which share one OS thread) the one the scheduler gave it.
std::uint64_t current_thread_ident(const ThreadState* ts);
// True when Stop (or interrupt_main, for the main thread) asks `ts` to end what it is
// doing: blocking waits poll this between short slices.
bool stop_requested(const ThreadRuntime& rt, const ThreadState* ts);
// Raises what a stop means on `ts`: KeyboardInterrupt in the main thread (and every
// other thread is told to end), SystemExit in any other. Always returns null.
std::nullptr_t raise_stop(ThreadState* ts);

// Tells the observer, if any. `ts` is the thread the event is about (for ThreadNamed,
// the thread being named, which need not be the caller).
void emit_thread_event(const ThreadRuntime& rt, const ThreadState* ts, ThreadEventKind kind,
                       GilDropReason reason = GilDropReason::Interval, const void* lock = nullptr,
                       std::string_view name = {});

}  // namespace terrarium
