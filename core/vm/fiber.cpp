// The two fiber implementations behind vm/fiber.hpp: ucontext (native) and Emscripten's
// asyncify fibers (browser). The stacks are freed with the fiber, so a fiber must not be
// destroyed while it runs.
#include "vm/fiber.hpp"

#include <cstdint>
#include <cstdlib>
#include <new>
#if defined(__EMSCRIPTEN__)
#include <emscripten.h>
#include <emscripten/fiber.h>
#else
#include <sys/mman.h>
#include <ucontext.h>
#endif
#if defined(__SANITIZE_ADDRESS__)
#define TERRARIUM_ASAN_FIBERS 1
#include <sanitizer/common_interface_defs.h>
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TERRARIUM_ASAN_FIBERS 1
#include <sanitizer/common_interface_defs.h>
#endif
#endif

namespace terrarium {

namespace {

#if defined(__EMSCRIPTEN__)
// Asyncify saves the locals of every function on the stack here while a fiber is
// switched out; the eval loop nests C frames for each call into Python from C.
constexpr std::size_t kAsyncifyStackSize = 512u << 10;

class EmscriptenFiber : public Fiber {
 public:
  EmscriptenFiber() : asyncify_stack_(std::malloc(kAsyncifyStackSize)) {}
  ~EmscriptenFiber() override {
    std::free(asyncify_stack_);
    std::free(c_stack_);
  }
  void init_current() { emscripten_fiber_init_from_current_context(&fiber_, asyncify_stack_, kAsyncifyStackSize); }
  void init_new(void (*entry)(void*), void* arg, std::size_t stack_size) {
    c_stack_ = std::malloc(stack_size);
    emscripten_fiber_init(&fiber_, entry, arg, c_stack_, stack_size, asyncify_stack_, kAsyncifyStackSize);
  }
  void switch_to(Fiber& next) override { emscripten_fiber_swap(&fiber_, &static_cast<EmscriptenFiber&>(next).fiber_); }

 private:
  emscripten_fiber_t fiber_{};
  void* asyncify_stack_;
  void* c_stack_ = nullptr;
};
#else
class UcontextFiber;
#if TERRARIUM_ASAN_FIBERS
// AddressSanitizer must be told of every stack switch, with the bounds of the stack
// switched to; the thread's own stack learns its bounds when it is first left.
UcontextFiber* switching_from = nullptr;
#endif

class UcontextFiber : public Fiber {
 public:
  ~UcontextFiber() override {
    if (stack_) munmap(stack_, stack_size_);
  }
  // makecontext passes ints only: the pointer travels as two halves.
  static void trampoline(unsigned hi, unsigned lo) {
    auto* self = reinterpret_cast<UcontextFiber*>((static_cast<std::uintptr_t>(hi) << 32) | lo);
    self->arrived();
    self->entry_(self->arg_);
    std::abort();  // entry functions switch away for good instead of returning
  }
  bool init_new(void (*entry)(void*), void* arg, std::size_t stack_size) {
    entry_ = entry;
    arg_ = arg;
    stack_size_ = stack_size;
    // Reserved, not committed: pages are touched only as deep as the thread recurses.
    void* stack = mmap(nullptr, stack_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (stack == MAP_FAILED) return false;
    stack_ = stack;
    if (getcontext(&context_) != 0) return false;
    context_.uc_stack.ss_sp = stack_;
    context_.uc_stack.ss_size = stack_size;
    context_.uc_link = nullptr;
    auto self = reinterpret_cast<std::uintptr_t>(this);
    makecontext(&context_, reinterpret_cast<void (*)()>(&trampoline), 2, static_cast<unsigned>(self >> 32),
                static_cast<unsigned>(self & 0xffffffffu));
    return true;
  }
  void switch_to(Fiber& next) override {
    auto& to = static_cast<UcontextFiber&>(next);
#if TERRARIUM_ASAN_FIBERS
    switching_from = this;
    __sanitizer_start_switch_fiber(&fake_stack_, to.stack_ ? to.stack_ : to.stack_bounds_bottom_,
                                   to.stack_ ? to.stack_size_ : to.stack_bounds_size_);
#endif
    // getcontext returns twice: now, and when some fiber switches back here. Not
    // swapcontext, which AddressSanitizer intercepts with a warning on stderr.
    volatile bool switched = false;
    getcontext(&context_);
    if (!switched) {
      switched = true;
      setcontext(&to.context_);
    }
    arrived();
  }

 private:
  // Back on this fiber's stack after a switch.
  void arrived() {
#if TERRARIUM_ASAN_FIBERS
    const void* bottom = nullptr;
    std::size_t size = 0;
    __sanitizer_finish_switch_fiber(fake_stack_, &bottom, &size);
    if (switching_from && !switching_from->stack_) {
      switching_from->stack_bounds_bottom_ = bottom;
      switching_from->stack_bounds_size_ = size;
    }
#endif
  }

  ucontext_t context_{};
  void* fake_stack_ = nullptr;
  const void* stack_bounds_bottom_ = nullptr;  // the thread's own stack (not ours to unmap)
  std::size_t stack_bounds_size_ = 0;
  void (*entry_)(void*) = nullptr;
  void* arg_ = nullptr;
  void* stack_ = nullptr;
  std::size_t stack_size_ = 0;
};
#endif

}  // namespace

#if defined(__SANITIZE_THREAD__)
#define TERRARIUM_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define TERRARIUM_TSAN 1
#endif
#endif

bool fibers_available() {
#if defined(__EMSCRIPTEN__)
  return emscripten_has_asyncify() != 0;
#elif defined(TERRARIUM_TSAN)
  return false;  // ThreadSanitizer would need every switch announced; green threads share one thread anyway
#else
  return true;
#endif
}

std::unique_ptr<Fiber> fiber_for_current_context() {
#if defined(__EMSCRIPTEN__)
  auto fiber = std::make_unique<EmscriptenFiber>();
  fiber->init_current();
  return fiber;
#else
  return std::make_unique<UcontextFiber>();  // swapcontext fills it in when switching away
#endif
}

std::unique_ptr<Fiber> new_fiber(void (*entry)(void*), void* arg, std::size_t stack_size) {
#if defined(__EMSCRIPTEN__)
  auto fiber = std::make_unique<EmscriptenFiber>();
  fiber->init_new(entry, arg, stack_size);
  return fiber;
#else
  auto fiber = std::make_unique<UcontextFiber>();
  if (!fiber->init_new(entry, arg, stack_size)) return nullptr;
  return fiber;
#endif
}

}  // namespace terrarium
