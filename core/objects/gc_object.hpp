// What the cycle collector keeps in front of every container it may track: links into
// a generation's list and scratch space for a collection. Objects of TPFLAGS_HAVE_GC
// types carry this header before the object (and before the managed-dict words), as
// CPython keeps PyGC_Head before the PyObject. Static instances (the empty tuple) have
// no header: they are immortal and never tracked.
// CPython: Include/internal/pycore_gc.h, Modules/gcmodule.c.
#pragma once
#include <cstdint>
#include "objects/object.hpp"

namespace terrarium {

struct GCHead {
  GCHead* next = nullptr;  // in a generation's list; null while untracked
  GCHead* prev = nullptr;
  Py_ssize_t refs = 0;     // during a collection: references from outside the generation
  std::uint32_t flags = 0;
};

enum GCFlags : std::uint32_t {
  GC_FINALIZED = 1u << 0,    // __del__ already ran (PEP 442: at most once)
  GC_COLLECTING = 1u << 1,   // in the generation being collected
  GC_UNREACHABLE = 1u << 2,  // found unreachable by the current collection
  GC_MANAGED_PREFIX = 1u << 3,  // the managed-dict words sit between header and object
};

constexpr std::size_t kGCHeadSize = sizeof(GCHead);

inline bool has_gc_header(Object* o) {
  return (o->ob_type->tp_flags & TPFLAGS_HAVE_GC) && !is_immortal(o);
}
inline GCHead* gc_head(Object* o) {
  std::size_t managed = (o->ob_type->tp_flags & TPFLAGS_MANAGED_DICT) ? kManagedPrefixWords * sizeof(Object*) : 0;
  return reinterpret_cast<GCHead*>(reinterpret_cast<char*>(o) - managed - kGCHeadSize);
}
inline Object* gc_object(GCHead* g) {
  std::size_t managed = (g->flags & GC_MANAGED_PREFIX) ? kManagedPrefixWords * sizeof(Object*) : 0;
  return reinterpret_cast<Object*>(reinterpret_cast<char*>(g) + kGCHeadSize + managed);
}
inline bool gc_is_tracked(Object* o) { return has_gc_header(o) && gc_head(o)->next != nullptr; }

// Links a container into the youngest generation of the running interpreter (a no-op
// without one, or when already tracked), or unlinks it.
void gc_track(Object* o);
void gc_untrack(Object* o);

// CPython: _PyObject_GC_MAY_BE_TRACKED. Whether holding `o` could make a container part
// of a cycle: a container, except tuples the collector found atomic.
extern TypeObject tuple_type;
inline bool gc_may_be_tracked(Object* o) {
  if (!has_gc_header(o)) return false;
  return o->ob_type != &tuple_type || gc_head(o)->next != nullptr;
}

}  // namespace terrarium
