// Allocation and free events for a TraceObserver that asks for them (wants_allocations):
// step mode and tests. The allocator and dealloc test one process-wide count of such
// observers, so a program nobody watches this way pays a relaxed load and a branch that
// is never taken. Not here: what the observer does with the events (observer.hpp).
#pragma once
#include <atomic>

namespace terrarium {

struct Object;

// Attached observers that want allocation events, across all interpreters.
extern std::atomic<int> allocation_watchers;

// Tell the current thread's observer, if it wants allocation events. The observer must
// not allocate Python objects in on_alloc/on_free.
void report_allocation(Object* obj);
void report_free(Object* obj);

// Called by every allocation path (object_alloc, the int and float free lists) once the
// object's header is set, and by dealloc before the object is torn down.
inline void note_allocation(Object* obj) {
  if (allocation_watchers.load(std::memory_order_relaxed) != 0) [[unlikely]]
    report_allocation(obj);
}
inline void note_free(Object* obj) {
  if (allocation_watchers.load(std::memory_order_relaxed) != 0) [[unlikely]]
    report_free(obj);
}

}  // namespace terrarium
