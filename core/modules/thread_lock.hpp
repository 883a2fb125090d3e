// The _thread module's locks: the plain lock (_thread.LockType) and the reentrant one
// (_thread.RLock), both on a LockCore that waits with the GIL released, in short slices
// so a Stop ends the wait. CPython: Modules/_threadmodule.c lock_*, rlock_*.
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include "objects/object.hpp"

namespace terrarium {

// A lock that any thread may release. Its mutex guards `locked` only for the moment it
// takes to test and set it; waiting happens on the condition variable.
struct LockCore {
  std::mutex mutex;
  std::condition_variable cond;
  bool locked = false;
  // get_ident() of the thread that took it (0 when free), for the deadlock report only:
  // any thread may release a plain lock.
  std::atomic<std::uint64_t> holder{0};
};

enum class AcquireResult { Acquired, TimedOut, Stopped };

// Takes `core` now if free; else, unless timeout_s is 0, waits with the GIL released
// until it is free, timeout_s passes (negative: no limit) or a Stop arrives. `lock` is
// the Python object, for the observer's lock-wait events.
AcquireResult lock_core_acquire(ThreadState* ts, LockCore& core, double timeout_s, const void* lock);
void lock_core_release(LockCore& core);

// acquire(blocking=True, timeout=-1), parsed with CPython's errors into a timeout in
// seconds: 0 for non-blocking, negative for no limit.
[[nodiscard]] bool parse_acquire_args(ThreadState* ts, Object* const* args, std::size_t nargs, Object* kwnames,
                                      double& timeout_s);

extern TypeObject thread_lock_type;   // "_thread.lock"
extern TypeObject thread_rlock_type;  // "_thread.RLock"

// A new unlocked _thread.lock.
[[nodiscard]] Object* new_thread_lock(ThreadState* ts);
LockCore& thread_lock_core(Object* lock);
// Releases a _thread.lock if held (the sentinel of an ending thread); never fails.
void thread_lock_release_if_held(Object* lock);

// "<unlocked _thread.lock object at 0x...>": the object's address as %p prints it.
std::string object_address(const Object* o);

}  // namespace terrarium
