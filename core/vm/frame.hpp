// An executing frame: the code, its namespaces, the value stack and the instruction
// pointer. CPython: Include/internal/pycore_frame.h _PyInterpreterFrame.
#pragma once
#include "bytecode/code.hpp"

namespace terrarium {

struct Frame {
  CodeObject* code;
  Object* globals;   // dict
  Object* builtins;  // dict
  Object* locals;    // dict (module level: the same as globals)
  Frame* previous = nullptr;
  int lasti = 0;     // code unit index of the instruction being executed
};

}  // namespace terrarium
