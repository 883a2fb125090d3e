// Per-interpreter state: the builtins module dict, the output sink, the GIL and eval
// breaker, the main thread's state and the other threads'. CPython: Include/internal/pycore_interp.h.
#pragma once
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <unordered_set>
#include "objects/int.hpp"
#include "terrarium/interpreter.hpp"
#include "vm/gc_state.hpp"
#include "vm/gil.hpp"
#include "vm/green_scheduler.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

struct LoopHostHooks;  // modules/asyncio_loop_events.hpp

struct InterpreterState {
  OutputSink* out = nullptr;
  Object* builtins = nullptr;  // dict
  Object* str_build_class = nullptr;  // "__build_class__", looked up by LOAD_BUILD_CLASS
  Object* modules = nullptr;     // sys.modules (dict)
  Object* sys_module = nullptr;
  Object* interned = nullptr;    // dict: str -> its canonical object (sys.intern)
  // Warnings already shown, by "file:line:message", as the warnings module's default
  // action shows each once per location (for "coroutine ... was never awaited").
  std::unordered_set<std::string> warned_once;
  // The GIL and the eval breaker, shared with (and kept alive by) the threads.
  std::shared_ptr<ThreadRuntime> runtime = std::make_shared<ThreadRuntime>();
  // The eval breaker (vm/gil.hpp EvalBreakerBits); the host's Stop stores 1.
  std::atomic<std::uint8_t>& interrupt = runtime->eval_breaker;
  GCState gc;
  std::size_t int_max_str_digits = kDefaultIntMaxStrDigits;  // sys.set_int_max_str_digits(); 0: none
  // The host's view of asyncio loops (events, virtual clock); null: none. Not owned.
  LoopHostHooks* loop_hooks = nullptr;
  // The source and file name of the program run as __main__: isolated workers run it
  // again as __mp_main__ (spawn), also in the browser, where there is no file to read.
  std::string main_source;
  std::string main_filename;
  // A debug session's clock (Interpreter::set_virtual_clock): steps run so far, read by
  // the time module as microseconds so replays are deterministic. Null: the real clocks.
  const std::uint64_t* virtual_clock = nullptr;
  // Interpreter::use_green_threads: the seed, and the scheduler of the run in progress.
  std::optional<std::uint64_t> green_seed;
  std::unique_ptr<GreenScheduler> green;
  // The OS-thread deadlock watchdog reported this run's deadlock (vm/deadlock_watchdog.hpp).
  bool deadlock_reported = false;
  ThreadState main_thread;
  // The other Python threads still alive (their states are owned by their OS threads).
  // Guarded by the GIL.
  std::vector<ThreadState*> threads;
};

}  // namespace terrarium
