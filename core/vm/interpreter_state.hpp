// Per-interpreter state: the builtins module dict, the output sink, the interrupt flag
// and the main thread's state. CPython: Include/internal/pycore_interp.h.
#pragma once
#include <atomic>
#include <cstdint>
#include <string>
#include <unordered_set>
#include "objects/int.hpp"
#include "terrarium/interpreter.hpp"
#include "vm/gc_state.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

struct LoopHostHooks;  // modules/asyncio_loop_events.hpp

enum EvalBreakerBits : std::uint8_t { kBreakInterrupt = 1, kBreakGC = 2 };

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
  // The eval breaker: kBreakInterrupt (the host's Stop; hosts store 1) and kBreakGC.
  std::atomic<std::uint8_t> interrupt{0};
  GCState gc;
  std::size_t int_max_str_digits = kDefaultIntMaxStrDigits;  // sys.set_int_max_str_digits(); 0: none
  // The host's view of asyncio loops (events, virtual clock); null: none. Not owned.
  LoopHostHooks* loop_hooks = nullptr;
  // The source and file name of the program run as __main__: isolated workers run it
  // again as __mp_main__ (spawn), also in the browser, where there is no file to read.
  std::string main_source;
  std::string main_filename;
  ThreadState main_thread;
};

}  // namespace terrarium
