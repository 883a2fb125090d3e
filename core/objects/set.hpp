// set and frozenset: CPython's open-addressing hash table (linear probing for 9 slots,
// then perturbed jumps; 8 slots to start; grow when 3/5 full), kept slot-for-slot the
// same so iteration order, pop() and repr match CPython for the same hashes (small ints
// print {1, 2, 3} however they were added). CPython: Objects/setobject.c.
#pragma once
#include "objects/object.hpp"

namespace terrarium {

struct SetEntry {
  Object* key;     // null: never used; set_dummy(): deleted
  Py_hash_t hash;  // -1 for a deleted slot
};

struct SetObject : Object {
  Py_ssize_t fill;   // active + deleted slots
  Py_ssize_t used;   // active slots
  Py_ssize_t mask;   // table size - 1; the size is a power of two >= 8
  SetEntry* table;   // owned (malloc)
  Py_hash_t hash;    // frozenset only, -1 until computed
  Py_ssize_t finger; // where pop() looks next
};

extern TypeObject set_type;
extern TypeObject frozenset_type;
extern TypeObject set_iterator_type;

inline bool is_anyset(Object* o) { return is_instance(o, &set_type) || is_instance(o, &frozenset_type); }
inline bool is_set(Object* o) { return is_instance(o, &set_type); }
inline bool is_frozenset(Object* o) { return is_instance(o, &frozenset_type); }
inline Py_ssize_t set_size(Object* o) { return static_cast<SetObject*>(o)->used; }
Object* set_dummy();

// For the eval loop: BUILD_SET / SET_ADD / SET_UPDATE.
[[nodiscard]] Object* new_set(ThreadState* ts);
[[nodiscard]] Object* new_frozenset(ThreadState* ts, Object* iterable);  // iterable may be null
[[nodiscard]] bool set_add(ThreadState* ts, Object* set, Object* key);  // takes its own reference
[[nodiscard]] bool set_update(ThreadState* ts, Object* set, Object* iterable);
[[nodiscard]] int set_contains(ThreadState* ts, Object* set, Object* key);  // 1, 0, -1
// 1 removed, 0 absent, -1 error. A set key is looked up as a frozenset, as CPython does.
[[nodiscard]] int set_discard(ThreadState* ts, Object* set, Object* key);
// Walks the active entries in table order: returns false at the end.
bool set_next(Object* set, Py_ssize_t& pos, SetEntry*& entry);

}  // namespace terrarium
