// Declarations shared by the int*.cpp files only (int.cpp assembles the type from them).
// Not for other files: they use objects/int.hpp.
#pragma once
#include "objects/int.hpp"

namespace terrarium {

void fill_int_binary_slots(TypeObject& t);  // int_arith.cpp
[[nodiscard]] Object* int_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs,
                              Object* kwnames);  // int_new.cpp
extern const MethodDef kIntMethods[];  // int_methods.cpp
extern const GetSetDef kIntGetSet[];
// A new instance of `type` (int or a subclass) holding the value of the int `value`.
[[nodiscard]] Object* init_int_instance(TypeObject* type, Object* value);

// Results larger than this many bits raise MemoryError instead of being attempted: the
// browser build has at most 4 GiB, and CPython would fail to allocate them as well.
constexpr std::uint64_t kMaxIntBits = std::uint64_t{1} << 32;

}  // namespace terrarium
