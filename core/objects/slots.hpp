// The one table of special methods (__repr__, __add__, __getitem__, ...) and the C slot
// each one fills. Two directions use it: built-in types expose their C slots as dunder
// wrappers (so int.__add__ and object.__init__ exist), and classes written in Python get
// C slots that call their dunders (so a + b finds A.__add__).
// CPython: Objects/typeobject.c slotdefs[], update_one_slot(), slot_* functions.
#pragma once
#include <vector>
#include "objects/object.hpp"

namespace terrarium {

enum class SlotKind {
  Repr, Str, Hash, Call, Iter, Next, Len, GetItem, SetItem, DelItem, Contains, Bool,
  Negative, Positive, Invert, Index, Binary, BinaryReflected, Inplace, RichCompare,
  Init, GetAttribute, GetAttr, SetAttr, DelAttr, DescrGet, DescrSet, DescrDelete,
};

struct SlotDef {
  const char* name;
  SlotKind kind;
  int index;  // BinaryOp index for binary kinds, CompareOp for comparisons
};

const std::vector<SlotDef>& slot_defs();

// Adds wrapper descriptors to a built-in type's tp_dict for the slots it defines itself.
[[nodiscard]] bool add_slot_wrappers(ThreadState* ts, TypeObject* type);
// Whether the type's tp_new calls a __new__ written in Python (slot_new).
bool has_python_new(TypeObject* type);
// Points a class's C slots at functions calling the dunders its MRO defines in Python.
void fixup_slots(TypeObject* type);
// Calls the slot behind a wrapper descriptor: self first, then the call's arguments.
[[nodiscard]] Object* call_slot_wrapper(ThreadState* ts, const SlotDef* slot, TypeObject* owner, Object* self,
                                        Object* const* args, std::size_t nargs, Object* kwnames);
// Every static type readied at start-up, bases before subclasses.
const std::vector<TypeObject*>& builtin_static_types();
// Calls type(obj).name(*args) looking the dunder up on the type, as CPython's
// vectorcall_method does. Null with AttributeError set if the type lacks it.
[[nodiscard]] Object* call_dunder(ThreadState* ts, Object* self, const char* name, Object* const* args, std::size_t nargs);

}  // namespace terrarium
