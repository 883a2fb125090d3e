// The green-thread backend: every Python thread of an interpreter runs on a fiber of one
// OS thread, and they take turns at the points where OS threads would hand the GIL over
// — a quantum of eval-breaker checks used up, a blocking call — with the same events.
// Deterministic: the quantum and the choice of the next thread come from a seeded
// generator and time is virtual (each breaker check is one tick), so a seed replays an
// interleaving exactly. When every thread waits, virtual time jumps to the nearest
// deadline (the real clock sleeps as long); when none has one, that is a deadlock, and
// the report says who waits where for what. Used by the browser build without threads
// (wasm-green) and by `terrarium run --green-threads`. Not here: fibers (vm/fiber.hpp).
#pragma once
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

namespace terrarium {

struct ThreadState;
struct ThreadRuntime;
class Fiber;

// What a blocked thread waits for, for the deadlock report.
struct WaitSubject {
  const void* object = nullptr;  // the Python object (a lock), if any
  const char* what = "lock";     // "lock", "time.sleep()", "the event loop's next timer" ...
  const std::atomic<std::uint64_t>* holder_ident = nullptr;  // who holds the lock now (0: nobody)
  bool forever = false;          // no timeout: only another thread can end the wait
};

enum class GreenWaitResult { Ready, TimedOut, Stopped };

class GreenScheduler {
 public:
  GreenScheduler(ThreadRuntime& runtime, std::uint64_t seed);
  ~GreenScheduler();
  GreenScheduler(const GreenScheduler&) = delete;
  GreenScheduler& operator=(const GreenScheduler&) = delete;

  std::uint64_t seed() const { return seed_; }
  // Off for a debug session's replays, which must be quick and end: time only jumps
  // when every thread waits (no real sleeping), and a deadlock stops the program.
  void set_real_time(bool on) { real_time_ = on; }
  double now() const { return now_; }  // virtual seconds since the first thread started
  // Off while a debugger runs Python code inside the paused program (reprs, breakpoint
  // conditions): no quantum ends then, so no other thread runs in the middle of it.
  void set_preemption(bool on) { preemption_ = on; }

  // A new thread, runnable; entry(arg) runs on its own fiber when it is first chosen
  // and ends with the thread (the scheduler then switches away for good). `main` is
  // the thread starting it. False when no fiber could be made.
  [[nodiscard]] bool start(ThreadState* main, ThreadState* ts, void (*entry)(void*), void* arg);
  // One eval-breaker check by the running thread: a tick of its quantum; at the end of
  // the quantum another runnable thread (if any) takes over.
  void tick(ThreadState* ts);
  // Lets the other threads run until ready() holds, `timeout_s` virtual seconds pass
  // (negative: no limit; 0: just give the others a turn) or a Stop reaches `ts`.
  GreenWaitResult wait(ThreadState* ts, const std::function<bool()>& ready, double timeout_s,
                       const WaitSubject& subject);
  // The end of a thread's entry function: never returns.
  [[noreturn]] void exit_current();

 private:
  struct Thread;
  void reschedule(Thread* self);
  void switch_to(Thread* self, Thread* next);
  void refresh_waiters();
  void reap_finished();
  void begin_quantum();
  void report_deadlock(ThreadState* running);
  void update_breaker();
  std::uint64_t next_random();
  static void fiber_entry(void* arg);

  ThreadRuntime& runtime_;
  std::uint64_t seed_;
  std::uint64_t rng_;
  double now_ = 0;
  long budget_ = 0;
  bool deadlock_reported_ = false;
  bool real_time_ = true;
  bool preemption_ = true;
  std::vector<std::unique_ptr<Thread>> threads_;  // [0] is the main thread
  std::vector<Thread*> candidates_;               // reschedule()'s scratch list
  Thread* current_ = nullptr;
};

// The scheduler of `ts`'s interpreter when it runs green threads, else null.
GreenScheduler* green_scheduler(const ThreadState* ts);

}  // namespace terrarium
