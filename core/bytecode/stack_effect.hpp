// How many values one real instruction adds to (or removes from) the value stack, as
// CPython 3.11 reports it through dis.stack_effect. The compiler's stack-depth pass builds
// on this and adds its pseudo instructions (compiler/assemble.cpp).
// CPython: Python/compile.c stack_effect().
#pragma once
#include <climits>
#include <optional>

namespace terrarium {

// The effect when the instruction jumps (jump = true) or falls through; nullopt for
// numbers that are no CPython 3.11 instruction.
std::optional<int> opcode_stack_effect(int opcode, int oparg, bool jump);

}  // namespace terrarium
