// The end of an instance of a class written in Python: __del__ (PEP 442: run at most
// once, and the object may be resurrected), weak references cleared, the managed
// __dict__ released; and what the cycle collector needs to see and break such
// instances. CPython: Objects/typeobject.c subtype_dealloc, subtype_traverse,
// subtype_clear; Objects/object.c PyObject_CallFinalizerFromDealloc.
#pragma once
#include "objects/object.hpp"

namespace terrarium {

void subtype_dealloc(Object* o);
void subtype_traverse(Object* o, VisitProc visit, void* arg);
void subtype_clear(Object* o);

// Whether `o`'s class defines __del__, and running it once (for the collector, which
// runs finalizers before breaking cycles). Errors are reported as unraisable.
bool has_finalizer(Object* o);
void call_finalizer(ThreadState* ts, Object* o);

}  // namespace terrarium
