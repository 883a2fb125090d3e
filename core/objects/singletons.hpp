// The objects there is exactly one of: None, NotImplemented, True and False, and the
// `object`/`type` roots of the type hierarchy. CPython: Objects/object.c, boolobject.c.
#pragma once
#include <string>
#include "objects/int.hpp"
#include "objects/object.hpp"

namespace terrarium {

extern TypeObject object_type;
extern TypeObject type_type;
extern TypeObject none_type;
extern TypeObject not_implemented_type;
extern TypeObject bool_type;

extern TypeObject ellipsis_type;
extern Object ellipsis_object;
inline Object* py_ellipsis() { return &ellipsis_object; }
extern Object none_object;
extern Object not_implemented_object;
extern IntObject true_object;   // bool is a subclass of int: True is the int 1
extern IntObject false_object;

inline Object* py_none() { return &none_object; }
inline Object* py_not_implemented() { return &not_implemented_object; }
inline Object* py_true() { return &true_object; }
inline Object* py_false() { return &false_object; }
inline Object* new_bool(bool b) { return newref(b ? py_true() : py_false()); }

// A type object with CPython's defaults: object as base, identity hash and equality,
// a repr of the form <NAME object>. The owning file fills in the rest.
TypeObject make_static_type(const char* name, std::size_t basicsize, TypeObject* base);
// For static objects (and static types): reaching a zero refcount is a bug.
void never_dealloc(Object* o);
Py_hash_t identity_hash(ThreadState* ts, Object* o);
// "int" for built-in types, "__main__.Point" for classes (CPython's repr and error texts).
std::string qualified_type_name(TypeObject* type);

}  // namespace terrarium
