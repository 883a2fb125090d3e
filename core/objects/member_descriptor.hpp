// member_descriptor: the class attribute behind each name in __slots__, reading and
// writing one pointer-sized field of the instance. CPython: Objects/descrobject.c
// (member_get/member_set), Python/structmember.c (T_OBJECT_EX).
#pragma once
#include <cstddef>
#include "objects/object.hpp"

namespace terrarium {

extern TypeObject member_descriptor_type;

// A descriptor for the field at byte `offset` of `owner`'s instances.
[[nodiscard]] Object* new_member_descriptor(ThreadState* ts, TypeObject* owner, Object* name, std::size_t offset);

}  // namespace terrarium
