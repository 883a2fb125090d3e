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
  std::atomic<std::uint8_t> interrupt{0};
  ThreadState main_thread;
};

}  // namespace terrarium
