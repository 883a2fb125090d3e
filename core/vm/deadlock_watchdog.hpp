// The deadlock watchdog for OS threads: a main thread that has waited a second for a
// lock with no timeout looks (holding the GIL for a moment) whether every thread of the
// program waits, with no timeout, for a lock some other thread holds; if so it prints
// the report (vm/deadlock_report.hpp) once per run and goes on waiting — the program
// hangs as in CPython, but says why. Green threads know it exactly instead
// (vm/green_scheduler.cpp).
#pragma once
#include <chrono>

namespace terrarium {

struct ThreadState;
struct WaitSubject;

// Marks `ts` as waiting for `subject` for its own lifetime. Made and destroyed with the
// GIL held, around the scope that releases it, so the watchdog reads it safely.
class WaitingFor {
 public:
  WaitingFor(ThreadState* ts, const WaitSubject& subject);
  ~WaitingFor();
  WaitingFor(const WaitingFor&) = delete;
  WaitingFor& operator=(const WaitingFor&) = delete;

 private:
  ThreadState* ts_;
};

class DeadlockWatch {
 public:
  // Watches only the main thread's waits with no timeout.
  DeadlockWatch(ThreadState* ts, bool forever);
  // True once a second into the wait (again a second after each check).
  bool due(std::chrono::steady_clock::time_point now);
  // Takes the GIL; call without holding any other lock.
  void check();

 private:
  ThreadState* ts_;
  bool active_;
  std::chrono::steady_clock::time_point next_;
};

}  // namespace terrarium
