// Per-interpreter state: the builtins module dict, the output sink, the interrupt flag
// and the main thread's state. CPython: Include/internal/pycore_interp.h.
#pragma once
#include <atomic>
#include <cstdint>
#include "terrarium/interpreter.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

struct InterpreterState {
  OutputSink* out = nullptr;
  Object* builtins = nullptr;  // dict
  Object* str_build_class = nullptr;  // "__build_class__", looked up by LOAD_BUILD_CLASS
  Object* modules = nullptr;     // sys.modules (dict)
  Object* sys_module = nullptr;
  Object* interned = nullptr;    // dict: str -> its canonical object (sys.intern)
  std::atomic<std::uint8_t> interrupt{0};
  ThreadState main_thread;
};

}  // namespace terrarium
