// The collector's lists and the tracking calls every container allocation makes.
#include "vm/gc_state.hpp"

#include "objects/list.hpp"
#include "vm/interpreter_state.hpp"

namespace terrarium {

namespace {

thread_local ThreadState* current_thread = nullptr;

}  // namespace

ThreadState* current_thread_state() { return current_thread; }
void set_current_thread_state(ThreadState* ts) { current_thread = ts; }

GCState::GCState() {
  static const int kThresholds[kGenerations] = {700, 10, 10};  // CPython's defaults
  for (int i = 0; i < kGenerations; ++i) {
    gc_list_init(&generations[i].head);
    generations[i].threshold = kThresholds[i];
  }
  gc_list_init(&permanent);
}

GCState::~GCState() {
  auto unlink_all = [](GCHead* list) {
    while (!gc_list_empty(list)) gc_list_remove(list->next);
  };
  for (GCGeneration& g : generations) unlink_all(&g.head);
  unlink_all(&permanent);
}

void gc_track(Object* o) {
  if (!has_gc_header(o)) return;
  GCHead* g = gc_head(o);
  if (g->next) return;
  ThreadState* ts = current_thread;
  if (!ts || !ts->interp) return;
  GCState& gc = ts->interp->gc;
  gc_list_append(g, &gc.generations[0].head);
  GCGeneration& young = gc.generations[0];
  ++young.count;
  if (gc.enabled && !gc.collecting && (young.count > young.threshold || gc.stress) && young.threshold > 0)
    ts->interp->interrupt.fetch_or(kBreakGC, std::memory_order_relaxed);
}

void gc_untrack(Object* o) {
  if (!has_gc_header(o)) return;
  GCHead* g = gc_head(o);
  if (!g->next) return;
  gc_list_remove(g);
  ThreadState* ts = current_thread;
  if (ts && ts->interp && ts->interp->gc.generations[0].count > 0) --ts->interp->gc.generations[0].count;
}

}  // namespace terrarium
