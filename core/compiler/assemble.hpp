// Lays out an optimised CFG as CPython 3.11 bytecode: picks FORWARD/BACKWARD jump forms,
// inserts EXTENDED_ARG prefixes and inline cache entries, resolves jump offsets, computes
// the stack depth and builds the code object. CPython: compile.c assemble().
#pragma once
#include <string>
#include <vector>
#include "bytecode/code.hpp"
#include "compiler/cfg.hpp"

namespace terrarium {

struct AssembleInput {
  ControlFlowGraph& graph;
  std::vector<Object*>& consts;  // references move into the code object
  std::vector<Object*>& names;
  const std::string& filename;
  const char* name;
  const char* qualname;
  int firstlineno;
  int flags = 0;
  int argcount = 0;
  int posonlyargcount = 0;
  int kwonlyargcount = 0;
};

[[nodiscard]] CodeObject* assemble(ThreadState* ts, AssembleInput& in);

}  // namespace terrarium
