// The two places where core syntax produces objects whose types are written in Python
// (core/pylib/_generic_alias.py, core/pylib/_union_type.py): `list[int]` makes a
// types.GenericAlias and `int | str` a types.UnionType. CPython implements both in C
// (Objects/genericaliasobject.c, Objects/unionobject.c); here they are small Python classes.
#pragma once
#include "objects/object.hpp"

namespace terrarium {

// True for the built-in classes that CPython gives a __class_getitem__ (list, dict, ...).
bool is_builtin_generic(TypeObject* type);
// types.GenericAlias(origin, args): what `list[int]` evaluates to.
[[nodiscard]] Object* new_builtin_generic_alias(ThreadState* ts, Object* origin, Object* args);
// type.__or__ / type.__ror__ as one binary slot: a types.UnionType, or NotImplemented.
[[nodiscard]] Object* type_or(ThreadState* ts, Object* a, Object* b);

}  // namespace terrarium
