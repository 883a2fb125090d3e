// tuple: a fixed-size immutable array of references. Used by the compiler for constant
// tuples and keyword-name lists as in CPython.
#pragma once
#include "objects/object.hpp"

namespace terrarium {

struct TupleObject : Object {
  Py_ssize_t size;
  Object* items[1];
};

extern TypeObject tuple_type;
extern TypeObject tuple_iterator_type;

// Takes no references: items start null and are filled with tuple_set (which steals).
[[nodiscard]] Object* new_tuple(ThreadState* ts, Py_ssize_t size);
inline bool is_tuple(Object* o) { return is_instance(o, &tuple_type); }
inline Py_ssize_t tuple_size(Object* o) { return static_cast<TupleObject*>(o)->size; }
inline Object* tuple_get(Object* o, Py_ssize_t i) { return static_cast<TupleObject*>(o)->items[i]; }
inline void tuple_set(Object* o, Py_ssize_t i, Object* v) { static_cast<TupleObject*>(o)->items[i] = v; }

}  // namespace terrarium
