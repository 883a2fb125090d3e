// The embedding API's implementation: compile, run in a fresh __main__ namespace, and
// report uncaught exceptions the way the `python3` command does.
#include "terrarium/interpreter.hpp"

#include <chrono>
#include <cstdlib>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "bytecode/dis.hpp"
#include "compiler/codegen.hpp"
#include "modules/thread_module.hpp"
#include "modules/builtins.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/str.hpp"
#include "objects/typeobject.hpp"
#include "objects/int.hpp"
#include "objects/abstract.hpp"
#include "objects/list.hpp"
#include "objects/module.hpp"
#include "objects/singletons.hpp"
#include "objects/tuple.hpp"
#include "modules/module_registry.hpp"
#include "vm/eval.hpp"
#include "vm/fiber.hpp"
#include "vm/gil.hpp"
#include "vm/green_scheduler.hpp"
#include "vm/interpreter_state.hpp"
#include "trace/allocation_hooks.hpp"
#include "trace/observer.hpp"
#include "trace/trace_hooks.hpp"
#include "vm/os_thread.hpp"
#include "vm/traceback.hpp"
#include "vm/unraisable.hpp"

namespace terrarium {

const char* version() { return "0.1.0"; }

namespace {

// Makes `ts` the thread state this thread runs, holding the GIL, for the duration of a
// call into the interpreter: new containers join its collector's lists, finalizers run
// on it, and other Python threads run only at its switch points. Between calls the
// GIL is free, so threads a program started keep running (as at CPython's prompt).
// Leaving the interpreter also empties the thread's attribute cache, whose names belong
// to this interpreter's heap: the thread may next run another interpreter while this
// one goes on (or ends) on another thread.
struct CurrentThread {
  ThreadState* saved;
  ThreadState* ts;
  explicit CurrentThread(ThreadState* t) : saved(current_thread_state()), ts(t) {
    set_current_thread_state(ts);
    take_gil(*ts->runtime, ts);
  }
  ~CurrentThread() {
    if (ts) {
      if (!saved || saved->interp != ts->interp) release_thread_caches();  // the GIL is still held
      drop_gil(*ts->runtime, ts, GilDropReason::BlockingCall);
    }
    set_current_thread_state(saved);
  }
  // For finalization: the GIL is never given back, so threads still waiting park.
  void keep_gil() { ts = nullptr; }
  CurrentThread(const CurrentThread&) = delete;
  CurrentThread& operator=(const CurrentThread&) = delete;
};

// CPython's wait_for_thread_shutdown: if the program imported threading, its
// _shutdown() joins the non-daemon threads before the interpreter goes away.
void wait_for_thread_shutdown(ThreadState* ts) {
  Object* modules = ts->interp->modules;
  Object* name = new_str(ts, "threading");
  Object* threading = modules ? dict_get_str(modules, name) : nullptr;
  decref(name);
  if (!threading) return;
  incref(threading);
  Object* shutdown = get_attr_str(ts, threading, "_shutdown");
  Object* result = shutdown ? call_object(ts, shutdown, nullptr, 0, nullptr) : nullptr;
  xdecref(shutdown);
  if (result) {
    decref(result);
  } else {
    write_unraisable(ts, threading);
  }
  decref(threading);
}

// After a Stop the other threads are ending (SystemExit): give them the GIL until they
// are gone, for at most a second, so their frames unwind before finalization.
void let_stopped_threads_end(ThreadState* ts) {
  if (GreenScheduler* green = ts->interp->green.get()) {
    std::function<bool()> gone = [ts] { return ts->interp->threads.empty(); };
    WaitSubject subject{nullptr, "the stopped threads to end", nullptr};
    (void)green->wait(ts, gone, 1.0, subject);
    return;
  }
  using namespace std::chrono;
  auto deadline = steady_clock::now() + seconds(1);
  while (!ts->interp->threads.empty() && (ts->interp->interrupt.load() & kBreakStopThreads) &&
         steady_clock::now() < deadline) {
    ReleasedGil released(ts);
    std::this_thread::sleep_for(milliseconds(2));
  }
}

// CPython's _PyModule_ClearDict: names are set to None rather than deleted (functions
// still running may look them up), those starting with one underscore first, and
// __builtins__ last of all.
void clear_module_namespace(ThreadState* ts, Object* dict) {
  std::vector<Object*> keys;
  for (const DictEntry& e : *static_cast<DictObject*>(dict)->entries)
    if (e.key && is_str(e.key)) keys.push_back(newref(e.key));
  for (int pass = 0; pass < 2; ++pass) {
    for (Object* k : keys) {
      std::string_view name = str_view(k);
      bool underscore = name.size() > 1 && name[0] == '_' && name[1] != '_';
      if (name == "__builtins__" || underscore != (pass == 0)) continue;
      if (!dict_set_item(ts, dict, k, py_none())) clear_error(ts);
    }
  }
  for (Object* k : keys) decref(k);
}

// The end of the interpreter, in CPython's order (Python/pylifecycle.c finalize_modules):
// empty sys.modules, collect what only cycles kept alive (running finalizers), clear the
// namespaces of the modules still alive in reverse order of import, collect again.
void finalize_modules(ThreadState* ts) {
  InterpreterState* interp = ts->interp;
  std::vector<Object*> alive;
  if (interp->modules) {
    for (const DictEntry& e : *static_cast<DictObject*>(interp->modules)->entries)
      if (e.key && e.value && is_module(e.value)) alive.push_back(newref(e.value));
    Object* modules = interp->modules;
    interp->modules = nullptr;
    dict_type.tp_clear(modules);  // sys.modules is emptied, as CPython's finalize_remove_modules
    decref(modules);
  }
  (void)gc_collect(ts, kGenerations - 1);
  clear_error(ts);
  for (auto it = alive.rbegin(); it != alive.rend(); ++it) {
    if (*it != interp->sys_module) clear_module_namespace(ts, module_dict(*it));
    clear_error(ts);
  }
  for (Object* m : alive) decref(m);
  if (interp->sys_module) clear_module_namespace(ts, module_dict(interp->sys_module));
  clear_error(ts);
  // Freeing one cycle can leave another with no outside reference (a class whose last
  // instance lived in the first): collect until a pass finds nothing.
  for (int pass = 0; pass < 100 && gc_collect(ts, kGenerations - 1) > 0; ++pass) clear_error(ts);
  clear_error(ts);
}

// sys.argv = [script], sys.path[0] = the script's folder (natively; the browser has no files).
void configure_sys_for_run(ThreadState* ts, const std::string& filename, bool is_file) {
  Object* sys = ts->interp->sys_module;
  if (!sys) return;
  Object* argv = new_list(ts);
  Object* arg0 = new_str(ts, is_file ? filename : "-c");
  if (!list_append(ts, argv, arg0)) clear_error(ts);
  decref(arg0);
  Object* key = new_str(ts, "argv");
  if (!dict_set_item(ts, module_dict(sys), key, argv)) clear_error(ts);
  decref(key);
  decref(argv);
  Object* path = new_list(ts);
  std::string dir = is_file && filename.rfind('/') != std::string::npos ? filename.substr(0, filename.rfind('/')) : "";
  Object* entry = new_str(ts, dir);
  if (!list_append(ts, path, entry)) clear_error(ts);
  decref(entry);
  key = new_str(ts, "path");
  if (!dict_set_item(ts, module_dict(sys), key, path)) clear_error(ts);
  decref(key);
  decref(path);
}

// What `python3` does with an uncaught exception: SystemExit sets the status quietly,
// anything else prints a traceback. CPython: Python/pythonrun.c handle_system_exit.
int exit_status_for(ThreadState* ts, Object* exc) {
  if (is_instance(exc, &exc_SystemExit)) {
    Object* args = static_cast<ExceptionObject*>(exc)->args;
    Object* code = tuple_size(args) == 0 ? py_none() : tuple_size(args) == 1 ? tuple_get(args, 0) : args;
    if (code == py_none()) return kExitOk;
    if (is_int(code)) return static_cast<int>(int_value(code)) & 0xFF;
    Object* s = object_str(ts, code);
    if (s) {
      ts->interp->out->write(2, std::string(str_view(s)) + "\n");
      decref(s);
    } else {
      clear_error(ts);
    }
    return kExitError;
  }
  ts->interp->out->write(2, format_exception(ts, exc));
  return is_instance(exc, &exc_KeyboardInterrupt) ? kExitInterrupted : kExitError;
}

// The green scheduler of one run (when the host asked for green threads). At the end,
// daemon threads still waiting never run again: their states are cleared here.
class GreenRun {
 public:
  explicit GreenRun(InterpreterState* interp) : interp_(interp) {
    if (!interp->green_seed) return;
    interp->main_thread.ident = os_thread_ident();
    interp->green = std::make_unique<GreenScheduler>(*interp->runtime, *interp->green_seed);
    interp->green->set_real_time(interp->virtual_clock == nullptr);
    interp->runtime->green = interp->green.get();
  }
  void end(ThreadState* ts) {
    if (!interp_->green) return;
    std::vector<ThreadState*> abandoned = interp_->threads;
    for (ThreadState* t : abandoned) clear_thread_state(t);  // leaves interp->threads
    interp_->runtime->green = nullptr;
    interp_->green.reset();
    set_current_thread_state(ts);
  }
  ~GreenRun() { end(&interp_->main_thread); }
  GreenRun(const GreenRun&) = delete;
  GreenRun& operator=(const GreenRun&) = delete;

 private:
  InterpreterState* interp_;
};

}  // namespace

bool Interpreter::use_green_threads(std::uint64_t seed) {
  if (!fibers_available()) return false;
  state_->green_seed = seed;
  return true;
}

Interpreter::Interpreter(OutputSink& out) : state_(std::make_unique<InterpreterState>()) {
  state_->out = &out;
  ThreadState* ts = &state_->main_thread;
  ts->interp = state_.get();
  ts->runtime = state_->runtime.get();
  ts->ident = os_thread_ident();
  CurrentThread current(ts);
  if (const char* stress = std::getenv("TERRARIUM_GC_STRESS")) state_->gc.stress = *stress && *stress != '0';
  ts->eval_breaker = &state_->interrupt;
  // Built-in types are readied once per process; the builtins namespace is per interpreter.
  if (!ready_builtin_types(ts)) clear_error(ts);
  state_->builtins = make_builtins(ts);
  state_->str_build_class = new_str(ts, "__build_class__");
  state_->modules = new_dict(ts);
  Object* sys = init_sys_module(ts);
  Object* key = new_str(ts, "sys");
  if (!sys || !dict_set_item(ts, state_->modules, key, sys)) clear_error(ts);
  decref(key);
  xdecref(sys);
  Object* builtins_module = new_module(ts, "builtins");
  if (builtins_module) {
    // The builtins module shares the namespace every frame uses.
    Object* old = module_dict(builtins_module);
    static_cast<ModuleObject*>(builtins_module)->dict = newref(state_->builtins);
    decref(old);
    Object* bkey = new_str(ts, "builtins");
    if (!dict_set_item(ts, state_->modules, bkey, builtins_module)) clear_error(ts);
    decref(bkey);
    decref(builtins_module);
  }
}

Interpreter::~Interpreter() {
  set_trace_observer(nullptr);  // the observer may go before the objects it would hear of
  ThreadState* ts = &state_->main_thread;
  CurrentThread current(ts);
  wait_for_thread_shutdown(ts);
  let_stopped_threads_end(ts);
  // From here on a daemon thread that wants the GIL parks instead (CPython: finalizing).
  state_->runtime->finalizing.store(true);
  current.keep_gil();
  // The main thread's own data (_thread._local values, threading's sentinel lock) goes
  // before the modules, so what it holds is finalized with them.
  clear_thread_state(ts);
  finalize_modules(ts);
  xdecref(state_->sys_module);
  xdecref(state_->builtins);
  xdecref(state_->str_build_class);
  xdecref(state_->gc.garbage);
  xdecref(state_->gc.callbacks);
  state_->gc.garbage = state_->gc.callbacks = nullptr;
  xdecref(state_->interned);  // last: everything above may hold interned names
  clear_error(&state_->main_thread);
  release_thread_caches();  // the names this thread's attribute cache holds are of this heap
  set_thread_observer(nullptr);  // daemon threads outlive this; the observer may not
}

std::atomic<std::uint8_t>& Interpreter::interrupt_flag() { return state_->interrupt; }

void Interpreter::set_gc_observer(GCObserver* observer) { state_->gc.observer = observer; }
void Interpreter::set_gc_stress(bool on) { state_->gc.stress = on; }
void Interpreter::set_loop_hooks(LoopHostHooks* hooks) { state_->loop_hooks = hooks; }
void Interpreter::set_trace_observer(TraceObserver* observer) {
  TraceObserver* previous = state_->main_thread.trace_observer;
  if (previous && previous->wants_allocations()) allocation_watchers.fetch_sub(1);
  if (observer && observer->wants_allocations()) allocation_watchers.fetch_add(1);
  state_->main_thread.trace_observer = observer;
  state_->main_thread.trace_dispatch = observer ? kTraceDispatchIndex : 0;
  state_->main_thread.trace_cursor = TraceCursor{};
  state_->gc.observer = observer;
}
void Interpreter::set_virtual_clock(const std::uint64_t* step_counter) { state_->virtual_clock = step_counter; }
ThreadState* Interpreter::thread_state() { return &state_->main_thread; }
void Interpreter::set_thread_observer(ThreadObserver* observer) {
  std::lock_guard<std::mutex> guard(state_->runtime->observer_mutex);
  state_->runtime->observer.store(observer);
}

int Interpreter::run_source(std::string_view source, const std::string& filename, bool show_source_lines,
                            const char* module_name) {
  ThreadState* ts = &state_->main_thread;
  CurrentThread current(ts);
  // A new run forgets an old Stop, except that threads told to end still must, and a
  // thread waiting for the GIL keeps its request.
  state_->interrupt.fetch_and(kBreakStopThreads | kBreakGilDrop);
  state_->deadlock_reported = false;
  // threading named the main thread when first imported, in an earlier run of this
  // interpreter: the observer (which forgets between runs) hears the name again.
  if (!ts->python_name.empty())
    emit_thread_event(*ts->runtime, ts, ThreadEventKind::ThreadNamed, GilDropReason::Interval, nullptr,
                      ts->python_name);
  CompileResult compiled = compile_module(ts, source, filename, show_source_lines);
  if (!compiled.code) {
    state_->out->write(2, format_syntax_error(compiled.error, filename, source));
    return kExitError;
  }
  // The program runs as module __main__, registered in sys.modules, with sys.argv and
  // sys.path[0] (the script's folder) set as `python3 script.py` sets them.
  Object* main_module = new_module(ts, module_name);
  Object* globals = newref(module_dict(main_module));
  Object* main_key = new_str(ts, module_name);
  bool ok = dict_set_item(ts, state_->modules, main_key, main_module);
  decref(main_key);
  Object* file_key = new_str(ts, "__file__");
  Object* file_value = new_str(ts, filename);
  if (show_source_lines) ok = ok && dict_set_item(ts, globals, file_key, file_value);
  decref(file_key);
  decref(file_value);
  Object* builtins_key = new_str(ts, "__builtins__");
  ok = ok && dict_set_item(ts, globals, builtins_key, state_->builtins);
  decref(builtins_key);
  configure_sys_for_run(ts, filename, show_source_lines);
  if (std::string_view(module_name) == "__main__") {
    state_->main_source.assign(source);
    state_->main_filename = filename;
  }
  GreenRun green_run(state_.get());
  Object* result = ok ? eval_code(ts, compiled.code, globals, state_->builtins, globals) : nullptr;
  int status = kExitOk;
  if (result) {
    decref(result);
  } else {
    Object* exc = fetch_error(ts);
    status = exit_status_for(ts, exc);
    decref(exc);
  }
  // A Stop ends every thread of the program before the run is reported over (the
  // playground's next run must not meet the last one's threads).
  if (state_->interrupt.load() & kBreakStopThreads) let_stopped_threads_end(ts);
  // Green threads run only while the program does: join them now, as at exit.
  if (state_->green) wait_for_thread_shutdown(ts);
  green_run.end(ts);
  decref(main_module);
  decref(globals);
  decref(compiled.code);
  return status;
}

bool Interpreter::disassemble_source(std::string_view source, const std::string& filename, std::string& out) {
  ThreadState* ts = &state_->main_thread;
  CurrentThread current(ts);
  CompileResult compiled = compile_module(ts, source, filename, false);
  if (!compiled.code) {
    state_->out->write(2, format_syntax_error(compiled.error, filename, source));
    return false;
  }
  bool ok = disassemble(ts, compiled.code, out);
  decref(compiled.code);
  if (!ok) {
    Object* exc = fetch_error(ts);
    state_->out->write(2, format_exception(ts, exc));
    decref(exc);
  }
  return ok;
}

}  // namespace terrarium
