// weakref.ref: a reference that does not keep its referent alive. The referent keeps a
// list of its weak references (in the weaklist word before instances of classes), so
// that dying it can mark them dead and run their callbacks.
// CPython: Objects/weakrefobject.c, Include/cpython/weakrefobject.h.
#pragma once
#include <vector>
#include "objects/object.hpp"

namespace terrarium {

struct WeakRefObject : Object {
  Object* referent;  // borrowed; null once the referent died
  Object* callback;  // strong, or null
  Py_hash_t hash;    // -1 until computed
  WeakRefObject* prev_ref;  // the referent's list
  WeakRefObject* next_ref;
};

extern TypeObject weakref_type;

// Whether weakref.ref(o) is allowed: instances of classes, classes and functions.
bool supports_weakrefs(Object* o);
[[nodiscard]] Object* new_weakref(ThreadState* ts, Object* referent, Object* callback);
// For subclasses of ref (weakref.WeakMethod, KeyedRef): never shared.
[[nodiscard]] Object* new_weakref_of_type(ThreadState* ts, TypeObject* type, Object* referent, Object* callback);
Py_ssize_t weakref_count(Object* referent);
// A new list of the live weak references to `referent`.
[[nodiscard]] Object* weakrefs_of(ThreadState* ts, Object* referent);

// The referent is dying (refcount zero): marks every weak reference dead and runs the
// callbacks of those still alive. CPython: PyObject_ClearWeakRefs.
void clear_weakrefs(Object* referent);
// For the collector: marks the references dead and hands back (new references to) those
// whose callbacks should run, without running them.
void detach_weakrefs(Object* referent, std::vector<Object*>& with_callbacks);
void run_weakref_callback(ThreadState* ts, Object* ref);

}  // namespace terrarium
