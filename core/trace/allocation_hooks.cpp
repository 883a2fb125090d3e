// The slow side of allocation_hooks.hpp: find the current thread's observer.
#include "trace/allocation_hooks.hpp"
#include "trace/observer.hpp"
#include "vm/gc_state.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

std::atomic<int> allocation_watchers{0};

namespace {
TraceObserver* allocation_observer() {
  ThreadState* ts = current_thread_state();
  TraceObserver* observer = ts ? ts->trace_observer : nullptr;
  return observer && observer->wants_allocations() ? observer : nullptr;
}
}  // namespace

void report_allocation(Object* obj) {
  if (TraceObserver* observer = allocation_observer()) observer->on_alloc(obj);
}

void report_free(Object* obj) {
  if (TraceObserver* observer = allocation_observer()) observer->on_free(obj);
}

}  // namespace terrarium
