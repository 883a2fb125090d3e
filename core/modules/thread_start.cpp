// Starting and ending Python threads: _thread.start_new_thread, the new thread's life
// (take the GIL, call the function, report an exception as CPython does, release the
// _set_sentinel locks, give the GIL up for good), _count and _set_sentinel.
// CPython: Modules/_threadmodule.c thread_PyThread_start_new_thread, thread_run.
#include "modules/thread_module.hpp"

#include "modules/builtins_registry.hpp"

#include <algorithm>
#include <memory>
#include "modules/thread_lock.hpp"
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"
#include "trace/observer.hpp"
#include "trace/trace_hooks.hpp"
#include "vm/eval_helpers.hpp"
#include "vm/gc_state.hpp"
#include "vm/gil.hpp"
#include "vm/green_scheduler.hpp"
#include "vm/interpreter_state.hpp"
#include "vm/os_thread.hpp"
#include "vm/unraisable.hpp"

namespace terrarium {

namespace {

// What the new thread needs; it owns this (and the references in it).
struct Boot {
  std::shared_ptr<ThreadRuntime> runtime;  // alive as long as this thread, whatever happens
  ThreadState* ts;
  Object* func;
  Object* args;
  Object* kwargs;  // null or dict
};

}  // namespace

// The end of a thread state, with the GIL held: sentinels released (join returns),
// per-thread data dropped, the registry updated. CPython: PyThreadState_Clear/Delete.
void clear_thread_state(ThreadState* ts) {
  for (Object* lock : ts->sentinels) {
    thread_lock_release_if_held(lock);
    decref(lock);
  }
  ts->sentinels.clear();
  Object* dict = ts->dict;
  ts->dict = nullptr;
  xdecref(dict);
  clear_error(ts);
  for (Object* e : ts->handled) xdecref(e);
  ts->handled.clear();
  std::vector<ThreadState*>& threads = ts->interp->threads;
  threads.erase(std::remove(threads.begin(), threads.end(), ts), threads.end());
  // The last thread told to stop is gone: the main thread need not look any more.
  if (threads.empty()) ts->runtime->eval_breaker.fetch_and(static_cast<std::uint8_t>(~kBreakStopThreads));
}

namespace {

void run_thread(void* arg) {
  std::unique_ptr<Boot> boot(static_cast<Boot*>(arg));
  ThreadState* ts = boot->ts;
  ThreadRuntime& rt = *boot->runtime;
  if (!rt.green) ts->ident = os_thread_ident();  // a green thread's was given at start
  set_current_thread_state(ts);
  take_gil(rt, ts);
  emit_thread_event(rt, ts, ThreadEventKind::ThreadStart);
  Object* result = call_with_tuple_and_dict(ts, boot->func, boot->args, boot->kwargs);
  if (result) {
    decref(result);
  } else if (is_instance(ts->curexc, &exc_SystemExit)) {
    clear_error(ts);  // _thread.exit() and Stop end a thread quietly
  } else {
    write_unraisable_msg(ts, "in thread started by", boot->func);
  }
  decref(boot->func);
  decref(boot->args);
  xdecref(boot->kwargs);
  clear_thread_state(ts);
  release_thread_caches();
  emit_thread_event(rt, ts, ThreadEventKind::ThreadEnd);
  set_current_thread_state(nullptr);
  drop_gil(rt, ts, GilDropReason::Exit);
  delete ts;
}

Object* start_new_thread(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (kwnames && tuple_size(kwnames) > 0) return raise(ts, &exc_TypeError, "start_new_thread() takes no keyword arguments");
  if (nargs < 2)
    return raise(ts, &exc_TypeError, "start_new_thread expected at least 2 arguments, got " + std::to_string(nargs));
  if (nargs > 3)
    return raise(ts, &exc_TypeError, "start_new_thread expected at most 3 arguments, got " + std::to_string(nargs));
  if (!args[0]->ob_type->tp_call) return raise(ts, &exc_TypeError, "first arg must be callable");
  if (!is_tuple(args[1])) return raise(ts, &exc_TypeError, "2nd arg must be a tuple");
  Object* kwargs = nargs == 3 ? args[2] : nullptr;
  if (kwargs && !is_instance(kwargs, &dict_type)) return raise(ts, &exc_TypeError, "optional 3rd arg must be a dictionary");
  GreenScheduler* green = green_scheduler(ts);
  // The single-threaded WASM build runs threads only where it can switch fibers.
  if (!green && !os_threads_available()) return raise(ts, &exc_RuntimeError, "can't start new thread");
  InterpreterState* interp = ts->interp;
  auto* child = new ThreadState();
  child->interp = interp;
  child->runtime = ts->runtime;
  child->eval_breaker = ts->eval_breaker;
  child->serial = ts->runtime->next_serial.fetch_add(1);
  child->recursion_limit = child->recursion_remaining = interp->main_thread.recursion_limit;
  if (TraceObserver* observer = interp->main_thread.trace_observer; observer && observer->follows_threads()) {
    child->trace_observer = observer;
    child->trace_dispatch = kTraceDispatchIndex;
  }
  interp->threads.push_back(child);
  auto* boot = new Boot{interp->runtime, child, newref(args[0]), newref(args[1]), kwargs ? newref(kwargs) : nullptr};
  std::uint64_t ident = 0;
  bool started;
  if (green) {
    // Green threads share the OS thread: each gets an identifier of its own.
    ident = child->ident = interp->main_thread.ident + 0x1000 * child->serial;
    started = green->start(&interp->main_thread, child, run_thread, boot);
  } else {
    started = start_os_thread(run_thread, boot, ts->runtime->thread_stack_size, ident);
  }
  if (!started) {
    interp->threads.pop_back();
    decref(boot->func);
    decref(boot->args);
    xdecref(boot->kwargs);
    delete boot;
    delete child;
    return raise(ts, &exc_RuntimeError, "can't start new thread");
  }
  return new_int(ts, static_cast<std::int64_t>(ident));
}

Object* thread_count(ThreadState* ts, Object*, Object* const*, std::size_t nargs, Object* kwnames) {
  if (nargs || (kwnames && tuple_size(kwnames) > 0))
    return raise(ts, &exc_TypeError, "_count() takes no arguments (" + std::to_string(nargs) + " given)");
  return new_int(ts, static_cast<std::int64_t>(ts->interp->threads.size()));
}

// A new lock that is released (if the caller acquired it) when the calling thread's
// state goes away; threading.Thread acquires it at start and join waits for it.
Object* set_sentinel(ThreadState* ts, Object*, Object* const*, std::size_t nargs, Object* kwnames) {
  if (nargs || (kwnames && tuple_size(kwnames) > 0))
    return raise(ts, &exc_TypeError, "_set_sentinel() takes no arguments (" + std::to_string(nargs) + " given)");
  Object* lock = new_thread_lock(ts);
  ts->sentinels.push_back(newref(lock));
  return lock;
}

}  // namespace

bool add_thread_start_functions(ThreadState* ts, Object* dict) {
  return add_builtin_function(ts, dict, "start_new_thread", start_new_thread) &&
         add_builtin_function(ts, dict, "start_new", start_new_thread) &&
         add_builtin_function(ts, dict, "_count", thread_count) &&
         add_builtin_function(ts, dict, "_set_sentinel", set_sentinel);
}

}  // namespace terrarium
