// try/except* (PEP 654), compiled as CPython 3.11's compiler_try_star_except. The stack
// in the handlers holds [orig, results, rest]: the original exception group, a list of
// what the except* bodies raised, and the part of the group not matched yet. Each
// handler splits `rest` with CHECK_EG_MATCH; at the end PREP_RERAISE_STAR merges the
// unmatched rest and the raised exceptions into what (if anything) propagates.
#include "compiler/codegen_impl.hpp"

#include "bytecode/opcodes.hpp"
#include "objects/singletons.hpp"

namespace terrarium {

void CodeGen::visit_try_star_except(Stmt& s) {
  BasicBlock* body_block = new_block();
  BasicBlock* except = new_block();
  BasicBlock* orelse = new_block();
  BasicBlock* end = new_block();
  BasicBlock* cleanup = new_block();
  BasicBlock* reraise_star = new_block();
  addop(pseudo::SETUP_FINALLY, 0, except);
  use_next_block(body_block);
  u().fblocks.push_back(FBlock{FBlockKind::TryExcept, body_block, nullptr});
  visit_stmts(s.body);
  u().fblocks.pop_back();
  addop_noline(pseudo::POP_BLOCK);
  addop_noline(pseudo::JUMP, 0, orelse);
  use_next_block(except);
  unset_loc();
  addop(pseudo::SETUP_CLEANUP, 0, cleanup);
  addop(op::PUSH_EXC_INFO);
  u().fblocks.push_back(FBlock{FBlockKind::ExceptionGroupHandler, nullptr, nullptr});
  for (std::size_t i = 0; i < s.handlers.size(); ++i) {
    ExceptHandler& h = s.handlers[i];
    set_loc(h.loc);
    except = new_block();
    BasicBlock* except_with_error = new_block();
    BasicBlock* no_match = new_block();
    if (i == 0) {
      addop(op::COPY, 1);  // keep the original group: [orig, exc]
      addop(op::BUILD_LIST, 0);
      addop(op::SWAP, 2);  // [orig, results, exc]
    }
    if (h.type) {
      visit_expr(*h.type);
      addop(op::CHECK_EG_MATCH);  // [orig, results, rest, match or None]
      addop(op::COPY, 1);
      addop(pseudo::POP_JUMP_IF_NONE, 0, no_match);
    }
    BasicBlock* cleanup_end = new_block();
    BasicBlock* cleanup_body = new_block();
    if (!h.name.empty()) nameop(h.name, ExprContext::Store);
    else addop(op::POP_TOP);  // the match
    addop(pseudo::SETUP_CLEANUP, 0, cleanup_end);
    use_next_block(cleanup_body);
    FBlock f{FBlockKind::HandlerCleanup, cleanup_body, nullptr};
    f.name = h.name;
    u().fblocks.push_back(f);
    visit_stmts(h.body);
    u().fblocks.pop_back();
    unset_loc();
    addop(pseudo::POP_BLOCK);
    if (!h.name.empty()) {
      forget_handler_name(h.name);
    }
    addop(pseudo::JUMP, 0, except);
    // The except* body raised: collect the exception for PREP_RERAISE_STAR.
    use_next_block(cleanup_end);
    unset_loc();
    if (!h.name.empty()) {
      forget_handler_name(h.name);
    }
    addop(op::LIST_APPEND, 3);
    addop(op::POP_TOP);  // lasti
    addop(pseudo::JUMP, 0, except_with_error);
    use_next_block(except);
    addop(op::NOP);  // holds the location propagated to the jump
    addop(pseudo::JUMP, 0, except_with_error);
    use_next_block(no_match);
    addop(op::POP_TOP);  // the match, None
    use_next_block(except_with_error);
    if (i + 1 == s.handlers.size()) {
      addop(op::LIST_APPEND, 1);  // the unmatched rest, or None
      addop(pseudo::JUMP, 0, reraise_star);
    }
  }
  unset_loc();
  u().fblocks.pop_back();
  BasicBlock* reraise = new_block();
  use_next_block(reraise_star);
  addop(op::PREP_RERAISE_STAR);
  addop(op::COPY, 1);
  addop(pseudo::POP_JUMP_IF_NOT_NONE, 0, reraise);
  addop(op::POP_TOP);  // nothing to re-raise
  addop(pseudo::POP_BLOCK);
  addop(op::POP_EXCEPT);
  addop(pseudo::JUMP, 0, end);
  use_next_block(reraise);
  addop(pseudo::POP_BLOCK);
  addop(op::SWAP, 2);
  addop(op::POP_EXCEPT);
  addop(op::RERAISE, 0);
  use_next_block(cleanup);
  pop_except_and_reraise();
  use_next_block(orelse);
  visit_stmts(s.orelse);
  use_next_block(end);
}

}  // namespace terrarium
