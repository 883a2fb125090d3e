// The `_thread` built-in module that threading.py builds on: its table of names and the
// small functions (get_ident, get_native_id, stack_size, exit, interrupt_main,
// allocate_lock, and Terrarium's _report_name). Locks: thread_lock.cpp, thread_rlock.cpp;
// thread-local objects: thread_local.cpp; starting threads: thread_start.cpp.
// CPython: Modules/_threadmodule.c.
#include <string>
#include "modules/builtins_registry.hpp"
#include "modules/module_registry.hpp"
#include "modules/thread_lock.hpp"
#include "modules/thread_module.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/getargs.hpp"
#include "objects/int.hpp"
#include "objects/module.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"
#include "vm/gil.hpp"
#include "vm/interpreter_state.hpp"
#include "vm/os_thread.hpp"

namespace terrarium {

namespace {

// PY_TIMEOUT_MAX as seconds: the largest timeout an int64 of nanoseconds holds,
// rounded down to microseconds as CPython's _thread reports it.
constexpr double kTimeoutMax = 9223372036.0;
// CPython's THREAD_STACK_MIN on Linux.
constexpr std::int64_t kThreadStackMin = 32768;

bool no_arguments(ThreadState* ts, const char* name, std::size_t nargs, Object* kwnames) {
  if (kwnames && tuple_size(kwnames) > 0) {
    raise(ts, &exc_TypeError, std::string(name) + "() takes no keyword arguments");
    return false;
  }
  if (nargs == 0) return true;
  raise(ts, &exc_TypeError, std::string(name) + "() takes no arguments (" + std::to_string(nargs) + " given)");
  return false;
}

Object* get_ident(ThreadState* ts, Object*, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_arguments(ts, "get_ident", nargs, kwnames)) return nullptr;
  return new_int(ts, static_cast<std::int64_t>(current_thread_ident(ts)));
}

Object* get_native_id(ThreadState* ts, Object*, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_arguments(ts, "get_native_id", nargs, kwnames)) return nullptr;
  // Green threads share one OS thread: each gets its own number after the OS thread's.
  std::uint64_t green_offset = ts->runtime->green ? ts->serial : 0;
  return new_int(ts, static_cast<std::int64_t>(os_native_thread_id() + green_offset));
}

Object* allocate_lock(ThreadState* ts, Object*, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_arguments(ts, "allocate_lock", nargs, kwnames)) return nullptr;
  return new_thread_lock(ts);
}

Object* thread_exit(ThreadState* ts, Object*, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_arguments(ts, "exit", nargs, kwnames)) return nullptr;
  return raise(ts, &exc_SystemExit, "");
}

// Simulates SIGINT for the main thread: KeyboardInterrupt at its next check.
Object* interrupt_main(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (kwnames && tuple_size(kwnames) > 0) return raise(ts, &exc_TypeError, "interrupt_main() takes no keyword arguments");
  if (nargs > 1)
    return raise(ts, &exc_TypeError, "interrupt_main expected at most 1 argument, got " + std::to_string(nargs));
  if (nargs == 1 && !is_int(args[0]))
    return raise(ts, &exc_TypeError, std::string("'") + args[0]->ob_type->tp_name + "' object cannot be interpreted as an integer");
  if (nargs == 1 && int_value(args[0]) != 2) return raise(ts, &exc_ValueError, "signal number out of range");
  ts->runtime->eval_breaker.fetch_or(kBreakInterruptMain, std::memory_order_acq_rel);
  return newref(py_none());
}

// stack_size([size]): the previous setting; 0 means the platform default.
Object* stack_size(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (kwnames && tuple_size(kwnames) > 0) return raise(ts, &exc_TypeError, "stack_size() takes no keyword arguments");
  if (nargs > 1)
    return raise(ts, &exc_TypeError, "stack_size() takes at most 1 argument (" + std::to_string(nargs) + " given)");
  std::size_t& setting = ts->runtime->thread_stack_size;
  Object* old = new_int(ts, static_cast<std::int64_t>(setting));
  if (nargs == 0) return old;
  if (!is_int(args[0])) {
    decref(old);
    return raise(ts, &exc_TypeError, std::string("'") + args[0]->ob_type->tp_name + "' object cannot be interpreted as an integer");
  }
  std::int64_t size = int_value(args[0]);
  if (size < 0) {
    decref(old);
    return raise(ts, &exc_ValueError, "size must be 0 or a positive value");
  }
  if (size != 0 && size < kThreadStackMin) {
    decref(old);
    return raise(ts, &exc_ValueError, "size not valid: " + std::to_string(size) + " bytes");
  }
  setting = static_cast<std::size_t>(size);
  return old;
}

// The live thread whose get_ident() is `ident`, or null (it may have ended). The
// caller holds the GIL, which guards the list of threads.
ThreadState* live_thread_with_ident(InterpreterState* interp, std::uint64_t ident) {
  if (interp->main_thread.ident == ident) return &interp->main_thread;
  for (ThreadState* t : interp->threads)
    if (t->ident == ident) return t;
  return nullptr;
}

// _report_name(ident, name): Terrarium's own hook, not CPython's. threading.py calls
// it when a thread's ident becomes known and when it is renamed, so the thread
// observer (the threads pane, Chrome traces) can label the lane with the Python name.
Object* report_name(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_positional(ts, "_report_name", "_report_name", nargs, kwnames, 2, 2)) return nullptr;
  if (!is_int(args[0]))
    return raise(ts, &exc_TypeError, std::string("_report_name() argument 1 must be int, not ") + clinic_type_name(args[0]));
  if (!is_str(args[1]))
    return raise(ts, &exc_TypeError, std::string("_report_name() argument 2 must be str, not ") + clinic_type_name(args[1]));
  auto ident = static_cast<std::uint64_t>(int_value(args[0]));
  ThreadState* named = live_thread_with_ident(ts->interp, ident);
  if (!named) return newref(py_none());
  named->python_name = str_view(args[1]);
  emit_thread_event(*ts->runtime, named, ThreadEventKind::ThreadNamed, GilDropReason::Interval, nullptr,
                    named->python_name);
  return newref(py_none());
}

}  // namespace

Object* init_thread_module(ThreadState* ts) {
  for (TypeObject* t : {&thread_lock_type, &thread_rlock_type, &thread_local_type})
    if (!type_ready(ts, t)) return nullptr;
  Object* m = new_module(ts, "_thread");
  if (!m) return nullptr;
  Object* d = module_dict(m);
  bool ok = add_builtin_function(ts, d, "get_ident", get_ident) &&
            add_builtin_function(ts, d, "get_native_id", get_native_id) &&
            add_builtin_function(ts, d, "allocate_lock", allocate_lock) &&
            add_builtin_function(ts, d, "allocate", allocate_lock) &&
            add_builtin_function(ts, d, "exit", thread_exit) &&
            add_builtin_function(ts, d, "exit_thread", thread_exit) &&
            add_builtin_function(ts, d, "interrupt_main", interrupt_main) &&
            add_builtin_function(ts, d, "stack_size", stack_size) &&
            add_builtin_function(ts, d, "_report_name", report_name) &&
            add_thread_start_functions(ts, d) &&
            add_builtin_object(ts, d, "LockType", newref(&thread_lock_type)) &&
            add_builtin_object(ts, d, "RLock", newref(&thread_rlock_type)) &&
            add_builtin_object(ts, d, "_local", newref(&thread_local_type)) &&
            add_builtin_object(ts, d, "error", newref(&exc_RuntimeError)) &&
            add_builtin_object(ts, d, "TIMEOUT_MAX", new_float(ts, kTimeoutMax));
  if (!ok) {
    decref(m);
    return nullptr;
  }
  return m;
}

}  // namespace terrarium
