// The control-flow graph the code generator emits into and the optimizer and assembler
// work on: basic blocks of instructions whose jumps name a target block. Pseudo jumps
// (direction not yet known) become CPython 3.11's FORWARD/BACKWARD forms at assembly.
// CPython: Python/compile.c struct instr, basicblock.
#pragma once
#include <memory>
#include <vector>
#include "bytecode/code.hpp"
#include "bytecode/opcodes.hpp"

namespace terrarium {

// Pseudo opcodes, above the real 0..255 range. CPython 3.11: compile.c JUMP etc.
namespace pseudo {
enum : int {
  JUMP = 256,
  JUMP_NO_INTERRUPT,
  POP_JUMP_IF_FALSE,
  POP_JUMP_IF_TRUE,
  POP_JUMP_IF_NONE,
  POP_JUMP_IF_NOT_NONE,
  // Exception-handler setup, turned into the exception table at assembly (3.11 has no
  // SETUP_* in its bytecode). CPython: compile.c SETUP_FINALLY, SETUP_CLEANUP, SETUP_WITH.
  SETUP_FINALLY,
  SETUP_CLEANUP,
  SETUP_WITH,
  POP_BLOCK,
};
}  // namespace pseudo

struct BasicBlock;

struct Instr {
  int opcode;
  int oparg = 0;
  BasicBlock* target = nullptr;  // jumps only
  Location loc;                  // lineno -1: artificial, gets a line by propagation
  BasicBlock* except = nullptr;  // the handler covering this instruction (set at assembly)
};

struct BasicBlock {
  std::vector<Instr> instrs;
  BasicBlock* except_handler_scratch = nullptr;
  BasicBlock* next = nullptr;  // the block that follows in layout (fall-through) order
  int predecessors = 0;
  bool nofallthrough = false;  // ends with an unconditional jump or a scope exit
  bool exit = false;           // ends with RETURN_VALUE/RAISE_VARARGS/RERAISE
  bool visited = false;
  int start_depth = -1;
  bool preserve_lasti = false;  // a handler entered with the raising offset pushed
  struct ExceptStack* except_stack = nullptr;
  int offset = 0;              // code units, set by the assembler
};

// Owns every block; `blocks` is in allocation order (CPython walks u_blocks newest first).
struct ControlFlowGraph {
  std::vector<std::unique_ptr<BasicBlock>> blocks;
  BasicBlock* entry = nullptr;
  BasicBlock* new_block() {
    blocks.push_back(std::make_unique<BasicBlock>());
    return blocks.back().get();
  }
};

bool is_jump(const Instr& i);
bool is_block_push(const Instr& i);
inline bool has_target(const Instr& i) { return is_jump(i) || is_block_push(i); }  // by opcode: a NOP keeps a stale target
bool is_unconditional_jump(int opcode);
bool is_scope_exit(int opcode);

// CPython 3.11 optimize_cfg and the passes assemble() runs before laying out code.
[[nodiscard]] bool optimize_cfg(ControlFlowGraph& g, std::vector<Object*>& consts, ThreadState* ts);
void clean_block(BasicBlock* bb);
// CPython: label_exception_targets + convert_exception_handlers_to_nops. Gives every
// instruction the handler covering it, then turns SETUP_*/POP_BLOCK into NOPs.
void label_exception_targets(ControlFlowGraph& g);
// Stack effect of one instruction (jump: when the jump is taken). CPython: stack_effect().
int stack_effect(int opcode, int oparg, bool jump);

}  // namespace terrarium
