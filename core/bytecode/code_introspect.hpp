// The parts of the code type that expose bytecode to Python (code_introspect.cpp,
// code_replace.cpp), installed by code.cpp into the type's attributes and methods.
#pragma once
#include "bytecode/code.hpp"

namespace terrarium {

// Getters: co_code (and _co_code_adaptive, the same bytes: we never specialise),
// co_linetable, co_exceptiontable.
[[nodiscard]] Object* code_get_code(ThreadState* ts, Object* code);
[[nodiscard]] Object* code_get_linetable(ThreadState* ts, Object* code);
[[nodiscard]] Object* code_get_exceptiontable(ThreadState* ts, Object* code);

// Methods: co_lines(), co_positions(), _varname_from_oparg(i), replace(**changes).
[[nodiscard]] Object* code_co_lines(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs,
                                    Object* kwnames);
[[nodiscard]] Object* code_co_positions(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs,
                                        Object* kwnames);
[[nodiscard]] Object* code_varname_from_oparg(ThreadState* ts, Object* self, Object* const* args,
                                              std::size_t nargs, Object* kwnames);
[[nodiscard]] Object* code_replace(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs,
                                   Object* kwnames);

}  // namespace terrarium
