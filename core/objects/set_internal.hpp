// Private to set.cpp and set_ops.cpp: the hash-table primitives (with CPython's names)
// and the method tables. Other files use objects/set.hpp.
#pragma once
#include "objects/set.hpp"

namespace terrarium::set_impl {

// A new empty set/frozenset of `type`, filled from iterable (may be null).
[[nodiscard]] Object* make_new_set(ThreadState* ts, TypeObject* type, Object* iterable);
// Like make_new_set, but subclasses give their base (set or frozenset), as the operators do.
[[nodiscard]] Object* make_new_set_basetype(ThreadState* ts, TypeObject* type, Object* iterable);
[[nodiscard]] Object* set_copy(ThreadState* ts, Object* so);
// 0 ok, -1 error. Takes its own reference to key.
[[nodiscard]] int set_add_entry(ThreadState* ts, SetObject* so, Object* key, Py_hash_t hash);
[[nodiscard]] int set_add_key(ThreadState* ts, SetObject* so, Object* key);
[[nodiscard]] int set_contains_entry(ThreadState* ts, SetObject* so, Object* key, Py_hash_t hash);  // 1 0 -1
[[nodiscard]] int set_discard_entry(ThreadState* ts, SetObject* so, Object* key, Py_hash_t hash);   // 1 0 -1
[[nodiscard]] int set_update_internal(ThreadState* ts, SetObject* so, Object* other);
void set_table_resize(SetObject* so, Py_ssize_t minused);
void set_clear_internal(SetObject* so);
void set_swap_bodies(SetObject* a, SetObject* b);
// Keys of a set argument are looked up as frozensets: retries with a frozenset copy when
// hashing a set failed. 1 0 -1, like the wrapped operation.
[[nodiscard]] int with_frozen_key(ThreadState* ts, Object* key, int (*op)(ThreadState*, SetObject*, Object*),
                                  SetObject* so);

Object* set_intersection(ThreadState* ts, SetObject* so, Object* other);
Object* set_difference(ThreadState* ts, SetObject* so, Object* other);
[[nodiscard]] int set_difference_update_internal(ThreadState* ts, SetObject* so, Object* other);
Object* set_symmetric_difference(ThreadState* ts, SetObject* so, Object* other);
[[nodiscard]] int set_symmetric_difference_update(ThreadState* ts, SetObject* so, Object* other);
[[nodiscard]] int set_issubset(ThreadState* ts, SetObject* so, Object* other);  // 1 0 -1
[[nodiscard]] int set_issuperset(ThreadState* ts, SetObject* so, Object* other);

extern const MethodDef kSetMethods[];
extern const MethodDef kFrozensetMethods[];
void fill_set_number_slots(TypeObject& t, bool mutable_set);

}  // namespace terrarium::set_impl
