// The loop core's stepping. CPython: Lib/asyncio/base_events.py BaseEventLoop._run_once
// (the order here is what makes event logs match CPython's byte for byte).
#include "modules/asyncio_loop_core.hpp"

#include <algorithm>
#include <utility>

namespace terrarium {

LoopCore::LoopCore(LoopHandleOps ops, std::function<void(const LoopEvent&)> on_event, std::uint64_t id)
    : ops_(ops), on_event_(std::move(on_event)), id_(id) {}

LoopCore::~LoopCore() { clear(); }

void LoopCore::clear() {
  // Move out first: releasing a handle may run Python code that queues more.
  std::deque<void*> ready;
  ready.swap(ready_);
  std::vector<Timer> timers;
  timers.swap(timers_);
  for (void* h : ready) ops_.release(ops_.ctx, h);
  for (Timer& t : timers) ops_.release(ops_.ctx, t.handle);
}

void LoopCore::call_soon(void* handle) { ready_.push_back(handle); }

std::uint64_t LoopCore::call_at(double when, void* handle) {
  std::uint64_t seq = next_seq_++;
  timers_.push_back(Timer{when, seq, handle});
  std::push_heap(timers_.begin(), timers_.end(), later);
  if (on_event_) emit(LoopEventKind::TimerArmed, std::to_string(seq), std::to_string(when));
  return seq;
}

LoopCore::Timer LoopCore::pop_timer() {
  std::pop_heap(timers_.begin(), timers_.end(), later);
  Timer t = timers_.back();
  timers_.pop_back();
  return t;
}

void LoopCore::emit(LoopEventKind kind, std::string subject, std::string detail) {
  if (!on_event_) return;
  on_event_(LoopEvent{kind, clock_.now(), id_, std::move(subject), std::move(detail)});
}

LoopStep LoopCore::run_once() {
  // Cancelled timers at the head would only make the clock wait for nothing.
  while (!timers_.empty() && ops_.cancelled(ops_.ctx, timers_.front().handle))
    ops_.release(ops_.ctx, pop_timer().handle);

  if (ready_.empty() && !stopping_) {
    if (timers_.empty()) return LoopStep::Idle;
    // CPython's selector wait: other threads run meanwhile (ops_.blocking), and one
    // that queues a callback through call_soon_threadsafe() ends the wait (wake()).
    bool woken = false;
    std::function<bool()> interrupted = [this, &woken] {
      if (wakeup_.exchange(false, std::memory_order_acq_rel)) return woken = true;
      return ops_.interrupted && ops_.interrupted(ops_.ctx);
    };
    double when = timers_.front().when;
    bool finished = false;
    auto wait = [&] { finished = clock_.wait_until(when, interrupted); };
    bool waited = !clock_.is_virtual() && ops_.wait_instead &&
                  ops_.wait_instead(ops_.ctx, when - clock_.now(), interrupted, finished);
    if (waited) {
    } else if (ops_.blocking) {
      ops_.blocking(ops_.ctx, wait);
    } else {
      wait();
    }
    if (!finished && !woken) return LoopStep::Interrupted;
  }

  double end_time = clock_.now() + LoopClock::kResolution;
  while (!timers_.empty() && timers_.front().when < end_time) {
    Timer t = pop_timer();
    if (on_event_) emit(LoopEventKind::TimerFired, std::to_string(t.seq), std::to_string(t.when));
    ready_.push_back(t.handle);
  }

  // Only the callbacks queued now run in this pass; CPython: "ntodo = len(self._ready)".
  for (std::size_t ntodo = ready_.size(); ntodo > 0; --ntodo) {
    void* h = ready_.front();
    ready_.pop_front();
    bool ok = ops_.cancelled(ops_.ctx, h) || ops_.run(ops_.ctx, h);
    ops_.release(ops_.ctx, h);
    if (!ok) return LoopStep::Error;
  }
  return LoopStep::Ran;
}

LoopStep LoopCore::run_until_stopped() {
  for (;;) {
    LoopStep step = run_once();
    if (step != LoopStep::Ran) {
      stopping_ = false;
      return step;
    }
    if (stopping_) {
      stopping_ = false;
      return LoopStep::Ran;
    }
  }
}

}  // namespace terrarium
