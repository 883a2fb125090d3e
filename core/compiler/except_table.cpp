// Which handler covers each instruction: a walk over the CFG carrying a stack of active
// handlers, pushed by SETUP_* and popped by POP_BLOCK, as CPython 3.11 does before it
// writes the exception table. CPython: compile.c label_exception_targets().
#include <vector>
#include "compiler/cfg.hpp"

namespace terrarium {

struct ExceptStack {
  std::vector<BasicBlock*> handlers;  // innermost last
};

namespace {

BasicBlock* top(const ExceptStack* s) { return s->handlers.empty() ? nullptr : s->handlers.back(); }

bool falls_through(const BasicBlock* b) {
  if (b->instrs.empty()) return true;
  const Instr& last = b->instrs.back();
  return !is_scope_exit(last.opcode) && !is_unconditional_jump(last.opcode);
}

}  // namespace

void label_exception_targets(ControlFlowGraph& g) {
  std::vector<BasicBlock*> todo;
  for (auto& b : g.blocks) b->visited = false, b->except_stack = nullptr;
  g.entry->except_stack = new ExceptStack();
  g.entry->visited = true;
  todo.push_back(g.entry);
  while (!todo.empty()) {
    BasicBlock* b = todo.back();
    todo.pop_back();
    ExceptStack* stack = b->except_stack;
    b->except_stack = nullptr;
    BasicBlock* handler = top(stack);
    for (Instr& instr : b->instrs) {
      if (is_block_push(instr)) {
        if (!instr.target->visited) {
          instr.target->except_stack = new ExceptStack(*stack);
          instr.target->visited = true;
          todo.push_back(instr.target);
        }
        if (instr.opcode == pseudo::SETUP_CLEANUP || instr.opcode == pseudo::SETUP_WITH)
          instr.target->preserve_lasti = true;
        stack->handlers.push_back(instr.target);
        handler = instr.target;
      } else if (instr.opcode == pseudo::POP_BLOCK) {
        if (!stack->handlers.empty()) stack->handlers.pop_back();
        handler = top(stack);
      } else if (is_jump(instr)) {
        instr.except = handler;
        if (!instr.target->visited) {
          instr.target->except_stack = new ExceptStack(*stack);
          instr.target->visited = true;
          todo.push_back(instr.target);
        }
      } else {
        instr.except = handler;
      }
    }
    if (falls_through(b) && b->next && !b->next->visited) {
      b->next->except_stack = stack;
      b->next->visited = true;
      todo.push_back(b->next);
    } else {
      delete stack;
    }
  }
  for (BasicBlock* b = g.entry; b; b = b->next)
    for (Instr& i : b->instrs)
      if (is_block_push(i) || i.opcode == pseudo::POP_BLOCK) {
        i.opcode = op::NOP;
        i.target = nullptr;
        i.oparg = 0;
      }
}

}  // namespace terrarium
