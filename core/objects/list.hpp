// list: a growable array of references. CPython: Objects/listobject.c.
#pragma once
#include <vector>
#include "objects/object.hpp"

namespace terrarium {

struct ListObject : Object {
  std::vector<Object*>* items;  // strong references
};

extern TypeObject list_type;
extern TypeObject list_iterator_type;

[[nodiscard]] Object* new_list(ThreadState* ts);
// Steals the `count` references at items[0..count).
[[nodiscard]] Object* new_list_steal(ThreadState* ts, Object* const* items, int count);
[[nodiscard]] bool list_append(ThreadState* ts, Object* list, Object* v);  // takes its own reference
[[nodiscard]] bool list_extend(ThreadState* ts, Object* list, Object* iterable);
[[nodiscard]] Object* list_as_tuple(ThreadState* ts, Object* list);
inline bool is_list(Object* o) { return is_instance(o, &list_type); }
inline std::vector<Object*>& list_items(Object* o) { return *static_cast<ListObject*>(o)->items; }

}  // namespace terrarium
