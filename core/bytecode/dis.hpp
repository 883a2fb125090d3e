// Disassembly in the exact text format of CPython 3.11's dis module (dis.dis(code)),
// for the bytecode pane, `terrarium dis` and the dis fidelity check. CPython: Lib/dis.py.
#pragma once
#include <string>
#include <vector>
#include "bytecode/code.hpp"

namespace terrarium {

struct DisInstruction {
  int offset;
  int opcode;
  int arg;                 // -1 when the instruction takes none
  std::string argrepr;
  int starts_line;         // -1 unless this instruction starts a source line
  bool is_jump_target;
  int jump_target = -1;    // jumps: the byte offset they go to
  int line = -1;           // the instruction's own source line (-1: none)
};

// dis.get_instructions(code): EXTENDED_ARG folded into the next instruction, caches hidden.
[[nodiscard]] bool get_instructions(ThreadState* ts, CodeObject* code, std::vector<DisInstruction>& out);
// dis.dis(code) output, including nested code objects.
[[nodiscard]] bool disassemble(ThreadState* ts, CodeObject* code, std::string& out);

}  // namespace terrarium
