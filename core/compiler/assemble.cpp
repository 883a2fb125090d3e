// Assembly: jump direction, EXTENDED_ARG, inline caches, offsets and stack depth.
// CPython: Python/compile.c normalize_jumps(), assemble_jump_offsets(), stackdepth().
#include "compiler/assemble.hpp"

#include <algorithm>
#include "bytecode/stack_effect.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"

namespace terrarium {

namespace {

// Names and identifier-like constants (also inside constant tuples) become the interned
// objects, so attribute and global lookups hit on identity. CPython: intern_strings and
// intern_string_constants in Objects/codeobject.c.
void intern_constants_in(ThreadState* ts, Object*& value) {
  if (is_exact_str(value)) {
    value = intern_constant_str(ts, value);
  } else if (value->ob_type == &tuple_type) {
    auto* t = static_cast<TupleObject*>(value);
    for (Py_ssize_t i = 0; i < t->size; ++i) intern_constants_in(ts, t->items[i]);
  }
}

void intern_code_strings(ThreadState* ts, CodeObject* code) {
  for (Object*& name : code->co_names) name = intern_source_str(ts, name);
  for (Object*& value : code->co_consts) intern_constants_in(ts, value);
}

int real_jump_opcode(int opcode, bool forward) {
  switch (opcode) {
    case pseudo::JUMP: return forward ? op::JUMP_FORWARD : op::JUMP_BACKWARD;
    case pseudo::JUMP_NO_INTERRUPT: return forward ? op::JUMP_FORWARD : op::JUMP_BACKWARD_NO_INTERRUPT;
    case pseudo::POP_JUMP_IF_FALSE: return forward ? op::POP_JUMP_FORWARD_IF_FALSE : op::POP_JUMP_BACKWARD_IF_FALSE;
    case pseudo::POP_JUMP_IF_TRUE: return forward ? op::POP_JUMP_FORWARD_IF_TRUE : op::POP_JUMP_BACKWARD_IF_TRUE;
    case pseudo::POP_JUMP_IF_NONE: return forward ? op::POP_JUMP_FORWARD_IF_NONE : op::POP_JUMP_BACKWARD_IF_NONE;
    case pseudo::POP_JUMP_IF_NOT_NONE:
      return forward ? op::POP_JUMP_FORWARD_IF_NOT_NONE : op::POP_JUMP_BACKWARD_IF_NOT_NONE;
    default: return opcode;  // already a real (forward-only) jump
  }
}

void normalize_jumps(ControlFlowGraph& g) {
  for (BasicBlock* b = g.entry; b; b = b->next) b->visited = false;
  for (BasicBlock* b = g.entry; b; b = b->next) {
    b->visited = true;
    if (b->instrs.empty()) continue;
    Instr& last = b->instrs.back();
    if (is_jump(last)) last.opcode = real_jump_opcode(last.opcode, !last.target->visited);
  }
}

int extended_args(int oparg) { return (oparg > 0xFFFFFF) + (oparg > 0xFFFF) + (oparg > 0xFF); }
int instr_size(const Instr& i) { return 1 + extended_args(i.oparg) + cache_entries(i.opcode); }

// Computes offsets and jump arguments until sizes stop changing (an argument growing past
// 255 adds an EXTENDED_ARG, which moves every later instruction).
void resolve_jumps(ControlFlowGraph& g) {
  for (bool changed = true; changed;) {
    int offset = 0;
    for (BasicBlock* b = g.entry; b; b = b->next) {
      b->offset = offset;
      for (const Instr& i : b->instrs) offset += instr_size(i);
    }
    changed = false;
    for (BasicBlock* b = g.entry; b; b = b->next) {
      int pos = b->offset;
      for (Instr& i : b->instrs) {
        int size = instr_size(i);
        // After normalize_jumps every jump is a real relative jump (a NOP may keep a stale target).
        if (i.target && (kOpcodeInfo[i.opcode].flags & (opflag::JUMP_FORWARD_REL | opflag::JUMP_BACKWARD_REL))) {
          int after = pos + size;
          bool backward = kOpcodeInfo[i.opcode].flags & opflag::JUMP_BACKWARD_REL;
          int arg = backward ? after - i.target->offset : i.target->offset - after;
          if (arg != i.oparg) {
            i.oparg = arg;
            if (instr_size(i) != size) changed = true;
          }
        }
        pos += size;
      }
    }
  }
}

int compute_stack_depth(ControlFlowGraph& g) {
  for (BasicBlock* b = g.entry; b; b = b->next) b->start_depth = -1;
  int max_depth = 0;
  std::vector<BasicBlock*> work;
  auto push = [&](BasicBlock* b, int depth) {
    if (b->start_depth < depth) {
      b->start_depth = depth;
      work.push_back(b);
    }
  };
  push(g.entry, 0);
  while (!work.empty()) {
    BasicBlock* b = work.back();
    work.pop_back();
    int depth = b->start_depth;
    bool falls_through = true;
    for (const Instr& i : b->instrs) {
      if (has_target(i)) {  // jumps and SETUP_* (whose target is the handler)
        int target_depth = depth + stack_effect(i.opcode, i.oparg, true);
        max_depth = std::max(max_depth, target_depth);
        push(i.target, target_depth);
      }
      depth += stack_effect(i.opcode, i.oparg, false);
      max_depth = std::max(max_depth, depth);
      if (is_scope_exit(i.opcode) || is_unconditional_jump(i.opcode)) falls_through = false;
    }
    if (falls_through && b->next) push(b->next, depth);
  }
  return max_depth;
}

}  // namespace

int stack_effect(int opcode, int oparg, bool jump) {
  switch (opcode) {
    case pseudo::SETUP_FINALLY: case pseudo::SETUP_WITH: return jump ? 1 : 0;
    case pseudo::SETUP_CLEANUP: return jump ? 2 : 0;
    case pseudo::POP_BLOCK: case pseudo::JUMP: case pseudo::JUMP_NO_INTERRUPT: return 0;
    case pseudo::POP_JUMP_IF_FALSE: case pseudo::POP_JUMP_IF_TRUE:
    case pseudo::POP_JUMP_IF_NONE: case pseudo::POP_JUMP_IF_NOT_NONE:
      return -1;
    // The value sent into a just-started generator lands on the stack and the POP_TOP
    // after RETURN_GENERATOR removes it: count it so co_stacksize covers it.
    case op::RETURN_GENERATOR: return 1;
    default:
      return opcode_stack_effect(opcode, oparg, jump).value_or(0);
  }
}

CodeObject* assemble(ThreadState* ts, AssembleInput& in) {
  ControlFlowGraph& g = in.graph;
  int stacksize = compute_stack_depth(g);
  label_exception_targets(g);
  for (BasicBlock* b = g.entry; b; b = b->next) clean_block(b);
  normalize_jumps(g);
  resolve_jumps(g);
  CodeObject* code = new_code(ts);
  // The exception table: runs of instructions covered by the same handler.
  // CPython: assemble_exception_table().
  BasicBlock* handler = nullptr;
  int run_start = 0;
  int unit = 0;
  auto emit_entry = [&](int end) {
    int depth = handler->start_depth - 1 - (handler->preserve_lasti ? 1 : 0);
    code->co_exceptiontable.push_back(ExceptionTableEntry{run_start, end, handler->offset, depth, handler->preserve_lasti});
  };
  for (BasicBlock* b = g.entry; b; b = b->next) {
    for (const Instr& i : b->instrs) {
      if (i.except != handler) {
        if (handler) emit_entry(unit);
        run_start = unit;
        handler = i.except;
      }
      unit += instr_size(i);
    }
  }
  if (handler) emit_entry(unit);
  for (BasicBlock* b = g.entry; b; b = b->next) {
    for (const Instr& i : b->instrs) {
      int ext = extended_args(i.oparg);
      for (int shift = 8 * ext; shift > 0; shift -= 8) {
        code->co_code.push_back(CodeUnit{op::EXTENDED_ARG, static_cast<std::uint8_t>((i.oparg >> shift) & 0xFF)});
        code->co_positions.push_back(i.loc);
      }
      code->co_code.push_back(CodeUnit{static_cast<std::uint8_t>(i.opcode), static_cast<std::uint8_t>(i.oparg & 0xFF)});
      code->co_positions.push_back(i.loc);
      for (int c = 0; c < cache_entries(i.opcode); ++c) {
        code->co_code.push_back(CodeUnit{op::CACHE, 0});
        code->co_positions.push_back(i.loc);
      }
    }
  }
  code->co_consts = std::move(in.consts);
  code->co_names = std::move(in.names);
  code->co_filename = in.filename;
  code->co_name = in.name;
  code->co_qualname = in.qualname;
  code->co_firstlineno = in.firstlineno;
  code->co_stacksize = stacksize;
  code->co_flags = in.flags;
  code->co_argcount = in.argcount;
  code->co_posonlyargcount = in.posonlyargcount;
  code->co_kwonlyargcount = in.kwonlyargcount;
  intern_code_strings(ts, code);
  return code;
}

}  // namespace terrarium
