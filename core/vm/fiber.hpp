// A fiber: a C stack of its own that one OS thread switches to and from explicitly.
// The green-thread backend (vm/green_scheduler.hpp) runs each Python thread on one.
// Natively this is ucontext; in the browser, Emscripten's fibers, which need a module
// linked with ASYNCIFY (the `wasm-green` build) — fibers_available() says so.
// Not here: deciding which fiber runs (the scheduler's job).
#pragma once
#include <cstddef>
#include <memory>

namespace terrarium {

class Fiber {
 public:
  virtual ~Fiber() = default;
  // Saves the running context in this fiber and continues `next` where it stopped (or
  // at its entry). Returns when some fiber switches back to this one.
  virtual void switch_to(Fiber& next) = 0;
};

bool fibers_available();
// The context that is running now (the thread's own stack), to switch away from.
std::unique_ptr<Fiber> fiber_for_current_context();
// A fiber that will call entry(arg) on a new stack of `stack_size` bytes the first time
// it is switched to. entry must never return: it ends by switching away for good.
std::unique_ptr<Fiber> new_fiber(void (*entry)(void*), void* arg, std::size_t stack_size);

}  // namespace terrarium
