// The GIL: taking it (with drop requests after a switch interval), dropping it (with
// forced switching), releasing it around blocking calls, and what a Stop means for
// each thread. CPython: Python/ceval_gil.c take_gil(), drop_gil().
#include "vm/gil.hpp"

#include <chrono>
#include <thread>
#include "objects/exceptions.hpp"
#include "vm/green_scheduler.hpp"
#include "vm/interpreter_state.hpp"
#include "vm/os_thread.hpp"

namespace terrarium {

namespace {

// A thread that must not run Python any more (the interpreter is finalizing) waits
// here for ever, touching nothing; the process ends around it. CPython 3.12 does the
// same (3.11 calls pthread_exit, which C++ code cannot do safely).
[[noreturn]] void park_for_ever() {
  for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
}

bool must_park(const ThreadRuntime& rt, const ThreadState* ts) {
  return rt.finalizing.load(std::memory_order_acquire) && !is_main_thread(ts);
}

}  // namespace

bool is_main_thread(const ThreadState* ts) { return ts->serial == 0; }

std::uint64_t current_thread_ident(const ThreadState* ts) {
  return ts->runtime && ts->runtime->green ? ts->ident : os_thread_ident();
}

void emit_thread_event(const ThreadRuntime& rt, const ThreadState* ts, ThreadEventKind kind, GilDropReason reason,
                       const void* lock, std::string_view name) {
  if (!rt.observer.load(std::memory_order_relaxed)) return;
  std::lock_guard<std::mutex> guard(const_cast<ThreadRuntime&>(rt).observer_mutex);
  if (ThreadObserver* o = rt.observer.load(std::memory_order_acquire))
    o->on_thread_event(ThreadEvent{kind, ts->serial, ts->ident, reason, lock, name});
}

void take_gil(ThreadRuntime& rt, ThreadState* ts) {
  if (rt.green) {  // only the running fiber ever asks: it is granted at once
    emit_thread_event(rt, ts, ThreadEventKind::GilRequested);
    emit_thread_event(rt, ts, ThreadEventKind::GilAcquired);
    return;
  }
  if (must_park(rt, ts)) park_for_ever();
  emit_thread_event(rt, ts, ThreadEventKind::GilRequested);
  std::unique_lock<std::mutex> lock(rt.mutex);
  ++rt.waiters;
  while (rt.locked) {
    std::uint64_t seen = rt.switch_number;
    auto interval = std::chrono::microseconds(std::max(1L, rt.interval_us.load(std::memory_order_relaxed)));
    bool timed_out = rt.cond.wait_for(lock, interval) == std::cv_status::timeout;
    if (must_park(rt, ts)) {
      --rt.waiters;
      rt.switch_cond.notify_all();  // a yielding holder may be waiting for this waiter
      lock.unlock();
      park_for_ever();
    }
    // A whole interval passed and nobody else got the GIL meanwhile: ask the holder
    // to let go at its next eval-breaker check.
    if (timed_out && rt.locked && rt.switch_number == seen)
      rt.eval_breaker.fetch_or(kBreakGilDrop, std::memory_order_relaxed);
  }
  --rt.waiters;
  rt.locked = true;
  ++rt.switch_number;
  // The request (if any) is served; a thread still waiting makes a new one.
  rt.eval_breaker.fetch_and(static_cast<std::uint8_t>(~kBreakGilDrop), std::memory_order_relaxed);
  rt.switch_cond.notify_all();
  lock.unlock();
  emit_thread_event(rt, ts, ThreadEventKind::GilAcquired);
}

void drop_gil(ThreadRuntime& rt, ThreadState* ts, GilDropReason reason) {
  // Told while still held: once released, the interpreter (and the observer) may go.
  emit_thread_event(rt, ts, ThreadEventKind::GilDropped, reason);
  if (rt.green) return;
  std::unique_lock<std::mutex> lock(rt.mutex);
  rt.locked = false;
  rt.cond.notify_one();
}

void yield_gil(ThreadState* ts) {
  ThreadRuntime& rt = *ts->runtime;
  if (rt.green) {
    rt.green->tick(ts);
    return;
  }
  std::unique_lock<std::mutex> lock(rt.mutex);
  if (rt.waiters == 0) {  // the waiter already got its turn (or gave up): keep running
    rt.eval_breaker.fetch_and(static_cast<std::uint8_t>(~kBreakGilDrop), std::memory_order_relaxed);
    return;
  }
  lock.unlock();
  emit_thread_event(rt, ts, ThreadEventKind::GilDropped, GilDropReason::Interval);
  lock.lock();
  std::uint64_t before = rt.switch_number;
  rt.locked = false;
  rt.cond.notify_one();
  // FORCE_SWITCHING: wait until another thread took the GIL, or this thread would
  // likely take it straight back before the waiter wakes up.
  rt.switch_cond.wait(lock, [&] { return rt.switch_number != before || rt.waiters == 0; });
  lock.unlock();
  take_gil(rt, ts);
}

ReleasedGil::ReleasedGil(ThreadState* ts) : ts_(ts), rt_(*ts->runtime) {
  drop_gil(rt_, ts_, GilDropReason::BlockingCall);
}

ReleasedGil::~ReleasedGil() { take_gil(rt_, ts_); }

bool stop_requested(const ThreadRuntime& rt, const ThreadState* ts) {
  std::uint8_t bits = rt.eval_breaker.load(std::memory_order_acquire);
  if (is_main_thread(ts)) return (bits & (kBreakInterrupt | kBreakInterruptMain)) != 0;
  // Told once: the SystemExit then unwinds the thread, and its cleanup (threading's
  // finally blocks, which take locks) must run to the end rather than be cut again.
  if (ts->stop_delivered) return false;
  return (bits & (kBreakInterrupt | kBreakStopThreads)) != 0;
}

std::nullptr_t raise_stop(ThreadState* ts) {
  std::atomic<std::uint8_t>& breaker = ts->runtime->eval_breaker;
  if (!is_main_thread(ts)) {
    // Leave kBreakInterrupt for the main thread; make the stop stick for the others.
    breaker.fetch_or(kBreakStopThreads, std::memory_order_acq_rel);
    ts->stop_delivered = true;
    return raise(ts, &exc_SystemExit, "");
  }
  std::uint8_t bits = breaker.fetch_and(static_cast<std::uint8_t>(~(kBreakInterrupt | kBreakInterruptMain)),
                                        std::memory_order_acq_rel);
  if ((bits & kBreakInterrupt) && !ts->interp->threads.empty())
    breaker.fetch_or(kBreakStopThreads, std::memory_order_acq_rel);
  return raise(ts, &exc_KeyboardInterrupt, "");
}

}  // namespace terrarium
