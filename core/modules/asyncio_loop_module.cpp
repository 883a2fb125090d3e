// The `_asyncio_loop` built-in module: the C++ loop core (modules/asyncio_loop_core.hpp)
// as a Python type, `Loop`, that core/pylib/asyncio builds its event loop on. A queued
// handle is any object with a `_cancelled` flag and a `_run()` method (asyncio.Handle);
// the Python layer keeps the callback, its arguments and the error handling.
// Not here: futures, tasks and everything else asyncio (core/pylib/asyncio/).
#include <string>
#include "modules/asyncio_loop_core.hpp"
#include "modules/builtins_registry.hpp"
#include "modules/module_registry.hpp"
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/int.hpp"
#include "objects/module.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"
#include "vm/gil.hpp"
#include "vm/green_scheduler.hpp"
#include "vm/interpreter_state.hpp"

namespace terrarium {

extern TypeObject loop_core_type;  // readied with the built-in types (type_registry.cpp)

namespace {

struct LoopObject : Object {
  LoopCore* core;
  ThreadState* ts;  // the thread running the loop; the core's callbacks need it
};

LoopObject* as_loop(Object* o) { return static_cast<LoopObject*>(o); }

// ---- the core's view of Python handles ---------------------------------------------

bool handle_cancelled(void* ctx, void* handle) {
  ThreadState* ts = static_cast<LoopObject*>(ctx)->ts;
  Object* flag = get_attr_str_or_null(ts, static_cast<Object*>(handle), "_cancelled");
  if (!flag) return false;
  bool cancelled = flag == py_true();
  decref(flag);
  return cancelled;
}

// Calls handle._run(): the slow path, for handles that are not asyncio.Handle's shape.
bool run_by_method(ThreadState* ts, Object* handle) {
  Object* run = get_attr_str_or_null(ts, handle, "_run");
  if (!run) {
    if (!has_error(ts)) raise(ts, &exc_TypeError, "loop handles need a _run() method");
    return false;
  }
  Object* result = call_object(ts, run, nullptr, 0, nullptr);
  decref(run);
  if (!result) return false;
  decref(result);
  return true;
}

// Does what asyncio.Handle._run() does without its Python frame (a million tasks make
// several million of these calls): callback(*args), letting SystemExit and
// KeyboardInterrupt through and handing any other exception to handle._report(exc).
bool handle_run(void* ctx, void* handle) {
  ThreadState* ts = static_cast<LoopObject*>(ctx)->ts;
  auto* h = static_cast<Object*>(handle);
  Object* callback = get_attr_str_or_null(ts, h, "_callback");
  Object* args = callback ? get_attr_str_or_null(ts, h, "_args") : nullptr;
  if (!args || !is_instance(args, &tuple_type)) {
    xdecref(callback);
    xdecref(args);
    return !has_error(ts) && run_by_method(ts, h);
  }
  Object* result = call_object(ts, callback, static_cast<TupleObject*>(args)->items,
                               static_cast<std::size_t>(tuple_size(args)), nullptr);
  decref(callback);
  decref(args);
  if (result) {
    decref(result);
    return true;
  }
  if (is_instance(ts->curexc, &exc_SystemExit) || is_instance(ts->curexc, &exc_KeyboardInterrupt)) return false;
  Object* exc = fetch_error(ts);
  Object* report = get_attr_str_or_null(ts, h, "_report");
  if (!report) {
    decref(exc);
    if (!has_error(ts)) raise(ts, &exc_TypeError, "loop handles need a _report() method");
    return false;
  }
  Object* reported = call_object(ts, report, &exc, 1, nullptr);
  decref(report);
  decref(exc);
  if (!reported) return false;
  decref(reported);
  return true;
}

void handle_release(void*, void* handle) { decref(static_cast<Object*>(handle)); }

bool host_interrupted(void* ctx) {
  ThreadState* ts = static_cast<LoopObject*>(ctx)->ts;
  return stop_requested(*ts->runtime, ts);
}

// The loop's wait for its next timer is a blocking call: the GIL is released for it.
void host_blocking(void* ctx, const std::function<void()>& wait) {
  ReleasedGil released(static_cast<LoopObject*>(ctx)->ts);
  wait();
}

// With green threads the wait is the scheduler's. `woken` consumes the wake-up it
// reports, and the scheduler may ask more than once: the first yes is kept.
bool host_wait_instead(void* ctx, double seconds, const std::function<bool()>& woken, bool& time_passed) {
  ThreadState* ts = static_cast<LoopObject*>(ctx)->ts;
  GreenScheduler* green = green_scheduler(ts);
  if (!green) return false;
  bool fired = false;
  std::function<bool()> ready = [&] { return fired || (fired = woken()); };
  WaitSubject subject{nullptr, "the event loop's next timer", nullptr};
  time_passed = green->wait(ts, ready, seconds > 0 ? seconds : 0, subject) == GreenWaitResult::TimedOut;
  return true;
}

// ---- the Loop type ----------------------------------------------------------------


void loop_dealloc(Object* o) {
  delete as_loop(o)->core;
  object_free(o);
}

Object* loop_new(ThreadState* ts, TypeObject*, Object* const*, std::size_t nargs, Object* kwnames) {
  if (nargs || (kwnames && tuple_size(kwnames) > 0)) return raise(ts, &exc_TypeError, "Loop() takes no arguments");
  auto* loop = static_cast<LoopObject*>(object_alloc(&loop_core_type, sizeof(LoopObject)));
  loop->ts = ts;
  LoopHandleOps ops;
  ops.ctx = loop;
  ops.cancelled = handle_cancelled;
  ops.run = handle_run;
  ops.release = handle_release;
  ops.interrupted = host_interrupted;
  ops.blocking = host_blocking;
  ops.wait_instead = host_wait_instead;
  LoopHostHooks* hooks = ts->interp->loop_hooks;
  std::uint64_t id = hooks ? ++hooks->loops_made : 1;
  loop->core = new LoopCore(ops, hooks ? hooks->on_event : nullptr, id);
  if (hooks && hooks->virtual_clock) loop->core->clock().set_virtual(true);
  return loop;
}

bool expect_args(ThreadState* ts, const char* name, std::size_t want, std::size_t nargs, Object* kwnames) {
  if (kwnames && tuple_size(kwnames) > 0) {
    raise(ts, &exc_TypeError, std::string(name) + "() takes no keyword arguments");
    return false;
  }
  if (nargs == want) return true;
  raise(ts, &exc_TypeError, std::string(name) + "() takes exactly " + std::to_string(want) + " argument" +
                                (want == 1 ? "" : "s") + " (" + std::to_string(nargs) + " given)");
  return false;
}

Object* loop_call_soon(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kw) {
  if (!expect_args(ts, "call_soon", 1, nargs, kw)) return nullptr;
  as_loop(self)->core->call_soon(newref(args[0]));
  return newref(py_none());
}

Object* loop_call_at(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kw) {
  if (!expect_args(ts, "call_at", 2, nargs, kw)) return nullptr;
  double when;
  if (!float_as_double(ts, args[0], when)) return nullptr;
  return new_int(ts, static_cast<std::int64_t>(as_loop(self)->core->call_at(when, newref(args[1]))));
}

Object* loop_time(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kw) {
  if (!expect_args(ts, "time", 0, nargs, kw)) return nullptr;
  return new_float(ts, as_loop(self)->core->time());
}

// True when stop() ended the run, False when nothing was left to run or wait for (CPython
// would block for ever there). Errors from callbacks and KeyboardInterrupt propagate.
Object* loop_run_until_stopped(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kw) {
  if (!expect_args(ts, "run_until_stopped", 0, nargs, kw)) return nullptr;
  LoopObject* loop = as_loop(self);
  ThreadState* outer = loop->ts;
  loop->ts = ts;
  LoopStep step = loop->core->run_until_stopped();
  loop->ts = outer;
  switch (step) {
    case LoopStep::Ran: return newref(py_true());
    case LoopStep::Idle: return newref(py_false());
    case LoopStep::Error: return nullptr;
    case LoopStep::Interrupted:
      return raise_stop(ts);
  }
  return nullptr;
}

// call_soon_threadsafe(): cut short a wait for a timer so the new callback runs now.
Object* loop_wake(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kw) {
  if (!expect_args(ts, "wake", 0, nargs, kw)) return nullptr;
  as_loop(self)->core->wake();
  return newref(py_none());
}

Object* loop_stop(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kw) {
  if (!expect_args(ts, "stop", 0, nargs, kw)) return nullptr;
  as_loop(self)->core->stop();
  return newref(py_none());
}

Object* loop_clear(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kw) {
  if (!expect_args(ts, "clear", 0, nargs, kw)) return nullptr;
  as_loop(self)->core->clear();
  return newref(py_none());
}

Object* loop_set_virtual_clock(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kw) {
  if (!expect_args(ts, "set_virtual_clock", 1, nargs, kw)) return nullptr;
  int on = object_is_true(ts, args[0]);
  if (on < 0) return nullptr;
  as_loop(self)->core->clock().set_virtual(on != 0);
  return newref(py_none());
}

// emit(kind, subject, detail): a task event from the Python layer, for the host.
Object* loop_emit(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kw) {
  if (!expect_args(ts, "emit", 3, nargs, kw)) return nullptr;
  for (std::size_t i = 0; i < 3; ++i)
    if (!is_instance(args[i], &str_type)) return raise(ts, &exc_TypeError, "emit() arguments must be str");
  LoopEventKind kind;
  if (!loop_event_from_name(std::string(str_view(args[0])), kind))
    return raise(ts, &exc_ValueError, "unknown loop event " + std::string(str_view(args[0])));
  as_loop(self)->core->emit(kind, std::string(str_view(args[1])), std::string(str_view(args[2])));
  return newref(py_none());
}

Object* loop_get_observed(ThreadState*, Object* self) { return new_bool(as_loop(self)->core->observed()); }
Object* loop_get_virtual(ThreadState*, Object* self) { return new_bool(as_loop(self)->core->clock().is_virtual()); }
Object* loop_get_ready(ThreadState* ts, Object* self) {
  return new_int(ts, static_cast<std::int64_t>(as_loop(self)->core->ready_count()));
}
Object* loop_get_timers(ThreadState* ts, Object* self) {
  return new_int(ts, static_cast<std::int64_t>(as_loop(self)->core->timer_count()));
}

const MethodDef kLoopMethods[] = {
    {"call_soon", loop_call_soon, METH_INSTANCE},
    {"call_at", loop_call_at, METH_INSTANCE},
    {"time", loop_time, METH_INSTANCE},
    {"run_until_stopped", loop_run_until_stopped, METH_INSTANCE},
    {"stop", loop_stop, METH_INSTANCE},
    {"wake", loop_wake, METH_INSTANCE},
    {"clear", loop_clear, METH_INSTANCE},
    {"set_virtual_clock", loop_set_virtual_clock, METH_INSTANCE},
    {"emit", loop_emit, METH_INSTANCE},
    {nullptr, nullptr, 0},
};
const GetSetDef kLoopGetSet[] = {
    {"observed", loop_get_observed, nullptr},         // a host listens: worth building event text
    {"virtual_clock", loop_get_virtual, nullptr},
    {"ready_count", loop_get_ready, nullptr},
    {"timer_count", loop_get_timers, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

TypeObject loop_core_type = [] {
  TypeObject t = make_static_type("Loop", sizeof(LoopObject), &object_type);
  t.tp_dealloc = loop_dealloc;
  t.tp_methods = kLoopMethods;
  t.tp_getset = kLoopGetSet;
  t.tp_new = loop_new;
  return t;
}();

Object* init_asyncio_loop_module(ThreadState* ts) {
  Object* m = new_module(ts, "_asyncio_loop");
  if (!m) return nullptr;
  Object* key = new_str(ts, "Loop");
  bool ok = dict_set_item(ts, module_dict(m), key, &loop_core_type);
  decref(key);
  if (!ok) {
    decref(m);
    return nullptr;
  }
  return m;
}

}  // namespace terrarium
