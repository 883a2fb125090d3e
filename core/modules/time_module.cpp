// The `time` module: clocks and sleep. sleep() releases the GIL and waits in short
// slices so the Stop button (the interpreter's interrupt flag, set from another thread
// or from JavaScript through shared memory) ends it with KeyboardInterrupt as Ctrl-C
// does in CPython (SystemExit in threads other than the main one).
// CPython: Modules/timemodule.c.
#include <chrono>
#include <cmath>
#include <ctime>
#include <functional>
#include <string>
#include <thread>
#include "modules/builtins_registry.hpp"
#include "modules/module_registry.hpp"
#include "objects/abstract.hpp"
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/int.hpp"
#include "objects/module.hpp"
#include "objects/singletons.hpp"
#include "objects/tuple.hpp"
#include "vm/green_scheduler.hpp"
#include "vm/interpreter_state.hpp"

namespace terrarium {

namespace {

template <typename Clock>
std::int64_t nanoseconds_since_epoch() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

std::int64_t process_nanoseconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<std::int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
}

// A debug session replays a program many times (core/trace/run_controller.cpp): its
// clocks read the step count as microseconds, so every replay sees the same times.
std::int64_t or_virtual(ThreadState* ts, std::int64_t real_nanos) {
  const std::uint64_t* steps = ts->interp->virtual_clock;
  return steps ? static_cast<std::int64_t>(*steps) * 1000 : real_nanos;
}

bool no_args(ThreadState* ts, const char* name, std::size_t nargs) {
  if (nargs == 0) return true;
  raise(ts, &exc_TypeError, std::string("time.") + name + "() takes no arguments (" + std::to_string(nargs) + " given)");
  return false;
}

#define TERRARIUM_CLOCK(fn_name, py_name, nanos_expr)                                                       \
  Object* fn_name(ThreadState* ts, Object*, Object* const*, std::size_t nargs, Object*) {                    \
    if (!no_args(ts, py_name, nargs)) return nullptr;                                                        \
    return new_float(ts, static_cast<double>(or_virtual(ts, nanos_expr)) / 1e9);                                            \
  }                                                                                                          \
  Object* fn_name##_ns(ThreadState* ts, Object*, Object* const*, std::size_t nargs, Object*) {               \
    if (!no_args(ts, py_name "_ns", nargs)) return nullptr;                                                  \
    return new_int(ts, or_virtual(ts, nanos_expr));                                                                       \
  }

TERRARIUM_CLOCK(time_time, "time", nanoseconds_since_epoch<std::chrono::system_clock>())
TERRARIUM_CLOCK(time_monotonic, "monotonic", nanoseconds_since_epoch<std::chrono::steady_clock>())
TERRARIUM_CLOCK(time_perf_counter, "perf_counter", nanoseconds_since_epoch<std::chrono::steady_clock>())
TERRARIUM_CLOCK(time_process_time, "process_time", process_nanoseconds())
#undef TERRARIUM_CLOCK

Object* time_sleep(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (kwnames && tuple_size(kwnames) > 0) return raise(ts, &exc_TypeError, "sleep() takes no keyword arguments");
  if (nargs != 1) return raise(ts, &exc_TypeError, "time.sleep() takes exactly one argument (" + std::to_string(nargs) + " given)");
  double seconds;
  if (is_int(args[0]) && int_fits_int64(args[0])) {
    seconds = static_cast<double>(int_value(args[0]));
  } else if (is_instance(args[0], &float_type)) {
    seconds = float_value(args[0]);
  } else {
    return raise(ts, &exc_TypeError, std::string("'") + args[0]->ob_type->tp_name +
                                         "' object cannot be interpreted as an integer");
  }
  if (std::isnan(seconds)) return raise(ts, &exc_ValueError, "Invalid value NaN (not a number)");
  if (seconds < 0) return raise(ts, &exc_ValueError, "sleep length must be non-negative");
  if (GreenScheduler* green = green_scheduler(ts)) {  // the other green threads run meanwhile
    static const std::function<bool()> never = [] { return false; };
    WaitSubject subject{nullptr, "time.sleep()", nullptr};
    if (green->wait(ts, never, seconds, subject) == GreenWaitResult::Stopped) return raise_stop(ts);
    return newref(py_none());
  }
  if (ts->interp->virtual_clock) return newref(py_none());  // virtual time: sleeping takes no steps
  using namespace std::chrono;
  auto deadline = steady_clock::now() + duration_cast<steady_clock::duration>(duration<double>(seconds));
  constexpr auto kSlice = milliseconds(10);
  bool stopped = false;
  {
    // Other threads run while this one sleeps (CPython releases the GIL here too).
    ReleasedGil released(ts);
    for (;;) {
      if (stop_requested(released.runtime(), ts)) {
        stopped = true;
        break;
      }
      auto now = steady_clock::now();
      if (now >= deadline) break;
      std::this_thread::sleep_for(std::min<steady_clock::duration>(deadline - now, kSlice));
    }
  }
  if (stopped) return raise_stop(ts);
  return newref(py_none());
}

}  // namespace

Object* init_time_module(ThreadState* ts) {
  Object* m = new_module(ts, "time");
  if (!m) return nullptr;
  Object* d = module_dict(m);
  struct Fn { const char* name; CallFunc impl; };
  static const Fn kFunctions[] = {
      {"time", time_time}, {"time_ns", time_time_ns}, {"monotonic", time_monotonic},
      {"monotonic_ns", time_monotonic_ns}, {"perf_counter", time_perf_counter},
      {"perf_counter_ns", time_perf_counter_ns}, {"process_time", time_process_time},
      {"process_time_ns", time_process_time_ns}, {"sleep", time_sleep},
  };
  bool ok = true;
  for (const Fn& f : kFunctions) ok = ok && add_builtin_function(ts, d, f.name, f.impl);
  if (!ok) {
    decref(m);
    return nullptr;
  }
  return m;
}

}  // namespace terrarium
