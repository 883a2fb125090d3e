#include "objects/instance_lifecycle.hpp"

#include "objects/abstract.hpp"
#include "objects/gc_object.hpp"
#include "objects/generator.hpp"
#include "objects/typeobject.hpp"
#include "objects/weakref.hpp"
#include "vm/gc_state.hpp"
#include "vm/thread_state.hpp"
#include "vm/unraisable.hpp"

namespace terrarium {

namespace {

// The built-in ancestor whose functions manage the instance (object, int, list, ...).
TypeObject* solid_base(TypeObject* t) {
  while (t->tp_flags & TPFLAGS_HEAPTYPE) t = t->tp_base;
  return t;
}

// The __slots__ fields of all the classes between the instance's class and its
// built-in base: one contiguous run after the built-in layout.
Object** slots_begin(Object* o) {
  return reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + solid_base(o->ob_type)->tp_basicsize);
}
Object** slots_end(Object* o) { return reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + o->ob_type->tp_basicsize); }

}  // namespace

bool has_finalizer(Object* o) {
  if (is_gen_like(o)) return gen_has_finalizer(o);
  return (o->ob_type->tp_flags & TPFLAGS_HEAPTYPE) && type_lookup_str(o->ob_type, "__del__") != nullptr;
}

void call_finalizer(ThreadState* ts, Object* o) {
  if (has_gc_header(o)) {
    if (gc_head(o)->flags & GC_FINALIZED) return;
    gc_head(o)->flags |= GC_FINALIZED;
  }
  if (is_gen_like(o)) return gen_finalize(ts, o);
  Object* del = type_lookup_str(o->ob_type, "__del__");
  if (!del || !ts) return;
  incref(del);
  // A finalizer runs between other work: the exception being raised, if any, survives it.
  Object* pending = fetch_error(ts);
  Object* r = call_object(ts, del, &o, 1, nullptr);
  if (r) decref(r);
  else write_unraisable(ts, del);
  decref(del);
  ts->curexc = pending;
}

void subtype_dealloc(Object* o) {
  if (has_finalizer(o) && !(has_gc_header(o) && (gc_head(o)->flags & GC_FINALIZED))) {
    // Alive again while __del__ runs; it may keep the object (resurrection).
    o->ob_refcnt = 1;
    gc_track(o);
    call_finalizer(current_thread_state(), o);
    if (--o->ob_refcnt != 0) return;
    gc_untrack(o);
  }
  clear_weakrefs(o);
  for (Object** slot = slots_begin(o); slot != slots_end(o); ++slot) {
    Object* v = *slot;
    *slot = nullptr;
    xdecref(v);
  }
  solid_base(o->ob_type)->tp_dealloc(o);
}

void subtype_traverse(Object* o, VisitProc visit, void* arg) {
  // Instances own a reference to their class (object_alloc takes it): a class kept only
  // by its instances' cycles is garbage with them. CPython: subtype_traverse.
  visit(o->ob_type, arg);
  for (Object** slot = slots_begin(o); slot != slots_end(o); ++slot)
    if (*slot) visit(*slot, arg);
  if (o->ob_type->tp_flags & TPFLAGS_MANAGED_DICT)
    if (Object* dict = *managed_dict_slot(o)) visit(dict, arg);
  TypeObject* base = solid_base(o->ob_type);
  if (base->tp_traverse) base->tp_traverse(o, visit, arg);
}

void subtype_clear(Object* o) {
  for (Object** slot = slots_begin(o); slot != slots_end(o); ++slot) {
    Object* v = *slot;
    *slot = nullptr;
    xdecref(v);
  }
  if (o->ob_type->tp_flags & TPFLAGS_MANAGED_DICT) {
    Object* dict = *managed_dict_slot(o);
    *managed_dict_slot(o) = nullptr;
    xdecref(dict);
  }
  TypeObject* base = solid_base(o->ob_type);
  if (base->tp_clear) base->tp_clear(o);
}

}  // namespace terrarium
