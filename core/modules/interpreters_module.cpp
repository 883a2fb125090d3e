// _interpreters: isolated interpreters for Python code, the ground a process pool stands
// on. A Worker runs the main program's source as __mp_main__ on its own OS thread and
// answers calls of its module-level functions with copied arguments and results;
// exceptions come back as the same class, found by module and name as pickle finds it.
// Owns the Python-facing type; the thread is isolated_worker.cpp, the copying cross_value.cpp.
#include <functional>
#include <thread>
#include <utility>
#include "modules/builtins_registry.hpp"
#include "modules/isolated_worker.hpp"
#include "modules/module_registry.hpp"
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/getargs.hpp"
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

extern TypeObject worker_type;  // readied with the built-in types (type_registry.cpp)

namespace {

struct WorkerObject : Object {
  IsolatedWorker* worker;  // null once closed
};

WorkerObject* as_worker(Object* o) { return static_cast<WorkerObject*>(o); }

void write_output(ThreadState* ts, const std::vector<WorkerOutput>& output) {
  for (const WorkerOutput& o : output) ts->interp->out->write(o.stream, o.text);
}

void close_worker(ThreadState* ts, WorkerObject* w) {
  IsolatedWorker* worker = std::exchange(w->worker, nullptr);
  if (!worker) return;
  std::vector<WorkerOutput> output;
  if (ts) {
    ReleasedGil released(ts);  // the caller's other threads run while the worker ends
    output = worker->close();
  } else {
    output = worker->close();
  }
  if (ts) write_output(ts, output);
  delete worker;
}

void worker_dealloc(Object* o) {
  close_worker(current_thread_state(), as_worker(o));
  object_free(o);
}

#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
constexpr bool kHaveThreads = false;  // the single-threaded browser modules (green threads at most)
#else
constexpr bool kHaveThreads = true;
#endif

bool threads_available(ThreadState* ts) {
  if (!kHaveThreads) raise(ts, &exc_RuntimeError, "isolated interpreters need a build with threads");
  return kHaveThreads;
}

bool str_arg(ThreadState* ts, const char* fname, const char* pname, Object* o, std::string& out) {
  if (!is_str(o)) {
    raise(ts, &exc_TypeError, std::string(fname) + "() argument '" + pname + "' must be str, not " +
                                  clinic_type_name(o));
    return false;
  }
  out.assign(str_view(o));
  return true;
}

// Worker(source=None, filename=None): without a source, the program running as __main__.
Object* worker_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  static const char* const kNames[] = {"source", "filename"};
  static const KwSpec kSpec{"Worker", kNames, 2, 0, 2, 0};
  Object* given[2] = {nullptr, nullptr};
  if (!unpack_keywords(ts, kSpec, args, nargs, kwnames, given)) return nullptr;
  std::string source = ts->interp->main_source, filename = ts->interp->main_filename;
  if (given[0] && given[0] != py_none()) {
    if (!str_arg(ts, "Worker", "source", given[0], source)) return nullptr;
    filename = "<worker>";
  }
  if (given[1] && given[1] != py_none() && !str_arg(ts, "Worker", "filename", given[1], filename)) return nullptr;
  if (!threads_available(ts)) return nullptr;
  auto* w = static_cast<WorkerObject*>(object_alloc(type, sizeof(WorkerObject)));
  if (!w) return nullptr;
  w->worker = new IsolatedWorker(std::move(source), std::move(filename), "__mp_main__");
  return w;
}

IsolatedWorker* open_worker(ThreadState* ts, Object* self) {
  IsolatedWorker* worker = as_worker(self)->worker;
  if (!worker) raise(ts, &exc_ValueError, "the worker is closed");
  return worker;
}

// Copies the call into the worker's queue; what cannot cross fails here, in the caller.
bool submit_call(ThreadState* ts, IsolatedWorker* worker, Object* function, Object* call_args, Object* call_kwargs) {
  WorkerCall call;
  // A name means a function of the main module; a function or class crosses by reference.
  if (is_str(function)) {
    call.function = cross_global("__main__", std::string(str_view(function)));
  } else if (!cross_encode(ts, function, call.function)) {
    return false;
  } else if (call.function.kind != CrossValue::Kind::Global) {
    raise(ts, &exc_TypeError, std::string("submit() argument 'function' must be str or a function, not ") +
                                  clinic_type_name(function));
    return false;
  }
  if (!is_tuple(call_args)) {
    raise(ts, &exc_TypeError, std::string("submit() argument 'args' must be tuple, not ") + clinic_type_name(call_args));
    return false;
  }
  if (call_kwargs != py_none() && !is_instance(call_kwargs, &dict_type)) {
    raise(ts, &exc_TypeError,
          std::string("submit() argument 'kwargs' must be dict or None, not ") + clinic_type_name(call_kwargs));
    return false;
  }
  if (!cross_encode(ts, call_args, call.args) || !cross_encode(ts, call_kwargs, call.kwargs)) return false;
  worker->submit(std::move(call));
  return true;
}

// worker.submit(function, args=(), kwargs=None): queues a call and returns at once.
Object* worker_submit(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  static const char* const kNames[] = {"function", "args", "kwargs"};
  static const KwSpec kSpec{"submit", kNames, 3, 0, 3, 1};
  Object* given[3] = {nullptr, nullptr, nullptr};
  if (!unpack_keywords(ts, kSpec, args, nargs, kwnames, given)) return nullptr;
  IsolatedWorker* worker = open_worker(ts, self);
  if (!worker) return nullptr;
  Object* empty = new_tuple(ts, 0);
  bool ok = submit_call(ts, worker, given[0], given[1] ? given[1] : empty, given[2] ? given[2] : py_none());
  decref(empty);
  return ok ? newref(py_none()) : nullptr;
}

// The worker's exception class, found here as unpickling finds a class (the worker's
// __mp_main__ is this interpreter's __main__). Null (no error) if absent or not an
// exception class. Borrowed: classes stay alive through their module.
TypeObject* find_exception_class(ThreadState* ts, const std::string& module, const std::string& qualname) {
  Object* found = cross_find_global(ts, module, qualname);
  clear_error(ts);
  bool usable = found && is_instance(found, &type_type) && is_exception_type(static_cast<TypeObject*>(found));
  xdecref(found);
  return usable ? static_cast<TypeObject*>(found) : nullptr;
}

// The worker's exception, rebuilt from its class and args in this interpreter (new ref).
Object* rebuild_exception(ThreadState* ts, const WorkerReply& reply) {
  if (TypeObject* cls = find_exception_class(ts, reply.exc_module, reply.exc_qualname)) {
    Object* args = reply.has_args ? cross_decode(ts, reply.exc_args) : nullptr;
    if (!args) {
      clear_error(ts);
      args = new_tuple(ts, 1);
      tuple_set(args, 0, new_str(ts, reply.exc_message));
    }
    Object* exc = call_object(ts, cls, static_cast<TupleObject*>(args)->items,
                              static_cast<std::size_t>(tuple_size(args)), nullptr);
    decref(args);
    if (exc && is_instance(exc, &exc_BaseException)) return exc;
    xdecref(exc);
    clear_error(ts);
  }
  std::string name = reply.exc_module == "builtins" ? reply.exc_qualname : reply.exc_module + "." + reply.exc_qualname;
  return new_exception(ts, &exc_RuntimeError, name + ": " + reply.exc_message);
}

// Waits for the oldest call's reply, printing what the worker printed meanwhile.
bool collect_reply(ThreadState* ts, IsolatedWorker* worker, WorkerReply& reply) {
  if (worker->unanswered() == 0) {
    raise(ts, &exc_RuntimeError, "no call is waiting for its result");
    return false;
  }
  bool stopped = false;
  if (GreenScheduler* green = green_scheduler(ts)) {
    // Green threads run while it waits. The worker is an OS thread the scheduler cannot
    // see, so the wait has a deadline (checked again every 10 ms) and is never a deadlock.
    std::function<bool()> replied = [&] { return worker->wait_reply(reply, std::chrono::milliseconds(0)); };
    WaitSubject subject{nullptr, "an isolated interpreter's reply", nullptr};
    bool got = false;
    while (!got && !stopped) {
      GreenWaitResult r = green->wait(ts, [&] { return got = got || replied(); }, 0.01, subject);
      stopped = r == GreenWaitResult::Stopped && !got;
    }
  } else {
    // The caller's other threads run while it waits, as while it sleeps; the wait is
    // sliced so a Stop is seen. The reply stays queued for the next result() if so.
    ReleasedGil released(ts);
    while (!worker->wait_reply(reply, std::chrono::milliseconds(10))) {
      if (stop_requested(released.runtime(), ts)) {
        stopped = true;
        break;
      }
    }
  }
  if (stopped) {
    worker->interrupt();  // as Ctrl-C reaches a pool's child processes too
    raise_stop(ts);
    return false;
  }
  write_output(ts, reply.output);
  return true;
}

// worker.outcome() -> (True, result) or (False, exception, worker's traceback text): for
// pools, which show the remote traceback as the exception's cause.
Object* worker_outcome(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_args(ts, "Worker.outcome", nargs, kwnames)) return nullptr;
  IsolatedWorker* worker = open_worker(ts, self);
  WorkerReply reply;
  if (!worker || !collect_reply(ts, worker, reply)) return nullptr;
  if (reply.ok) {
    Object* value = cross_decode(ts, reply.value);
    if (!value) return nullptr;
    Object* pair = new_tuple(ts, 2);
    tuple_set(pair, 0, newref(py_true()));
    tuple_set(pair, 1, value);
    return pair;
  }
  Object* exc = rebuild_exception(ts, reply);
  if (!exc) return nullptr;
  Object* triple = new_tuple(ts, 3);
  tuple_set(triple, 0, newref(py_false()));
  tuple_set(triple, 1, exc);
  tuple_set(triple, 2, new_str(ts, reply.traceback));
  return triple;
}

Object* result_of(ThreadState* ts, IsolatedWorker* worker) {
  WorkerReply reply;
  if (!collect_reply(ts, worker, reply)) return nullptr;
  if (reply.ok) return cross_decode(ts, reply.value);
  Object* exc = rebuild_exception(ts, reply);
  return exc ? raise_object(ts, exc) : nullptr;
}

// worker.result(): the oldest call's result, or its exception raised here.
Object* worker_result(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_args(ts, "Worker.result", nargs, kwnames)) return nullptr;
  IsolatedWorker* worker = open_worker(ts, self);
  return worker ? result_of(ts, worker) : nullptr;
}

// worker.call(function, /, *args, **kwargs): submit, then wait for that call's result.
Object* worker_call(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (nargs < 1) return raise(ts, &exc_TypeError, "call() missing required argument 'function' (pos 1)");
  IsolatedWorker* worker = open_worker(ts, self);
  if (!worker) return nullptr;
  if (worker->unanswered() > 0)
    return raise(ts, &exc_RuntimeError, "call() needs every submitted call's result collected first");
  Object* call_args = new_tuple(ts, static_cast<Py_ssize_t>(nargs - 1));
  for (std::size_t i = 1; i < nargs; ++i) tuple_set(call_args, static_cast<Py_ssize_t>(i - 1), newref(args[i]));
  Object* call_kwargs = kwnames ? new_dict(ts) : newref(py_none());
  bool ok = call_kwargs != nullptr;
  for (std::size_t i = 0; ok && i < kwcount(kwnames); ++i)
    ok = dict_set_item(ts, call_kwargs, tuple_get(kwnames, static_cast<Py_ssize_t>(i)), args[nargs + i]);
  ok = ok && submit_call(ts, worker, args[0], call_args, call_kwargs);
  decref(call_args);
  xdecref(call_kwargs);
  return ok ? result_of(ts, worker) : nullptr;
}

Object* worker_close(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_args(ts, "Worker.close", nargs, kwnames)) return nullptr;
  close_worker(ts, as_worker(self));
  return newref(py_none());
}

Object* worker_get_pending(ThreadState* ts, Object* self) {
  IsolatedWorker* worker = as_worker(self)->worker;
  return new_int(ts, worker ? static_cast<std::int64_t>(worker->unanswered()) : 0);
}

Object* worker_get_closed(ThreadState*, Object* self) { return new_bool(as_worker(self)->worker == nullptr); }

const MethodDef kWorkerMethods[] = {
    {"submit", worker_submit, METH_INSTANCE},   {"result", worker_result, METH_INSTANCE},
    {"outcome", worker_outcome, METH_INSTANCE}, {"call", worker_call, METH_INSTANCE},
    {"close", worker_close, METH_INSTANCE},     {nullptr, nullptr, 0},
};
const GetSetDef kWorkerGetSet[] = {
    {"pending", worker_get_pending, nullptr},  // calls submitted whose result is not collected
    {"closed", worker_get_closed, nullptr},
    {nullptr, nullptr, nullptr},
};

// copy(obj): obj copied out of this heap and back, exactly as a call's arguments are, so
// a program can check what may cross before it builds a pool.
Object* interpreters_copy(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_arg(ts, "copy", nargs, kwnames)) return nullptr;
  CrossValue value;
  return cross_encode(ts, args[0], value) ? cross_decode(ts, value) : nullptr;
}

// cpu_count(): the default pool size, as os.cpu_count() gives it.
Object* interpreters_cpu_count(ThreadState* ts, Object*, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_args(ts, "cpu_count", nargs, kwnames)) return nullptr;
  unsigned n = std::thread::hardware_concurrency();
  return n ? new_int(ts, n) : newref(py_none());
}

}  // namespace

TypeObject worker_type = [] {
  TypeObject t = make_static_type("Worker", sizeof(WorkerObject), &object_type);
  t.tp_dealloc = worker_dealloc;
  t.tp_methods = kWorkerMethods;
  t.tp_getset = kWorkerGetSet;
  t.tp_new = worker_new;
  t.tp_doc = "An isolated interpreter on its own thread, running the main program as __mp_main__.";
  return t;
}();

namespace {

bool set_worker_type(ThreadState* ts, Object* dict) {
  Object* key = new_str(ts, "Worker");
  bool ok = dict_set_item(ts, dict, key, &worker_type);
  decref(key);
  return ok;
}

}  // namespace

Object* init_interpreters_module(ThreadState* ts) {
  Object* m = new_module(ts, "_interpreters");
  if (!m) return nullptr;
  Object* d = module_dict(m);
  bool ok = add_builtin_function(ts, d, "copy", interpreters_copy) &&
            add_builtin_function(ts, d, "cpu_count", interpreters_cpu_count) &&
            add_builtin_object(ts, d, "available", new_bool(kHaveThreads)) &&
            set_worker_type(ts, d);
  if (!ok) {
    decref(m);
    return nullptr;
  }
  return m;
}

}  // namespace terrarium
