// The type machinery: readying static types (namespace, MRO, inherited slots), attribute
// lookup along the MRO, generic attribute access on instances, calling a type to make an
// instance, and building classes at run time (type(name, bases, ns)).
// CPython: Objects/typeobject.c, Objects/object.c PyObject_GenericGetAttr.
#pragma once
#include <string>
#include "objects/object.hpp"

namespace terrarium {

// Builds tp_dict (methods, getsets, slot wrappers), tp_mro and tp_bases, and copies the
// base's slots into empty ones. Idempotent. Null-free: returns false with an error set.
[[nodiscard]] bool type_ready(ThreadState* ts, TypeObject* type);
// Readies every built-in static type once per process.
[[nodiscard]] bool ready_builtin_types(ThreadState* ts);

// The attribute `name` (a str) found along type's MRO, borrowed; null if absent (no error).
// Borrowed; null when no class in the MRO has `name`. Cached per (type, name) until
// any class namespace changes (CPython: the type attribute cache).
Object* type_lookup(TypeObject* type, Object* name);
// Forgets every cached lookup: a class namespace changed, a class died, or an MRO moved.
void invalidate_type_cache();
Object* type_lookup_str(TypeObject* type, const char* name);
// Gives back the names this OS thread's attribute cache holds (literal names are
// immortal and shared). Called with the GIL held: by a Python thread before it ends (the
// thread-local destructors that would otherwise do it run after the GIL is gone), and
// when a host thread leaves an interpreter, whose heap the names belong to, since the
// thread may next run another interpreter while this one goes on elsewhere.
void release_thread_caches();

// PyObject_GenericGetAttr / SetAttr: data descriptors, then the instance __dict__, then
// other class attributes.
[[nodiscard]] Object* generic_getattr(ThreadState* ts, Object* obj, Object* name);
[[nodiscard]] int generic_setattr(ThreadState* ts, Object* obj, Object* name, Object* value);
// Like generic_getattr but returns null WITHOUT an error when the attribute is missing.
[[nodiscard]] Object* generic_getattr_or_null(ThreadState* ts, Object* obj, Object* name);

[[nodiscard]] Object* get_attr(ThreadState* ts, Object* obj, Object* name);
[[nodiscard]] Object* get_attr_str(ThreadState* ts, Object* obj, const char* name);
[[nodiscard]] int set_attr(ThreadState* ts, Object* obj, Object* name, Object* value);  // value null: delete
// For LOAD_METHOD: if obj.name is a plain function/method descriptor found on the type and
// not shadowed, sets *method (new ref) and returns 1 (call it with obj prepended); else sets
// *method to the bound attribute and returns 0; -1 on error.
[[nodiscard]] int get_method(ThreadState* ts, Object* obj, Object* name, Object** method);

// The instance __dict__ of obj (borrowed), created on first use; null if obj has none.
Object* instance_dict(ThreadState* ts, Object* obj);

// type(name, bases, namespace) with metatype `meta`: a new class. CPython: type_new.
[[nodiscard]] Object* type_new(ThreadState* ts, TypeObject* meta, Object* name, Object* bases, Object* ns);
// The `class` statement's form: class keywords go to __init_subclass__.
[[nodiscard]] Object* type_new_with_keywords(ThreadState* ts, TypeObject* meta, Object* name, Object* bases,
                                             Object* ns, Object* const* kwvalues, Object* kwnames);
// Frees a class object (its metatype's dealloc calls this for heap types).
void heap_type_dealloc(Object* o);
void heap_type_traverse(Object* o, VisitProc visit, void* arg);
void heap_type_clear(Object* o);

// "'int' object has no attribute 'x'"
std::nullptr_t raise_attribute_error(ThreadState* ts, Object* obj, Object* name);
std::string type_qualname(TypeObject* type);
// CPython's tp_name for messages: the bare name for builtins and classes alike.
inline const char* type_name(TypeObject* t) { return t->tp_name; }

}  // namespace terrarium
