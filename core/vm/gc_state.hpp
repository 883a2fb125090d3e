// The cycle collector's per-interpreter state: three generations of tracked containers,
// their thresholds and counts, the permanent generation (gc.freeze), and what the gc
// module exposes (garbage, callbacks, debug flags, statistics).
// CPython: Include/internal/pycore_gc.h struct _gc_runtime_state.
#pragma once
#include <cstddef>
#include "objects/gc_object.hpp"
#include "terrarium/interpreter.hpp"

namespace terrarium {

constexpr int kGenerations = 3;

struct GCGeneration {
  GCHead head;      // sentinel of a circular list
  int threshold = 0;
  int count = 0;    // generation 0: allocations minus deallocations; older: younger collections
};

struct GCStats {
  std::size_t collections = 0;
  std::size_t collected = 0;
  std::size_t uncollectable = 0;
};

enum GCDebugFlags : int {
  GC_DEBUG_STATS = 1,
  GC_DEBUG_COLLECTABLE = 2,
  GC_DEBUG_UNCOLLECTABLE = 4,
  GC_DEBUG_SAVEALL = 32,
  GC_DEBUG_LEAK = GC_DEBUG_COLLECTABLE | GC_DEBUG_UNCOLLECTABLE | GC_DEBUG_SAVEALL,
};

struct GCState {
  GCGeneration generations[kGenerations];
  GCHead permanent;  // gc.freeze(): never collected
  bool enabled = true;
  bool collecting = false;
  int debug = 0;
  // Full collections wait until enough objects survived (CPython's long_lived_* rule).
  std::size_t long_lived_total = 0;
  std::size_t long_lived_pending = 0;
  GCStats stats[kGenerations];
  Object* garbage = nullptr;    // gc.garbage (list)
  Object* callbacks = nullptr;  // gc.callbacks (list)
  // Debug switches: a collection of generation 0 after every allocation of a container,
  // and an observer told of each phase.
  bool stress = false;
  GCObserver* observer = nullptr;

  GCState();
  GCState(const GCState&) = delete;
  GCState& operator=(const GCState&) = delete;
  // Unlinks every object still tracked, so none points at these lists afterwards.
  ~GCState();
};

// The interpreter whose lists new containers join: the one running on this thread.
ThreadState* current_thread_state();
void set_current_thread_state(ThreadState* ts);

// Collects `generation` and the younger ones; returns the number of unreachable objects
// found, or -1 with an error set (a failing gc.callbacks entry). CPython: gc_collect_main.
[[nodiscard]] Py_ssize_t gc_collect(ThreadState* ts, int generation);
// What the eval breaker runs when allocations passed a threshold.
void gc_collect_if_due(ThreadState* ts);

inline void gc_list_init(GCHead* head) { head->next = head->prev = head; }
inline bool gc_list_empty(const GCHead* head) { return head->next == head; }
inline void gc_list_append(GCHead* node, GCHead* list) {
  node->prev = list->prev;
  node->next = list;
  list->prev->next = node;
  list->prev = node;
}
inline void gc_list_remove(GCHead* node) {
  node->prev->next = node->next;
  node->next->prev = node->prev;
  node->next = node->prev = nullptr;
}
inline void gc_list_move(GCHead* node, GCHead* list) {
  node->prev->next = node->next;
  node->next->prev = node->prev;
  gc_list_append(node, list);
}
// Appends all of `from` to `to`, leaving `from` empty.
inline void gc_list_merge(GCHead* from, GCHead* to) {
  if (gc_list_empty(from)) return;
  GCHead* first = from->next;
  GCHead* last = from->prev;
  first->prev = to->prev;
  to->prev->next = first;
  last->next = to;
  to->prev = last;
  gc_list_init(from);
}
inline std::size_t gc_list_size(const GCHead* head) {
  std::size_t n = 0;
  for (const GCHead* g = head->next; g != head; g = g->next) ++n;
  return n;
}

}  // namespace terrarium
