// pthreads behind vm/os_thread.hpp.
#include "vm/os_thread.hpp"

#include <pthread.h>
#if defined(__EMSCRIPTEN_PTHREADS__)
#include <emscripten/threading.h>
#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <vector>
#endif
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

#if defined(__EMSCRIPTEN_PTHREADS__)
// In the browser each pthread is a Web Worker from a fixed pool. A detached thread gives
// its worker back by posting a message to the VM worker, which cannot read it while a
// program runs (it is blocked in runSource), so a program that starts more threads than
// the pool holds, one after another, would run out. Threads are made joinable instead,
// and the VM worker joins the finished ones before starting another: a join there hands
// the worker back at once.
struct Finished {
  pthread_t thread;
  std::atomic<bool> done{false};
};
std::mutex reap_mutex;
std::vector<std::shared_ptr<Finished>> unreaped;

void reap_finished_threads() {
  if (!emscripten_is_main_runtime_thread()) return;
  std::vector<std::shared_ptr<Finished>> finished;
  {
    std::lock_guard<std::mutex> guard(reap_mutex);
    auto split = std::stable_partition(unreaped.begin(), unreaped.end(),
                                       [](const auto& f) { return !f->done.load(); });
    finished.assign(split, unreaped.end());
    unreaped.erase(split, unreaped.end());
  }
  // `done` is set as the thread's last act, so these joins wait microseconds at most.
  for (const auto& f : finished) pthread_join(f->thread, nullptr);
}
#endif

struct Start {
  void (*entry)(void*);
  void* arg;
#if defined(__EMSCRIPTEN_PTHREADS__)
  std::shared_ptr<Finished> finished = std::make_shared<Finished>();
#endif
};

void* run_start(void* p) {
  Start start = *static_cast<Start*>(p);
  delete static_cast<Start*>(p);
  start.entry(start.arg);
#if defined(__EMSCRIPTEN_PTHREADS__)
  start.finished->done.store(true);
#endif
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
#if defined(__EMSCRIPTEN_PTHREADS__)
  reap_finished_threads();
  constexpr int kDetachState = PTHREAD_CREATE_JOINABLE;
#else
  constexpr int kDetachState = PTHREAD_CREATE_DETACHED;
#endif
  bool ok = pthread_attr_setstacksize(&attr, wanted) == 0 && pthread_attr_setdetachstate(&attr, kDetachState) == 0;
  auto* start = new Start{entry, arg};
#if defined(__EMSCRIPTEN_PTHREADS__)
  std::shared_ptr<Finished> finished = start->finished;
  std::unique_lock<std::mutex> registering(reap_mutex);  // before the thread can finish
#endif
  pthread_t thread;
  ok = ok && pthread_create(&thread, &attr, run_start, start) == 0;
  pthread_attr_destroy(&attr);
  if (!ok) delete start;
#if defined(__EMSCRIPTEN_PTHREADS__)
  if (ok) {
    finished->thread = thread;
    unreaped.push_back(finished);
  }
#endif
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
