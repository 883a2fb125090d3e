// pthreads behind vm/os_thread.hpp.
#include "vm/os_thread.hpp"

#include <pthread.h>
#if defined(__linux__)
#include <unistd.h>
#endif

namespace terrarium {

namespace {

#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
constexpr bool kHaveThreads = false;
#else
constexpr bool kHaveThreads = true;
#endif

// Emscripten's pthreads default to a 64 KiB stack; the eval loop and the compiler's
// recursion need about what a native main thread has.
constexpr std::size_t kMinimumDefaultStack = 8u << 20;

struct Start {
  void (*entry)(void*);
  void* arg;
};

void* run_start(void* p) {
  Start start = *static_cast<Start*>(p);
  delete static_cast<Start*>(p);
  start.entry(start.arg);
  return nullptr;
}

}  // namespace

bool os_threads_available() { return kHaveThreads; }

bool start_os_thread(void (*entry)(void*), void* arg, std::size_t stack_size, std::uint64_t& ident) {
  if (!kHaveThreads) return false;
  pthread_attr_t attr;
  if (pthread_attr_init(&attr) != 0) return false;
  std::size_t current = 0;
  pthread_attr_getstacksize(&attr, &current);
  std::size_t wanted = stack_size ? stack_size : (current < kMinimumDefaultStack ? kMinimumDefaultStack : current);
  bool ok = pthread_attr_setstacksize(&attr, wanted) == 0 &&
            pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED) == 0;
  auto* start = new Start{entry, arg};
  pthread_t thread;
  ok = ok && pthread_create(&thread, &attr, run_start, start) == 0;
  pthread_attr_destroy(&attr);
  if (!ok) delete start;
  if (ok) ident = (std::uint64_t)(std::uintptr_t)thread;
  return ok;
}

// pthread_t is an integer on glibc and a pointer in Emscripten: the C cast takes both.
std::uint64_t os_thread_ident() { return (std::uint64_t)(std::uintptr_t)pthread_self(); }

std::uint64_t os_native_thread_id() {
#if defined(__linux__)
  return static_cast<std::uint64_t>(gettid());
#else
  return os_thread_ident();
#endif
}

}  // namespace terrarium
