// __slots__ in a class body: which names get a field in the instance (a member
// descriptor each) instead of living in a per-instance __dict__, and whether the class
// still gets a __dict__ and weak-reference support. CPython: Objects/typeobject.c
// type_new_slots(), type_new_descriptors().
#pragma once
#include <string>
#include <vector>
#include "objects/object.hpp"

namespace terrarium {

struct SlotLayout {
  bool declared = false;            // the class body defines __slots__
  std::vector<Object*> names;       // mangled slot names (str, owned), sorted as CPython lays them out
  bool add_dict = false;            // "__dict__" in __slots__
  bool add_weakref = false;         // "__weakref__" in __slots__
  SlotLayout() = default;
  SlotLayout(const SlotLayout&) = delete;
  SlotLayout& operator=(const SlotLayout&) = delete;
  ~SlotLayout();
};

// Reads and checks ns["__slots__"] with CPython's errors. False with an error set.
[[nodiscard]] bool read_slots(ThreadState* ts, Object* ns, Object* class_name, TypeObject* base, SlotLayout& out);

// Whether instances of `base` have a __dict__ / weak-reference support.
bool instances_have_dict(TypeObject* base);
bool instances_have_weakrefs(TypeObject* base);

// Sizes `type` for its slots and adds their member descriptors to its namespace.
[[nodiscard]] bool add_slot_members(ThreadState* ts, TypeObject* type, const SlotLayout& slots);

}  // namespace terrarium
