// WaitingFor and DeadlockWatch (see the header).
#include "vm/deadlock_watchdog.hpp"

#include <vector>
#include "vm/deadlock_report.hpp"
#include "vm/gil.hpp"
#include "vm/green_scheduler.hpp"
#include "vm/interpreter_state.hpp"

namespace terrarium {

namespace {

constexpr std::chrono::seconds kPatience{1};

// Waits with no timeout for a lock held by someone else (not just granted to it).
bool stuck(const ThreadState* t) {
  const WaitSubject* s = t->waiting_for;
  if (!s || !s->forever || !s->holder_ident) return false;
  std::uint64_t holder = s->holder_ident->load();
  return holder != 0 && holder != t->ident;
}

}  // namespace

WaitingFor::WaitingFor(ThreadState* ts, const WaitSubject& subject) : ts_(ts) { ts->waiting_for = &subject; }
WaitingFor::~WaitingFor() { ts_->waiting_for = nullptr; }

DeadlockWatch::DeadlockWatch(ThreadState* ts, bool forever)
    : ts_(ts), active_(forever && is_main_thread(ts)), next_(std::chrono::steady_clock::now() + kPatience) {}

bool DeadlockWatch::due(std::chrono::steady_clock::time_point now) {
  if (!active_ || now < next_) return false;
  next_ = now + kPatience;
  return true;
}

void DeadlockWatch::check() {
  ThreadRuntime& rt = *ts_->runtime;
  take_gil(rt, ts_);
  InterpreterState* interp = ts_->interp;
  if (!interp->deadlock_reported) {
    std::vector<WaitingThread> waiting{WaitingThread{ts_, ts_->waiting_for}};
    bool all_stuck = stuck(ts_);
    for (ThreadState* t : interp->threads) {
      all_stuck = all_stuck && stuck(t);
      waiting.push_back(WaitingThread{t, t->waiting_for});
    }
    if (all_stuck) {
      interp->deadlock_reported = true;
      interp->out->write(2, describe_deadlock(ts_, waiting));
    }
  }
  drop_gil(rt, ts_, GilDropReason::BlockingCall);
}

}  // namespace terrarium
