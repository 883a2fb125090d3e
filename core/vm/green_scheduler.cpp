// The green scheduler: quanta, waits, virtual time and deadlock detection over fibers.
// Invariant: exactly one thread is `current_` and it is the one running; every other
// thread is Runnable, Waiting (its `ready` and `deadline` say when it may go on) or
// Finished (its fiber is freed by the next thread that reschedules).
#include "vm/green_scheduler.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <thread>
#include "terrarium/interpreter.hpp"
#include "vm/deadlock_report.hpp"
#include "vm/fiber.hpp"
#include "vm/gc_state.hpp"
#include "vm/gil.hpp"
#include "vm/interpreter_state.hpp"

namespace terrarium {

namespace {

// One eval-breaker check is one microsecond of virtual time: a thread that sleeps 10 ms
// while another computes wakes after about 10,000 loop iterations of the other.
constexpr double kTickSeconds = 1e-6;
constexpr double kForever = std::numeric_limits<double>::infinity();
#if defined(__EMSCRIPTEN__)
constexpr std::size_t kDefaultFiberStack = 2u << 20;  // malloc'ed from the wasm heap
#else
constexpr std::size_t kDefaultFiberStack = 8u << 20;  // reserved; touched only as used
#endif

// Sleeps `seconds` of real time in short slices, returning early (false) when
// `stopping()` says so, so Stop and Ctrl-C are seen.
template <typename StopCheck>
bool sleep_real(double seconds, StopCheck stopping) {
  using clock = std::chrono::steady_clock;
  auto until = clock::now() + std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(seconds));
  for (;;) {
    if (stopping()) return false;
    auto now = clock::now();
    if (now >= until) return true;
    std::this_thread::sleep_for(std::min<clock::duration>(until - now, std::chrono::milliseconds(10)));
  }
}

bool stopping_bits(const ThreadRuntime& rt) {
  return (rt.eval_breaker.load(std::memory_order_acquire) & (kBreakInterrupt | kBreakStopThreads | kBreakInterruptMain)) != 0;
}

}  // namespace

struct GreenScheduler::Thread {
  enum class State { Runnable, Waiting, Finished };
  ThreadState* ts = nullptr;
  std::unique_ptr<Fiber> fiber;
  State state = State::Runnable;
  const std::function<bool()>* ready = nullptr;  // while Waiting (lives on its fiber's stack)
  double deadline = kForever;
  const WaitSubject* subject = nullptr;
  GreenScheduler* scheduler = nullptr;
  void (*entry)(void*) = nullptr;
  void* arg = nullptr;
};

GreenScheduler* green_scheduler(const ThreadState* ts) { return ts->runtime ? ts->runtime->green : nullptr; }

GreenScheduler::GreenScheduler(ThreadRuntime& runtime, std::uint64_t seed)
    : runtime_(runtime), seed_(seed), rng_(seed ^ 0x9e3779b97f4a7c15ull) {}

GreenScheduler::~GreenScheduler() {
  // Daemon threads still waiting never run again; their fibers go with the scheduler.
  runtime_.eval_breaker.fetch_and(static_cast<std::uint8_t>(~kBreakGilDrop), std::memory_order_relaxed);
}

// splitmix64: small, fast and the same everywhere, so a seed means one interleaving.
std::uint64_t GreenScheduler::next_random() {
  std::uint64_t z = (rng_ += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

// A quantum is the switch interval in ticks, between half and one and a half of it.
void GreenScheduler::begin_quantum() {
  long interval = std::max(1L, runtime_.interval_us.load(std::memory_order_relaxed));
  budget_ = interval / 2 + static_cast<long>(next_random() % static_cast<std::uint64_t>(interval + 1));
  if (budget_ < 1) budget_ = 1;
}

// The breaker's drop bit stays set while another thread exists, so every check ticks.
void GreenScheduler::update_breaker() {
  bool others = std::any_of(threads_.begin() + (threads_.empty() ? 0 : 1), threads_.end(),
                            [](const auto& t) { return t->state != Thread::State::Finished; });
  if (others)
    runtime_.eval_breaker.fetch_or(kBreakGilDrop, std::memory_order_relaxed);
  else
    runtime_.eval_breaker.fetch_and(static_cast<std::uint8_t>(~kBreakGilDrop), std::memory_order_relaxed);
}

bool GreenScheduler::start(ThreadState* main, ThreadState* ts, void (*entry)(void*), void* arg) {
  if (threads_.empty()) {
    // The first start: the running context becomes the main thread's fiber.
    auto first = std::make_unique<Thread>();
    first->ts = main;
    first->fiber = fiber_for_current_context();
    first->scheduler = this;
    current_ = first.get();
    threads_.push_back(std::move(first));
    begin_quantum();
  }
  reap_finished();
  auto t = std::make_unique<Thread>();
  t->ts = ts;
  t->scheduler = this;
  t->entry = entry;
  t->arg = arg;
  std::size_t stack = runtime_.thread_stack_size ? runtime_.thread_stack_size : kDefaultFiberStack;
  t->fiber = new_fiber(&GreenScheduler::fiber_entry, t.get(), stack);
  if (!t->fiber) return false;
  threads_.push_back(std::move(t));
  update_breaker();
  return true;
}

void GreenScheduler::fiber_entry(void* arg) {
  auto* self = static_cast<Thread*>(arg);
  self->entry(self->arg);
  self->scheduler->exit_current();
}

void GreenScheduler::exit_current() {
  current_->state = Thread::State::Finished;
  current_->ts = nullptr;  // deleted by the thread's own ending (thread_start.cpp)
  update_breaker();
  reschedule(current_);
  std::abort();  // nobody switches to a finished thread
}

void GreenScheduler::tick(ThreadState* ts) {
  if (!current_ || current_->ts != ts || !preemption_) return;
  now_ += kTickSeconds;
  if (--budget_ > 0) return;
  emit_thread_event(runtime_, ts, ThreadEventKind::GilDropped, GilDropReason::Interval);
  reschedule(current_);
  emit_thread_event(runtime_, ts, ThreadEventKind::GilRequested);
  emit_thread_event(runtime_, ts, ThreadEventKind::GilAcquired);
}

GreenWaitResult GreenScheduler::wait(ThreadState* ts, const std::function<bool()>& ready, double timeout_s,
                                     const WaitSubject& subject) {
  if (threads_.empty() || current_->ts != ts) {
    // No other thread exists (and none can start while this one waits): only time passes.
    if (ready()) return GreenWaitResult::Ready;
    if (timeout_s < 0) {
      ts->waiting_for = &subject;
      report_deadlock(ts);
      if (!real_time_) runtime_.eval_breaker.fetch_or(kBreakInterrupt, std::memory_order_acq_rel);
      while (!stop_requested(runtime_, ts)) std::this_thread::sleep_for(std::chrono::milliseconds(10));
      ts->waiting_for = nullptr;
      return GreenWaitResult::Stopped;
    }
    if (real_time_ && !sleep_real(timeout_s, [&] { return ready() || stop_requested(runtime_, ts); }) && !ready())
      return GreenWaitResult::Stopped;
    now_ += timeout_s;
    return ready() ? GreenWaitResult::Ready : GreenWaitResult::TimedOut;
  }
  Thread* self = current_;
  double deadline = timeout_s < 0 ? kForever : now_ + timeout_s;
  for (bool first = true;; first = false) {
    if (ready()) return GreenWaitResult::Ready;
    if (stop_requested(runtime_, ts)) return GreenWaitResult::Stopped;
    if (!first && now_ >= deadline) return GreenWaitResult::TimedOut;
    self->state = Thread::State::Waiting;
    self->ready = &ready;
    self->deadline = deadline;
    self->subject = &subject;
    ts->waiting_for = &subject;
    emit_thread_event(runtime_, ts, ThreadEventKind::GilDropped, GilDropReason::BlockingCall);
    reschedule(self);
    ts->waiting_for = nullptr;
    self->ready = nullptr;
    self->subject = nullptr;
    emit_thread_event(runtime_, ts, ThreadEventKind::GilRequested);
    emit_thread_event(runtime_, ts, ThreadEventKind::GilAcquired);
    if (timeout_s == 0) return ready() ? GreenWaitResult::Ready : GreenWaitResult::TimedOut;
  }
}

// A waiting thread becomes runnable when what it waits for holds, its deadline passed
// or a Stop arrived (it then finds out which itself).
void GreenScheduler::refresh_waiters() {
  bool stopping = stopping_bits(runtime_);
  for (auto& t : threads_) {
    if (t->state != Thread::State::Waiting) continue;
    if (stopping || now_ >= t->deadline || (*t->ready)()) t->state = Thread::State::Runnable;
  }
}

void GreenScheduler::reap_finished() {
  threads_.erase(std::remove_if(threads_.begin() + 1, threads_.end(),
                                [this](const auto& t) {
                                  return t->state == Thread::State::Finished && t.get() != current_;
                                }),
                 threads_.end());
}

void GreenScheduler::reschedule(Thread* self) {
  for (;;) {
    refresh_waiters();
    // A member, not a local: the stack of a thread that ends here is never unwound.
    std::vector<Thread*>& candidates = candidates_;
    candidates.clear();
    for (auto& t : threads_)
      if (t->state == Thread::State::Runnable && t.get() != self) candidates.push_back(t.get());
    if (candidates.empty() && self->state == Thread::State::Runnable) {
      begin_quantum();  // nobody else can go: the same thread goes on
      return;
    }
    if (!candidates.empty()) {
      Thread* next = candidates[next_random() % candidates.size()];
      switch_to(self, next);
      reap_finished();
      return;
    }
    // Every thread waits. Time jumps to the nearest deadline, really sleeping that long
    // (in slices, so a Stop is seen), or, with no deadline at all, nothing can change.
    double earliest = kForever;
    for (auto& t : threads_)
      if (t->state == Thread::State::Waiting) earliest = std::min(earliest, t->deadline);
    bool stop = false;
    if (earliest == kForever) {
      report_deadlock(self->ts);
      // A replay must end: the deadlock stops the program as Stop would.
      if (!real_time_) runtime_.eval_breaker.fetch_or(kBreakInterrupt, std::memory_order_acq_rel);
      else std::this_thread::sleep_for(std::chrono::milliseconds(10));
      continue;
    }
    if (real_time_) stop = !sleep_real(earliest - now_, [this] { return stopping_bits(runtime_); });
    if (!stop) now_ = std::max(now_, earliest);
  }
}

void GreenScheduler::switch_to(Thread* self, Thread* next) {
  current_ = next;
  set_current_thread_state(next->ts);
  begin_quantum();
  self->fiber->switch_to(*next->fiber);
  // Back on `self`: whoever switched here already made it current.
}

void GreenScheduler::report_deadlock(ThreadState* running) {
  if (deadlock_reported_) return;
  deadlock_reported_ = true;
  std::vector<WaitingThread> waiting;
  if (threads_.empty()) waiting.push_back(WaitingThread{running, running->waiting_for});
  for (auto& t : threads_)
    if (t->state == Thread::State::Waiting && t->ts) waiting.push_back(WaitingThread{t->ts, t->subject});
  if (!running && !waiting.empty()) running = waiting.front().ts;  // the last thread just ended
  if (running && running->interp && running->interp->out)
    running->interp->out->write(2, describe_deadlock(running, waiting));
}

}  // namespace terrarium
