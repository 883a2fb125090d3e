// _thread.lock (LockType): acquire/release/locked, the context manager, and the waiting
// all locks share (lock_core_acquire). CPython: Modules/_threadmodule.c lock_PyThread_*.
#include "modules/thread_lock.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <new>
#include <string>
#include "objects/abstract.hpp"
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"
#include "vm/gil.hpp"
#include "vm/deadlock_watchdog.hpp"
#include "vm/green_scheduler.hpp"
#include "vm/interpreter_state.hpp"

namespace terrarium {

namespace {

struct LockObject : Object {
  LockCore core;
};

LockObject* as_lock(Object* o) { return static_cast<LockObject*>(o); }

// How long one wait lasts before looking for a Stop: well under the 100 ms it may take.
constexpr auto kStopPollSlice = std::chrono::milliseconds(10);

// CPython's _PyTime_FromSecondsObject as lock timeouts use it.
bool timeout_from_object(ThreadState* ts, Object* o, double& out) {
  if (is_instance(o, &float_type)) {
    out = float_value(o);
    if (std::isnan(out)) {
      raise(ts, &exc_ValueError, "Invalid value NaN (not a number)");
      return false;
    }
  } else if (is_int(o)) {
    out = int_fits_int64(o) ? static_cast<double>(int_value(o)) : std::numeric_limits<double>::infinity();
  } else {
    raise(ts, &exc_TypeError, std::string("'") + o->ob_type->tp_name + "' object cannot be interpreted as an integer");
    return false;
  }
  // Timeouts are kept as int64 nanoseconds, as CPython's _PyTime_t.
  if (std::fabs(out) * 1e9 >= 9.223372036854775807e18) {
    raise(ts, &exc_OverflowError, "timestamp out of range for platform time_t");
    return false;
  }
  return true;
}

}  // namespace

std::string object_address(const Object* o) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", static_cast<const void*>(o));
  return buf;
}

bool parse_acquire_args(ThreadState* ts, Object* const* args, std::size_t nargs, Object* kwnames, double& timeout_s) {
  std::size_t nkw = kwnames ? static_cast<std::size_t>(tuple_size(kwnames)) : 0;
  if (nargs + nkw > 2) {
    raise(ts, &exc_TypeError, "acquire() takes at most 2 arguments (" + std::to_string(nargs + nkw) + " given)");
    return false;
  }
  Object* given[2] = {nargs > 0 ? args[0] : nullptr, nargs > 1 ? args[1] : nullptr};
  static const char* const kNames[2] = {"blocking", "timeout"};
  for (std::size_t k = 0; k < nkw; ++k) {
    std::string_view name = str_view(tuple_get(kwnames, static_cast<Py_ssize_t>(k)));
    std::size_t i = name == kNames[0] ? 0 : name == kNames[1] ? 1 : 2;
    if (i == 2) {
      raise(ts, &exc_TypeError, "'" + std::string(name) + "' is an invalid keyword argument for acquire()");
      return false;
    }
    if (given[i]) {
      raise(ts, &exc_TypeError, std::string("argument for acquire() given by name ('") + kNames[i] +
                                    "') and position (" + std::to_string(i + 1) + ")");
      return false;
    }
    given[i] = args[nargs + k];
  }
  bool blocking = true;
  if (given[0]) {
    int truth = object_is_true(ts, given[0]);
    if (truth < 0) return false;
    blocking = truth != 0;
  }
  double timeout = -1;
  if (given[1] && !timeout_from_object(ts, given[1], timeout)) return false;
  if (!blocking && timeout != -1) {
    raise(ts, &exc_ValueError, "can't specify a timeout for a non-blocking call");
    return false;
  }
  if (timeout < 0 && timeout != -1) {
    raise(ts, &exc_ValueError, "timeout value must be positive");
    return false;
  }
  timeout_s = blocking ? timeout : 0;
  return true;
}

namespace {

// With green threads the waiting is the scheduler's: the other threads run until the
// lock is free. No other thread runs between the check and the taking.
AcquireResult green_acquire(ThreadState* ts, GreenScheduler& green, LockCore& core, double timeout_s,
                            const void* lock) {
  ThreadRuntime& rt = *ts->runtime;
  WaitSubject subject{lock, "lock", &core.holder, timeout_s < 0};
  std::function<bool()> free = [&core] { return !core.locked; };
  emit_thread_event(rt, ts, ThreadEventKind::LockWaitBegin, GilDropReason::BlockingCall, lock);
  GreenWaitResult waited = green.wait(ts, free, timeout_s, subject);
  emit_thread_event(rt, ts, ThreadEventKind::LockWaitEnd, GilDropReason::BlockingCall, lock);
  if (waited == GreenWaitResult::Stopped) return AcquireResult::Stopped;
  if (waited == GreenWaitResult::TimedOut) return AcquireResult::TimedOut;
  core.locked = true;
  core.holder = current_thread_ident(ts);
  return AcquireResult::Acquired;
}

}  // namespace

AcquireResult lock_core_acquire(ThreadState* ts, LockCore& core, double timeout_s, const void* lock) {
  {
    std::lock_guard<std::mutex> guard(core.mutex);
    if (!core.locked) {
      core.locked = true;
      core.holder = current_thread_ident(ts);
      return AcquireResult::Acquired;
    }
  }
  if (timeout_s == 0) return AcquireResult::TimedOut;
  if (GreenScheduler* green = green_scheduler(ts)) return green_acquire(ts, *green, core, timeout_s, lock);
  using namespace std::chrono;
  bool forever = timeout_s < 0;
  auto deadline = steady_clock::now() + duration_cast<steady_clock::duration>(duration<double>(forever ? 0 : timeout_s));
  AcquireResult result = AcquireResult::TimedOut;
  WaitSubject subject{lock, "lock", &core.holder, forever};
  WaitingFor waiting(ts, subject);  // cleared after the GIL is taken back
  ReleasedGil released(ts);
  ThreadRuntime& rt = released.runtime();
  emit_thread_event(rt, ts, ThreadEventKind::LockWaitBegin, GilDropReason::BlockingCall, lock);
  DeadlockWatch watch(ts, forever);
  {
    std::unique_lock<std::mutex> guard(core.mutex);
    for (;;) {
      if (!core.locked) {
        core.locked = true;
        core.holder = current_thread_ident(ts);  // the GIL is not held: ts is only read
        result = AcquireResult::Acquired;
        break;
      }
      if (stop_requested(rt, ts)) {
        result = AcquireResult::Stopped;
        break;
      }
      auto now = steady_clock::now();
      if (!forever && now >= deadline) break;
      if (watch.due(now)) {
        guard.unlock();  // the watch takes the GIL: never while holding a lock's mutex
        watch.check();
        guard.lock();
        continue;
      }
      auto until = now + kStopPollSlice;
      core.cond.wait_until(guard, forever || until < deadline ? until : deadline);
    }
  }
  emit_thread_event(rt, ts, ThreadEventKind::LockWaitEnd, GilDropReason::BlockingCall, lock);
  return result;
}

void lock_core_release(LockCore& core) {
  {
    std::lock_guard<std::mutex> guard(core.mutex);
    core.locked = false;
    core.holder = 0;
  }
  core.cond.notify_one();
}

namespace {

Object* lock_acquire(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  double timeout;
  if (!parse_acquire_args(ts, args, nargs, kwnames, timeout)) return nullptr;
  switch (lock_core_acquire(ts, as_lock(self)->core, timeout, self)) {
    case AcquireResult::Acquired: return new_bool(true);
    case AcquireResult::TimedOut: return new_bool(false);
    case AcquireResult::Stopped: return raise_stop(ts);
  }
  return nullptr;
}

bool held(Object* self) {
  LockCore& core = as_lock(self)->core;
  std::lock_guard<std::mutex> guard(core.mutex);
  return core.locked;
}

Object* release_held(ThreadState* ts, Object* self) {
  if (!held(self)) return raise(ts, &exc_RuntimeError, "release unlocked lock");
  lock_core_release(as_lock(self)->core);
  return newref(py_none());
}

Object* lock_release(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (nargs || (kwnames && tuple_size(kwnames) > 0))
    return raise(ts, &exc_TypeError, "lock.release() takes no arguments (" + std::to_string(nargs) + " given)");
  return release_held(ts, self);
}

// __exit__(*exc_info): releases whatever it is given.
Object* lock_exit(ThreadState* ts, Object* self, Object* const*, std::size_t, Object*) {
  return release_held(ts, self);
}

Object* lock_locked(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (nargs || (kwnames && tuple_size(kwnames) > 0))
    return raise(ts, &exc_TypeError, "lock.locked() takes no arguments (" + std::to_string(nargs) + " given)");
  return new_bool(held(self));
}

Object* lock_repr(ThreadState* ts, Object* self) {
  return new_str(ts, std::string(held(self) ? "<locked " : "<unlocked ") + self->ob_type->tp_name + " object at " +
                         object_address(self) + ">");
}

// Locks come from allocate_lock() only (object.__new__ would skip the LockCore).
Object* lock_new(ThreadState* ts, TypeObject*, Object* const*, std::size_t, Object*) {
  return raise(ts, &exc_TypeError, "cannot create '_thread.lock' instances");
}

void lock_dealloc(Object* o) {
  as_lock(o)->core.~LockCore();
  object_free(o);
}

const MethodDef kLockMethods[] = {
    {"acquire", lock_acquire, METH_INSTANCE},
    {"acquire_lock", lock_acquire, METH_INSTANCE},
    {"release", lock_release, METH_INSTANCE},
    {"release_lock", lock_release, METH_INSTANCE},
    {"locked", lock_locked, METH_INSTANCE},
    {"locked_lock", lock_locked, METH_INSTANCE},
    {"__enter__", lock_acquire, METH_INSTANCE},
    {"__exit__", lock_exit, METH_INSTANCE},
    {nullptr, nullptr, 0},
};

}  // namespace

TypeObject thread_lock_type = [] {
  TypeObject t = make_static_type("_thread.lock", sizeof(LockObject), &object_type);
  t.tp_dealloc = lock_dealloc;
  t.tp_repr = lock_repr;
  t.tp_methods = kLockMethods;
  t.tp_new = lock_new;
  return t;
}();

Object* new_thread_lock(ThreadState* ts) {
  auto* lock = static_cast<LockObject*>(object_alloc(&thread_lock_type, sizeof(LockObject)));
  new (&lock->core) LockCore();
  return lock;
}

LockCore& thread_lock_core(Object* lock) { return as_lock(lock)->core; }

void thread_lock_release_if_held(Object* lock) {
  if (held(lock)) lock_core_release(as_lock(lock)->core);
}

}  // namespace terrarium
