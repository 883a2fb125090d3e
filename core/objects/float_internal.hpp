// Declarations shared by the float*.cpp files only (float.cpp assembles the type from
// them). Other files use objects/float.hpp.
#pragma once
#include "objects/float.hpp"

namespace terrarium {

[[nodiscard]] Object* float_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs,
                                Object* kwnames);  // float_new.cpp
extern const MethodDef kFloatMethods[];  // float_methods.cpp
extern const GetSetDef kFloatGetSet[];
// A new instance of `type` (float or a subclass) holding v.
[[nodiscard]] Object* new_float_of_type(ThreadState* ts, TypeObject* type, double v);

}  // namespace terrarium
