// The generational cycle collector, on CPython 3.11's algorithm (Modules/gcmodule.c):
//   update_refs       copy each object's refcount into its scratch count;
//   subtract_refs     take away the references the generation's objects hold on each
//                     other: what remains counts references from outside;
//   move_unreachable  what has outside references, and all it reaches, survives;
//                     the rest is unreachable;
//   then weak references to the unreachable are cleared (callbacks run), finalizers
//   (__del__) run once, objects a finalizer resurrected are spared, and the rest is
//   broken up with tp_clear so reference counting frees it.
#include <vector>
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/instance_lifecycle.hpp"
#include "objects/int.hpp"
#include "objects/list.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "objects/weakref.hpp"
#include "vm/gc_state.hpp"
#include "vm/interpreter_state.hpp"
#include "vm/unraisable.hpp"

namespace terrarium {

namespace {

bool in_collection(Object* o) { return has_gc_header(o) && (gc_head(o)->flags & GC_COLLECTING); }

void visit_decref(Object* o, void*) {
  if (in_collection(o)) --gc_head(o)->refs;
}

// A referent of a reachable object is reachable: back from the unreachable list if it
// was moved there, or marked so the scan treats it as reachable when it gets to it.
void visit_reachable(Object* o, void* young) {
  if (!in_collection(o)) return;
  GCHead* g = gc_head(o);
  if (g->flags & GC_UNREACHABLE) {
    g->flags &= ~GC_UNREACHABLE;
    g->refs = 1;
    gc_list_move(g, static_cast<GCHead*>(young));
  } else if (g->refs == 0) {
    g->refs = 1;
  }
}

void traverse(Object* o, VisitProc visit, void* arg) {
  if (TraverseFunc t = o->ob_type->tp_traverse) t(o, visit, arg);
}

void update_refs(GCHead* list) {
  for (GCHead* g = list->next; g != list; g = g->next) {
    g->refs = gc_object(g)->ob_refcnt;
    g->flags |= GC_COLLECTING;
  }
}

void subtract_refs(GCHead* list) {
  for (GCHead* g = list->next; g != list; g = g->next) traverse(gc_object(g), visit_decref, nullptr);
}

// Leaves the reachable objects in `young` and moves the others to `unreachable`.
void move_unreachable(GCHead* young, GCHead* unreachable) {
  GCHead* g = young->next;
  while (g != young) {
    if (g->refs > 0) {
      traverse(gc_object(g), visit_reachable, young);
      g = g->next;
    } else {
      GCHead* next = g->next;
      g->flags |= GC_UNREACHABLE;
      gc_list_move(g, unreachable);
      g = next;
    }
  }
}

void clear_collecting(GCHead* list) {
  for (GCHead* g = list->next; g != list; g = g->next) g->flags &= ~(GC_COLLECTING | GC_UNREACHABLE);
}

// Tuples of atomic items can be in no cycle: stop tracking them (CPython: untrack_tuples).
void untrack_atomic_tuples(GCHead* list) {
  GCHead* g = list->next;
  while (g != list) {
    GCHead* next = g->next;
    Object* o = gc_object(g);
    if (o->ob_type == &tuple_type) {
      bool atomic = true;
      for (Py_ssize_t i = 0; i < tuple_size(o) && atomic; ++i)
        if (Object* item = tuple_get(o, i)) atomic = !gc_may_be_tracked(item);
      if (atomic) {
        g->flags &= ~(GC_COLLECTING | GC_UNREACHABLE);
        gc_list_remove(g);
      }
    }
    g = next;
  }
}

// Weak references to unreachable objects die now; the callbacks of references that
// are themselves reachable run (those of unreachable ones never do).
void handle_weakrefs(ThreadState* ts, GCHead* unreachable) {
  std::vector<Object*> callbacks;
  for (GCHead* g = unreachable->next; g != unreachable; g = g->next) {
    std::vector<Object*> found;
    detach_weakrefs(gc_object(g), found);
    for (Object* ref : found) {
      if (in_collection(ref) && (gc_head(ref)->flags & GC_UNREACHABLE)) decref(ref);
      else callbacks.push_back(ref);
    }
  }
  for (Object* ref : callbacks) {
    run_weakref_callback(ts, ref);
    decref(ref);
  }
}

void finalize_garbage(ThreadState* ts, GCHead* unreachable) {
  // Finalizers may change the list (resurrect, free): walk a detached copy.
  GCHead seen;
  gc_list_init(&seen);
  while (!gc_list_empty(unreachable)) {
    GCHead* g = unreachable->next;
    gc_list_move(g, &seen);
    Object* o = gc_object(g);
    if (!(g->flags & GC_FINALIZED) && has_finalizer(o)) {
      incref(o);
      call_finalizer(ts, o);
      decref(o);
    }
  }
  gc_list_merge(&seen, unreachable);
}

// Objects a finalizer made reachable again go to `old`, with everything they reach.
void handle_resurrected(GCHead* unreachable, GCHead* old) {
  for (GCHead* g = unreachable->next; g != unreachable; g = g->next) g->flags &= ~GC_UNREACHABLE;
  update_refs(unreachable);
  subtract_refs(unreachable);
  GCHead still;
  gc_list_init(&still);
  move_unreachable(unreachable, &still);
  clear_collecting(unreachable);
  gc_list_merge(unreachable, old);
  gc_list_merge(&still, unreachable);
}

void delete_garbage(ThreadState* ts, GCState& gc, GCHead* unreachable, GCHead* old) {
  while (!gc_list_empty(unreachable)) {
    GCHead* g = unreachable->next;
    Object* o = gc_object(g);
    if (gc.debug & GC_DEBUG_SAVEALL) {
      if (!list_append(ts, gc.garbage, o)) clear_error(ts);
    } else if (ClearFunc clear = o->ob_type->tp_clear) {
      incref(o);
      clear(o);
      decref(o);
    }
    if (unreachable->next == g) {  // still alive: it may die later
      g->flags &= ~(GC_COLLECTING | GC_UNREACHABLE);
      gc_list_move(g, old);
    }
  }
}

void invoke_callbacks(ThreadState* ts, GCState& gc, const char* phase, int generation, Py_ssize_t collected,
                      Py_ssize_t uncollectable) {
  if (!gc.callbacks || list_items(gc.callbacks).empty()) return;
  Object* info = new_dict(ts);
  Object* values[3] = {new_int(ts, generation), new_int(ts, collected), new_int(ts, uncollectable)};
  const char* keys[3] = {"generation", "collected", "uncollectable"};
  for (int i = 0; i < 3; ++i) {
    Object* key = new_str(ts, keys[i]);
    if (!dict_set_item(ts, info, key, values[i])) clear_error(ts);
    decref(key);
    decref(values[i]);
  }
  Object* phase_str = new_str(ts, phase);
  // A copy: a callback may add or remove callbacks.
  std::vector<Object*> callbacks = list_items(gc.callbacks);
  for (Object* cb : callbacks) incref(cb);
  for (Object* cb : callbacks) {
    Object* args[2] = {phase_str, info};
    Object* r = call_object(ts, cb, args, 2, nullptr);
    if (r) decref(r);
    else write_unraisable(ts, cb);
    decref(cb);
  }
  decref(phase_str);
  decref(info);
}

Py_ssize_t count_collectable(GCHead* unreachable) {
  Py_ssize_t n = 0;
  for (GCHead* g = unreachable->next; g != unreachable; g = g->next) {
    ++n;
    Object* o = gc_object(g);
    if ((o->ob_type->tp_flags & TPFLAGS_MANAGED_DICT) && !(o->ob_type->tp_flags & TPFLAGS_DICTLESS_PREFIX))
      if (Object* dict = *managed_dict_slot(o); dict && in_collection(dict) && (gc_head(dict)->flags & GC_UNREACHABLE))
        --n;
  }
  return n;
}

void report(GCState& gc, const char* phase, int generation, std::size_t objects) {
  if (gc.observer) gc.observer->on_gc_phase(GCPhase{phase, generation, objects});
}

}  // namespace

Py_ssize_t gc_collect(ThreadState* ts, int generation) {
  GCState& gc = ts->interp->gc;
  if (gc.collecting) return 0;
  gc.collecting = true;
  if (!gc.garbage) gc.garbage = new_list(ts);
  invoke_callbacks(ts, gc, "start", generation, 0, 0);

  if (generation + 1 < kGenerations) ++gc.generations[generation + 1].count;
  for (int i = 0; i <= generation; ++i) gc.generations[i].count = 0;
  for (int i = 0; i < generation; ++i) gc_list_merge(&gc.generations[i].head, &gc.generations[generation].head);
  GCHead* young = &gc.generations[generation].head;
  GCHead* old = generation + 1 < kGenerations ? &gc.generations[generation + 1].head : young;
  report(gc, "start", generation, gc_list_size(young));

  update_refs(young);
  report(gc, "update_refs", generation, gc_list_size(young));
  subtract_refs(young);
  report(gc, "subtract_refs", generation, gc_list_size(young));
  GCHead unreachable;
  gc_list_init(&unreachable);
  move_unreachable(young, &unreachable);
  report(gc, "move_unreachable", generation, gc_list_size(&unreachable));
  untrack_atomic_tuples(young);
  clear_collecting(young);
  if (young != old) {
    if (generation == kGenerations - 2) gc.long_lived_pending += gc_list_size(young);
    gc_list_merge(young, old);
  } else {
    gc.long_lived_pending = 0;
    gc.long_lived_total = gc_list_size(young);
  }

  handle_weakrefs(ts, &unreachable);
  report(gc, "handle_weakrefs", generation, gc_list_size(&unreachable));
  finalize_garbage(ts, &unreachable);
  report(gc, "finalize", generation, gc_list_size(&unreachable));
  handle_resurrected(&unreachable, old);
  report(gc, "handle_resurrected", generation, gc_list_size(&unreachable));
  // What CPython counts: the objects still unreachable after finalizers (resurrected
  // ones are spared), where an instance and its __dict__ are one object, as 3.11 keeps
  // instance attributes inline.
  Py_ssize_t found = count_collectable(&unreachable);
  delete_garbage(ts, gc, &unreachable, old);
  report(gc, "delete_garbage", generation, gc_list_size(&unreachable));

  GCStats& stats = gc.stats[generation];
  ++stats.collections;
  stats.collected += static_cast<std::size_t>(found);
  invoke_callbacks(ts, gc, "stop", generation, found, 0);
  report(gc, "done", generation, static_cast<std::size_t>(found));
  gc.collecting = false;
  return found;
}

void gc_collect_if_due(ThreadState* ts) {
  GCState& gc = ts->interp->gc;
  if (!gc.enabled || gc.collecting) return;
  // The oldest generation past its threshold; a full collection also waits until the
  // objects that survived since the last one are a quarter of those that did before.
  for (int i = kGenerations - 1; i >= 0; --i) {
    GCGeneration& g = gc.generations[i];
    if (g.count <= g.threshold || g.threshold == 0) continue;
    if (i == kGenerations - 1 && gc.long_lived_pending < gc.long_lived_total / 4) continue;
    Object* pending = fetch_error(ts);
    (void)gc_collect(ts, i);
    clear_error(ts);
    ts->curexc = pending;
    return;
  }
  if (gc.stress) (void)gc_collect(ts, 0);
}

}  // namespace terrarium
