// Built-in functions (print, repr, ...): a C++ entry point with CPython's vectorcall
// calling convention. Python-level functions come with the `def` statement.
#pragma once
#include "objects/object.hpp"

namespace terrarium {

struct BuiltinFunctionObject : Object {
  const char* name;
  CallFunc impl;
};

extern TypeObject builtin_function_type;

[[nodiscard]] Object* new_builtin_function(ThreadState* ts, const char* name, CallFunc impl);

}  // namespace terrarium
