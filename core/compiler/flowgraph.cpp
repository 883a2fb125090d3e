// CFG clean-up and peephole passes in CPython 3.11's order: per-block optimisation (constant
// conditions, jump threading), inlining of small exit blocks, unreachable-code removal,
// redundant-jump removal, duplication of exits without a line number, line propagation and
// trimming of trailing unused constants. Each pass keeps the CFG well formed: a jump or a
// scope exit is always the last instruction of its block.
// CPython: Python/compile.c optimize_cfg(), duplicate_exits_without_lineno(),
// propagate_line_numbers(), trim_unused_consts().
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include "compiler/cfg.hpp"
#include "compiler/swap_optimizer.hpp"
#include "objects/abstract.hpp"
#include "objects/singletons.hpp"
#include "objects/tuple.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

int add_const_to(std::vector<Object*>& consts, Object* value);  // codegen.cpp

namespace {

constexpr std::size_t kMaxCopySize = 4;  // CPython: MAX_COPY_SIZE

bool is_conditional_jump_opcode(int op) {
  return op == pseudo::POP_JUMP_IF_FALSE || op == pseudo::POP_JUMP_IF_TRUE || op == pseudo::POP_JUMP_IF_NONE ||
         op == pseudo::POP_JUMP_IF_NOT_NONE || op == op::JUMP_IF_FALSE_OR_POP || op == op::JUMP_IF_TRUE_OR_POP ||
         op == op::FOR_ITER || op == op::SEND;
}

void skip_empty_targets(Instr& i) {
  while (i.target->instrs.empty()) i.target = i.target->next;
}

// CPython: normalize_basic_block. Marks exits and skips jumps over empty blocks.
void normalize_block(BasicBlock* b) {
  for (Instr& i : b->instrs) {
    if (has_target(i)) skip_empty_targets(i);
    if (is_scope_exit(i.opcode)) b->exit = b->nofallthrough = true;
    if (is_unconditional_jump(i.opcode)) b->nofallthrough = true;
  }
}

// CPython: jump_thread. Retargets `inst` to where `target` jumps, if on the same line.
bool jump_thread(Instr& inst, const Instr& target, int opcode) {
  if (inst.loc.lineno == target.loc.lineno && inst.target != target.target) {
    inst.target = target.target;
    inst.opcode = opcode;
    return true;
  }
  return false;
}

// CPython: fold_tuple_on_constants. n LOAD_CONSTs then BUILD_TUPLE n -> one LOAD_CONST.
void fold_tuple_on_constants(ThreadState* ts, std::vector<Instr>& in, std::size_t build, std::vector<Object*>& consts) {
  int n = in[build].oparg;
  if (static_cast<int>(build) < n) return;
  for (int k = 1; k <= n; ++k)
    if (in[build - k].opcode != op::LOAD_CONST) return;
  Object* t = new_tuple(ts, n);
  for (int k = 0; k < n; ++k) {
    Instr& load = in[build - n + k];
    tuple_set(t, k, newref(consts[static_cast<std::size_t>(load.oparg)]));
    load.opcode = op::NOP;
  }
  in[build].opcode = op::LOAD_CONST;
  in[build].oparg = add_const_to(consts, t);
}

bool optimize_block(BasicBlock* bb, std::vector<Object*>& consts, ThreadState* ts) {
  static const Instr kNop{op::NOP};
  for (std::size_t i = 0; i < bb->instrs.size(); ++i) {
    Instr& inst = bb->instrs[i];
    int nextop = i + 1 < bb->instrs.size() ? bb->instrs[i + 1].opcode : 0;
    const Instr* target = &kNop;
    if (has_target(inst)) {
      skip_empty_targets(inst);
      target = &inst.target->instrs[0];
    }
    switch (inst.opcode) {
      case op::LOAD_CONST: {
        if (nextop == pseudo::POP_JUMP_IF_FALSE || nextop == pseudo::POP_JUMP_IF_TRUE) {
          int is_true = object_is_true(ts, consts[inst.oparg]);
          if (is_true < 0) return false;
          inst.opcode = op::NOP;
          bool jump_if_true = nextop == pseudo::POP_JUMP_IF_TRUE;
          if ((is_true == 1) == jump_if_true) {
            bb->instrs[i + 1].opcode = pseudo::JUMP;
            bb->nofallthrough = true;
          } else {
            bb->instrs[i + 1].opcode = op::NOP;
          }
        } else if (nextop == op::JUMP_IF_FALSE_OR_POP || nextop == op::JUMP_IF_TRUE_OR_POP) {
          int is_true = object_is_true(ts, consts[inst.oparg]);
          if (is_true < 0) return false;
          bool jump_if_true = nextop == op::JUMP_IF_TRUE_OR_POP;
          if ((is_true == 1) == jump_if_true) {
            bb->instrs[i + 1].opcode = pseudo::JUMP;
            bb->nofallthrough = true;
          } else {
            inst.opcode = op::NOP;
            bb->instrs[i + 1].opcode = op::NOP;
          }
        } else if (nextop == op::IS_OP && i + 2 < bb->instrs.size() && consts[inst.oparg] == py_none()) {
          int jump_op = bb->instrs[i + 2].opcode;
          if (jump_op == pseudo::POP_JUMP_IF_FALSE || jump_op == pseudo::POP_JUMP_IF_TRUE) {
            int nextarg = bb->instrs[i + 1].oparg;
            inst.opcode = op::NOP;
            bb->instrs[i + 1].opcode = op::NOP;
            bb->instrs[i + 2].opcode =
                (nextarg ^ (jump_op == pseudo::POP_JUMP_IF_FALSE)) ? pseudo::POP_JUMP_IF_NOT_NONE : pseudo::POP_JUMP_IF_NONE;
          }
        }
        break;
      }
      case op::BUILD_TUPLE:
        if (nextop == op::UNPACK_SEQUENCE && inst.oparg == bb->instrs[i + 1].oparg) {
          if (inst.oparg == 1) {
            inst.opcode = op::NOP;
            bb->instrs[i + 1].opcode = op::NOP;
            break;
          }
          if (inst.oparg == 2 || inst.oparg == 3) {
            inst.opcode = op::NOP;
            bb->instrs[i + 1].opcode = op::SWAP;
            break;
          }
        }
        fold_tuple_on_constants(ts, bb->instrs, i, consts);
        break;
      case op::SWAP:
        if (inst.oparg == 1) {
          inst.opcode = op::NOP;
          break;
        }
        minimize_swap_run(bb->instrs, i);
        apply_static_swaps(bb->instrs, i);
        break;
      case op::PUSH_NULL:
        if (nextop == op::LOAD_GLOBAL && (bb->instrs[i + 1].oparg & 1) == 0) {
          inst.opcode = op::NOP;
          inst.oparg = 0;
          bb->instrs[i + 1].oparg |= 1;
        }
        break;
      case op::JUMP_IF_FALSE_OR_POP:
        switch (target->opcode) {
          case pseudo::POP_JUMP_IF_FALSE: i -= jump_thread(inst, *target, pseudo::POP_JUMP_IF_FALSE); break;
          case pseudo::JUMP:
          case op::JUMP_IF_FALSE_OR_POP: i -= jump_thread(inst, *target, op::JUMP_IF_FALSE_OR_POP); break;
          case op::JUMP_IF_TRUE_OR_POP:
          case pseudo::POP_JUMP_IF_TRUE:
            if (inst.loc.lineno == target->loc.lineno) {
              inst.opcode = pseudo::POP_JUMP_IF_FALSE;
              inst.target = inst.target->next;
              --i;
            }
            break;
        }
        break;
      case op::JUMP_IF_TRUE_OR_POP:
        switch (target->opcode) {
          case pseudo::POP_JUMP_IF_TRUE: i -= jump_thread(inst, *target, pseudo::POP_JUMP_IF_TRUE); break;
          case pseudo::JUMP:
          case op::JUMP_IF_TRUE_OR_POP: i -= jump_thread(inst, *target, op::JUMP_IF_TRUE_OR_POP); break;
          case op::JUMP_IF_FALSE_OR_POP:
          case pseudo::POP_JUMP_IF_FALSE:
            if (inst.loc.lineno == target->loc.lineno) {
              inst.opcode = pseudo::POP_JUMP_IF_TRUE;
              inst.target = inst.target->next;
              --i;
            }
            break;
        }
        break;
      case pseudo::POP_JUMP_IF_NOT_NONE:
      case pseudo::POP_JUMP_IF_NONE:
      case pseudo::POP_JUMP_IF_FALSE:
      case pseudo::POP_JUMP_IF_TRUE:
      case pseudo::JUMP:
        if (target->opcode == pseudo::JUMP) i -= jump_thread(inst, *target, inst.opcode);
        break;
      default:
        break;
    }
  }
  return true;
}

}  // namespace

// CPython: clean_basic_block. Drops NOPs whose line is implied by a neighbour.
void clean_block(BasicBlock* bb) {
  std::vector<Instr>& in = bb->instrs;
  std::size_t dest = 0;
  int prev_lineno = -1;
  for (std::size_t src = 0; src < in.size(); ++src) {
    int lineno = in[src].loc.lineno;
    if (in[src].opcode == op::NOP) {
      if (lineno < 0) continue;
      if (prev_lineno == lineno) continue;
      if (src + 1 < in.size()) {
        int next_lineno = in[src + 1].loc.lineno;
        if (next_lineno < 0 || next_lineno == lineno) {
          in[src + 1].loc = in[src].loc;
          continue;
        }
      } else {
        BasicBlock* next = bb->next;
        while (next && next->instrs.empty()) next = next->next;
        if (next && lineno == next->instrs[0].loc.lineno) continue;
      }
    }
    if (dest != src) in[dest] = in[src];
    ++dest;
    prev_lineno = lineno;
  }
  in.resize(dest);
}

namespace {

// CPython: extend_block. Copies a small exit block over the jump that reaches it.
void extend_block(BasicBlock* bb) {
  if (bb->instrs.empty()) return;
  Instr& last = bb->instrs.back();
  if (!is_unconditional_jump(last.opcode)) return;
  BasicBlock* target = last.target;
  if (!target->exit || target->instrs.size() > kMaxCopySize) return;
  // 3.11 copies only exits without a line of their own (the implicit `return None`); a
  // `return x` statement keeps its jump, as `python3 -m dis` shows.
  for (const Instr& i : target->instrs)
    if (i.loc.lineno >= 0) return;
  bb->instrs.pop_back();
  for (const Instr& i : target->instrs) bb->instrs.push_back(i);
  bb->exit = true;
  bb->nofallthrough = true;
}

void mark_reachable(ControlFlowGraph& g) {
  for (auto& b : g.blocks) b->predecessors = 0, b->visited = false;
  std::vector<BasicBlock*> stack{g.entry};
  g.entry->predecessors = 1;
  g.entry->visited = true;
  while (!stack.empty()) {
    BasicBlock* b = stack.back();
    stack.pop_back();
    if (b->next && !b->nofallthrough) {
      if (!b->next->visited) { b->next->visited = true; stack.push_back(b->next); }
      b->next->predecessors++;
    }
    for (Instr& i : b->instrs) {
      if (!has_target(i)) continue;
      if (!i.target->visited) { i.target->visited = true; stack.push_back(i.target); }
      i.target->predecessors++;
    }
  }
}

void eliminate_empty_blocks(ControlFlowGraph& g) {
  while (g.entry->instrs.empty() && g.entry->next) g.entry = g.entry->next;
  for (BasicBlock* b = g.entry; b; b = b->next) {
    BasicBlock* next = b->next;
    if (next) {
      while (next->instrs.empty() && next->next) next = next->next;
      b->next = next;
    }
  }
  for (BasicBlock* b = g.entry; b; b = b->next)
    for (Instr& i : b->instrs)
      if (has_target(i)) skip_empty_targets(i);
}

bool is_exit_without_lineno(BasicBlock* b) {
  if (!b->exit) return false;
  for (const Instr& i : b->instrs)
    if (i.loc.lineno >= 0) return false;
  return true;
}

void duplicate_exits_without_lineno(ControlFlowGraph& g) {
  // CPython walks u_blocks, newest block first; copies are laid out after the original.
  std::vector<BasicBlock*> order;
  for (auto& b : g.blocks) order.push_back(b.get());
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    BasicBlock* b = *it;
    if (b->instrs.empty() || !is_jump(b->instrs.back())) continue;
    BasicBlock* target = b->instrs.back().target;
    if (is_exit_without_lineno(target) && target->predecessors > 1) {
      BasicBlock* copy = g.new_block();
      copy->instrs = target->instrs;
      copy->exit = target->exit;
      copy->nofallthrough = target->nofallthrough;
      copy->instrs[0].loc = b->instrs.back().loc;
      b->instrs.back().target = copy;
      target->predecessors--;
      copy->predecessors = 1;
      copy->next = target->next;
      target->next = copy;
    }
  }
  eliminate_empty_blocks(g);
  for (BasicBlock* b = g.entry; b; b = b->next) {
    if (!b->nofallthrough && b->next && !b->instrs.empty() && is_exit_without_lineno(b->next))
      b->next->instrs[0].loc = b->instrs.back().loc;
  }
}

void propagate_line_numbers(ControlFlowGraph& g) {
  for (BasicBlock* b = g.entry; b; b = b->next) {
    if (b->instrs.empty()) continue;
    Location prev;
    for (Instr& i : b->instrs) {
      if (i.loc.lineno < 0) i.loc = prev;
      else prev = i.loc;
    }
    if (!b->nofallthrough && b->next && b->next->predecessors == 1 && b->next->instrs[0].loc.lineno < 0)
      b->next->instrs[0].loc = prev;
    const Instr& last = b->instrs.back();
    if (is_jump(last) && last.target->predecessors == 1 && last.target->instrs[0].loc.lineno < 0)
      last.target->instrs[0].loc = prev;
  }
}

void trim_unused_consts(ControlFlowGraph& g, std::vector<Object*>& consts) {
  int max_index = 0;  // the first constant may be a docstring: always kept
  for (BasicBlock* b = g.entry; b; b = b->next)
    for (const Instr& i : b->instrs)
      if ((i.opcode == op::LOAD_CONST || i.opcode == op::KW_NAMES) && i.oparg > max_index) max_index = i.oparg;
  while (static_cast<int>(consts.size()) > max_index + 1) {
    decref(consts.back());
    consts.pop_back();
  }
}

// CPython: guarantee_lineno_for_exits. A return still without a line takes the last one
// seen; 3.11 leaves RERAISE and RAISE_VARARGS in handler cleanups without a location.
void guarantee_lineno_for_exits(ControlFlowGraph& g) {
  int lineno = 1;  // the module's first line
  for (BasicBlock* b = g.entry; b; b = b->next) {
    if (b->instrs.empty()) continue;
    Instr& last = b->instrs.back();
    if (last.loc.lineno < 0 && last.opcode == op::RETURN_VALUE) {
      for (Instr& i : b->instrs) i.loc.lineno = lineno, i.loc.end_lineno = lineno;
    }
    if (last.loc.lineno >= 0) lineno = last.loc.lineno;
  }
}

}  // namespace

bool is_unconditional_jump(int opcode) { return opcode == pseudo::JUMP || opcode == pseudo::JUMP_NO_INTERRUPT; }
bool is_scope_exit(int opcode) {
  return opcode == op::RETURN_VALUE || opcode == op::RAISE_VARARGS || opcode == op::RERAISE;
}
bool is_jump(const Instr& i) { return is_unconditional_jump(i.opcode) || is_conditional_jump_opcode(i.opcode); }
bool is_block_push(const Instr& i) {
  return i.opcode == pseudo::SETUP_FINALLY || i.opcode == pseudo::SETUP_CLEANUP || i.opcode == pseudo::SETUP_WITH;
}

bool optimize_cfg(ControlFlowGraph& g, std::vector<Object*>& consts, ThreadState* ts) {
  for (auto& b : g.blocks) normalize_block(b.get());
  for (auto& b : g.blocks) extend_block(b.get());
  for (BasicBlock* b = g.entry; b; b = b->next) {
    if (!optimize_block(b, consts, ts)) return false;
    clean_block(b);
  }
  for (auto it = g.blocks.rbegin(); it != g.blocks.rend(); ++it) extend_block(it->get());
  mark_reachable(g);
  for (auto& b : g.blocks)
    if (b->predecessors == 0) b->instrs.clear();
  eliminate_empty_blocks(g);
  for (BasicBlock* b = g.entry; b; b = b->next) clean_block(b);
  bool maybe_empty = false;
  for (BasicBlock* b = g.entry; b; b = b->next) {
    if (b->instrs.empty()) continue;
    Instr& last = b->instrs.back();
    if (is_unconditional_jump(last.opcode) && last.target == b->next) {
      b->nofallthrough = false;
      last.opcode = op::NOP;
      maybe_empty = true;
    }
  }
  if (maybe_empty) eliminate_empty_blocks(g);
  duplicate_exits_without_lineno(g);
  trim_unused_consts(g, consts);
  propagate_line_numbers(g);
  guarantee_lineno_for_exits(g);
  // The NOPs left by the passes above go only now, after line numbers have moved.
  for (BasicBlock* b = g.entry; b; b = b->next) clean_block(b);
  return true;
}

}  // namespace terrarium
