// The asyncio event loop's core: the ready queue (a FIFO of callbacks), the timers (a
// heap ordered by (when, sequence)), the clock, and the stepping CPython's
// BaseEventLoop._run_once does. It knows nothing of Python: a callback is an opaque
// handle that the owner runs, tests for cancellation and releases through LoopHandleOps
// (modules/asyncio_loop_module.cpp binds it to Python's Handle objects).
// State lives in the LoopCore object only; there are no globals.
#pragma once
#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <vector>
#include "modules/asyncio_loop_clock.hpp"
#include "modules/asyncio_loop_events.hpp"

namespace terrarium {

struct LoopHandleOps {
  void* ctx = nullptr;
  bool (*cancelled)(void* ctx, void* handle) = nullptr;
  bool (*run)(void* ctx, void* handle) = nullptr;  // false: an error the caller must see
  void (*release)(void* ctx, void* handle) = nullptr;  // the core holds it no more
  bool (*interrupted)(void* ctx) = nullptr;  // may be null
  // Runs `wait` (the clock's wait for the next timer) with the host's GIL released, so
  // other threads run meanwhile; may be null.
  void (*blocking)(void* ctx, const std::function<void()>& wait) = nullptr;
  // Waits in the clock's place, up to `seconds` or until `woken()` holds, setting
  // `time_passed` when the time ran out; false when the host has no wait of its own
  // (green threads have: the other threads run meanwhile). May be null.
  bool (*wait_instead)(void* ctx, double seconds, const std::function<bool()>& woken, bool& time_passed) = nullptr;
};

enum class LoopStep : std::uint8_t {
  Ran,          // one pass over the ready queue ran
  Idle,         // nothing ready and no timer: waiting would never end
  Error,        // a callback failed; the rest of the pass stays queued
  Interrupted,  // the host asked to stop while the clock waited
};

class LoopCore {
 public:
  LoopCore(LoopHandleOps ops, std::function<void(const LoopEvent&)> on_event, std::uint64_t id);
  ~LoopCore();
  LoopCore(const LoopCore&) = delete;
  LoopCore& operator=(const LoopCore&) = delete;

  // Queues `handle` at the back of the ready queue (it runs in FIFO order).
  void call_soon(void* handle);
  // Arms a timer; returns its sequence number, which breaks ties between equal deadlines.
  std::uint64_t call_at(double when, void* handle);

  // CPython: BaseEventLoop._run_once: drop cancelled timers at the head, wait for the
  // first timer when nothing is ready, move every timer now due to the ready queue, then
  // run exactly the callbacks queued at that point (those they queue wait a pass).
  LoopStep run_once();
  // Runs passes until stop() is called from a callback, or a pass does not return Ran.
  LoopStep run_until_stopped();
  void stop() { stopping_ = true; }
  // From any thread (call_soon_threadsafe): ends the current wait for a timer early.
  void wake() { wakeup_.store(true, std::memory_order_release); }

  // Releases every queued handle and timer (loop.close()).
  void clear();

  LoopClock& clock() { return clock_; }
  double time() const { return clock_.now(); }
  std::size_t ready_count() const { return ready_.size(); }
  std::size_t timer_count() const { return timers_.size(); }
  std::uint64_t id() const { return id_; }

  bool observed() const { return static_cast<bool>(on_event_); }
  void emit(LoopEventKind kind, std::string subject, std::string detail);

 private:
  struct Timer {
    double when;
    std::uint64_t seq;
    void* handle;
  };
  // std::push_heap keeps the greatest first: "greater" puts the earliest (when, seq) there.
  static bool later(const Timer& a, const Timer& b) {
    return a.when != b.when ? a.when > b.when : a.seq > b.seq;
  }
  Timer pop_timer();

  LoopHandleOps ops_;
  std::function<void(const LoopEvent&)> on_event_;
  std::uint64_t id_;
  LoopClock clock_;
  std::deque<void*> ready_;
  std::vector<Timer> timers_;  // a heap under later()
  std::uint64_t next_seq_ = 0;
  bool stopping_ = false;
  std::atomic<bool> wakeup_{false};  // set by wake(), consumed by the timer wait
};

}  // namespace terrarium
