// Code generation for statements, following CPython 3.11's compile.c function by function
// (compiler_function, compiler_class, compiler_for, compiler_try_except, compiler_with, ...)
// so the emitted bytecode and exception table match `python3 -m dis`.
#include <algorithm>
#include "compiler/codegen_impl.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"

namespace terrarium {

int add_const_to(std::vector<Object*>& consts, Object* value);

namespace {

bool is_docstring(const std::vector<StmtPtr>& stmts) {
  return !stmts.empty() && stmts[0]->kind == StmtKind::Expr && stmts[0]->value->kind == ExprKind::Constant &&
         is_str(stmts[0]->value->value);
}

// CPython: find_ann. Whether a module or class body has annotated assignments.
bool find_ann(const std::vector<StmtPtr>& stmts) {
  for (const auto& s : stmts) {
    switch (s->kind) {
      case StmtKind::AnnAssign: return true;
      case StmtKind::For: case StmtKind::While: case StmtKind::If:
        if (find_ann(s->body) || find_ann(s->orelse)) return true;
        break;
      case StmtKind::With:
        if (find_ann(s->body)) return true;
        break;
      case StmtKind::Match:
        for (const auto& c : s->cases)
          if (find_ann(c.body)) return true;
        break;
      case StmtKind::Try:
      case StmtKind::TryStar:
        if (find_ann(s->body) || find_ann(s->orelse) || find_ann(s->finalbody)) return true;
        for (const auto& h : s->handlers)
          if (find_ann(h.body)) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

}  // namespace

// CPython: compiler_body. Module and class bodies: annotations, docstring, statements.
void CodeGen::body(std::vector<StmtPtr>& stmts, bool allow_docstring) {
  // Modules put SETUP_ANNOTATIONS on their first statement's line; class bodies keep the
  // class statement's.
  if (!stmts.empty() && u().kind == UnitKind::Module) set_loc(stmts[0]->loc);
  if (find_ann(stmts)) addop(op::SETUP_ANNOTATIONS);
  if (stmts.empty()) return;
  std::size_t first = 0;
  if (allow_docstring && is_docstring(stmts)) {
    first = 1;
    visit_expr(*stmts[0]->value);
    unset_loc();
    nameop("__doc__", ExprContext::Store);
  }
  for (std::size_t i = first; i < stmts.size(); ++i) visit_stmt(*stmts[i]);
}

void CodeGen::visit_stmts(std::vector<StmtPtr>& stmts) {
  for (auto& s : stmts) visit_stmt(*s);
}

void CodeGen::visit_stmt(Stmt& s) {
  set_loc(s.loc);
  switch (s.kind) {
    case StmtKind::Expr:
      if (s.value->kind == ExprKind::Constant) {
        addop(op::NOP);  // a constant statement has no effect
        return;
      }
      visit_expr(*s.value);
      addop_noline(op::POP_TOP);
      return;
    case StmtKind::Assign:
      visit_expr(*s.value);
      for (std::size_t i = 0; i < s.targets.size(); ++i) {
        if (i + 1 < s.targets.size()) addop(op::COPY, 1);
        visit_expr(*s.targets[i]);
      }
      return;
    case StmtKind::AugAssign: return visit_aug_assign(s);
    case StmtKind::AnnAssign: return visit_ann_assign(s);
    case StmtKind::If: return visit_if(s);
    case StmtKind::While: return visit_while(s);
    case StmtKind::For: return s.is_async ? visit_async_for(s) : visit_for(s);
    case StmtKind::Pass: addop(op::NOP); return;
    case StmtKind::Break:
    case StmtKind::Continue: return visit_break_continue(s);
    case StmtKind::FunctionDef: return visit_function_def(s);
    case StmtKind::ClassDef: return visit_class_def(s);
    case StmtKind::Return: return visit_return(s);
    case StmtKind::Delete:
      for (auto& t : s.targets) visit_expr(*t);
      return;
    case StmtKind::Raise: {
      int n = 0;
      if (s.value) {
        visit_expr(*s.value);
        ++n;
        if (s.cause) {
          visit_expr(*s.cause);
          ++n;
        }
      }
      addop(op::RAISE_VARARGS, n);
      return;
    }
    case StmtKind::Try: return visit_try(s);
    case StmtKind::TryStar: return visit_try(s);
    case StmtKind::Match: return visit_match(s);
    case StmtKind::Assert: return visit_assert(s);
    case StmtKind::Global:
    case StmtKind::Nonlocal:
      return;
    case StmtKind::Import: return visit_import(s);
    case StmtKind::ImportFrom: return visit_import_from(s);
    case StmtKind::With: return s.is_async ? visit_async_with(s, 0) : visit_with(s, 0);
  }
}

// ---- functions and classes ---------------------------------------------------------
int CodeGen::default_arguments(Arguments& args) {
  int flags = 0;
  if (!args.defaults.empty()) {
    for (auto& d : args.defaults) visit_expr(*d);
    addop(op::BUILD_TUPLE, static_cast<int>(args.defaults.size()));
    flags |= 0x01;
  }
  std::vector<std::string> keys;
  for (std::size_t i = 0; i < args.kwonlyargs.size(); ++i) {
    if (!args.kw_defaults[i]) continue;
    keys.push_back(mangle(u().ste->private_name, args.kwonlyargs[i].name));
    visit_expr(*args.kw_defaults[i]);
  }
  if (!keys.empty()) {
    Object* t = new_tuple(ts_, static_cast<Py_ssize_t>(keys.size()));
    for (std::size_t i = 0; i < keys.size(); ++i) tuple_set(t, static_cast<Py_ssize_t>(i), new_str(ts_, keys[i]));
    load_const(t);
    addop(op::BUILD_CONST_KEY_MAP, static_cast<int>(keys.size()));
    flags |= 0x02;
  }
  return flags;
}

// CPython 3.11: compiler_visit_annotations. A flat tuple of name, value pairs.
bool CodeGen::visit_annotations(Arguments& args, Expr* returns) {
  int count = 0;
  auto one = [&](Arg& a) {
    if (!a.annotation) return;
    load_const(new_str(ts_, mangle(u().ste->private_name, a.name)));
    visit_expr(*a.annotation);
    count += 2;
  };
  // CPython 3.11's order (compiler_visit_annotations): positional-or-keyword parameters
  // before positional-only ones.
  for (auto& a : args.args) one(a);
  for (auto& a : args.posonlyargs) one(a);
  if (args.vararg) one(*args.vararg);
  for (auto& a : args.kwonlyargs) one(a);
  if (args.kwarg) one(*args.kwarg);
  if (returns) {
    load_const(new_str(ts_, "return"));
    visit_expr(*returns);
    count += 2;
  }
  if (!count) return false;
  addop(op::BUILD_TUPLE, count);
  return true;
}

void CodeGen::apply_decorators(std::vector<ExprPtr>& decorators) {
  for (auto it = decorators.rbegin(); it != decorators.rend(); ++it) {
    set_loc((*it)->loc);
    addop(op::PRECALL, 0);
    addop(op::CALL, 0);
  }
}

void CodeGen::visit_function_def(Stmt& s) {
  for (auto& d : s.decorators) visit_expr(*d);
  int firstlineno = s.decorators.empty() ? s.loc.lineno : s.decorators[0]->loc.lineno;
  int flags = default_arguments(*s.args);
  if (visit_annotations(*s.args, s.annotation.get())) flags |= 0x04;
  enter_scope(UnitKind::Function, s.name, &s, firstlineno);
  CompilerUnit& unit = u();
  unit.argcount = static_cast<int>(s.args->posonlyargs.size() + s.args->args.size());
  unit.posonlyargcount = static_cast<int>(s.args->posonlyargs.size());
  unit.kwonlyargcount = static_cast<int>(s.args->kwonlyargs.size());
  // The first constant is the docstring, or None when there is none.
  bool doc = is_docstring(s.body);
  unit.has_docstring = doc;
  add_const(doc ? newref(s.body[0]->value->value) : newref(py_none()));
  for (std::size_t i = doc ? 1 : 0; i < s.body.size(); ++i) visit_stmt(*s.body[i]);
  CodeObject* code = exit_scope(true);
  set_loc(s.loc);
  make_closure(code, flags, nullptr);
  apply_decorators(s.decorators);
  set_loc(s.loc);
  nameop(s.name, ExprContext::Store);
}

void CodeGen::visit_class_def(Stmt& s) {
  for (auto& d : s.decorators) visit_expr(*d);
  int firstlineno = s.decorators.empty() ? s.loc.lineno : s.decorators[0]->loc.lineno;
  enter_scope(UnitKind::Class, s.name, &s, firstlineno);
  set_loc(NodeLocation{firstlineno, s.loc.col_offset, s.loc.end_lineno, s.loc.end_col_offset});
  nameop("__name__", ExprContext::Load);
  nameop("__module__", ExprContext::Store);
  load_const(new_str(ts_, u().qualname));
  nameop("__qualname__", ExprContext::Store);
  body(s.body, true);
  unset_loc();
  if (u().ste->needs_class_closure) {
    auto& cells = u().cellvars;
    int idx = static_cast<int>(std::find(cells.begin(), cells.end(), "__class__") - cells.begin());
    addop(op::LOAD_CLOSURE, idx);
    addop(op::COPY, 1);
    nameop("__classcell__", ExprContext::Store);
  } else {
    load_const(newref(py_none()));
  }
  addop(op::RETURN_VALUE);
  CodeObject* code = exit_scope(false);
  set_loc(s.loc);
  addop(op::PUSH_NULL);
  addop(op::LOAD_BUILD_CLASS);
  make_closure(code, 0, nullptr);
  load_const(new_str(ts_, s.name));
  call_helper(2, s.bases, s.keywords);
  apply_decorators(s.decorators);
  set_loc(s.loc);
  nameop(s.name, ExprContext::Store);
}

// ---- control flow ----------------------------------------------------------------------
void CodeGen::visit_if(Stmt& s) {
  BasicBlock* end = new_block();
  BasicBlock* next = s.orelse.empty() ? end : new_block();
  jump_if(*s.value, next, false);
  visit_stmts(s.body);
  if (!s.orelse.empty()) {
    addop_noline(pseudo::JUMP, 0, end);
    use_next_block(next);
    visit_stmts(s.orelse);
  }
  use_next_block(end);
}

// 3.11 tests the condition at the top and again at the bottom of the loop.
void CodeGen::visit_while(Stmt& s) {
  BasicBlock* loop = new_block();
  BasicBlock* body_block = new_block();
  BasicBlock* anchor = new_block();
  BasicBlock* end = new_block();
  use_next_block(loop);
  u().fblocks.push_back(FBlock{FBlockKind::WhileLoop, loop, end});
  jump_if(*s.value, anchor, false);
  use_next_block(body_block);
  visit_stmts(s.body);
  set_loc(s.loc);
  jump_if(*s.value, body_block, true);
  u().fblocks.pop_back();
  use_next_block(anchor);
  visit_stmts(s.orelse);
  use_next_block(end);
}

void CodeGen::visit_for(Stmt& s) {
  BasicBlock* start = new_block();
  BasicBlock* body_block = new_block();
  BasicBlock* cleanup = new_block();
  BasicBlock* end = new_block();
  u().fblocks.push_back(FBlock{FBlockKind::ForLoop, start, end});
  visit_expr(*s.value);
  addop(op::GET_ITER);
  use_next_block(start);
  addop(op::FOR_ITER, 0, cleanup);
  use_next_block(body_block);
  visit_expr(*s.targets[0]);
  visit_stmts(s.body);
  addop_noline(pseudo::JUMP, 0, start);
  use_next_block(cleanup);
  u().fblocks.pop_back();
  visit_stmts(s.orelse);
  use_next_block(end);
}

// CPython: compiler_unwind_fblock.
void CodeGen::unwind_fblock(const FBlock& f, bool preserve_tos) {
  switch (f.kind) {
    case FBlockKind::WhileLoop:
    case FBlockKind::ExceptionHandler:
    case FBlockKind::ExceptionGroupHandler:
      return;
    case FBlockKind::ForLoop:
      if (preserve_tos) addop(op::SWAP, 2);
      addop(op::POP_TOP);  // the iterator
      return;
    case FBlockKind::TryExcept:
      addop(pseudo::POP_BLOCK);
      return;
    case FBlockKind::FinallyTry: {
      addop(pseudo::POP_BLOCK);  // keeps the unwinding statement's line
      if (preserve_tos) u().fblocks.push_back(FBlock{FBlockKind::PopValue, nullptr, nullptr});
      visit_stmts(*const_cast<std::vector<StmtPtr>*>(f.finally_body));
      if (preserve_tos) u().fblocks.pop_back();
      unset_loc();  // the finally body runs "after" the statement that unwinds
      return;
    }
    case FBlockKind::FinallyEnd:
      if (preserve_tos) addop(op::SWAP, 2);
      addop(op::POP_TOP);  // exc_value
      if (preserve_tos) addop(op::SWAP, 2);
      addop(pseudo::POP_BLOCK);
      addop(op::POP_EXCEPT);
      return;
    case FBlockKind::With:
    case FBlockKind::AsyncWith:
      set_loc(f.with_stmt->loc);
      addop(pseudo::POP_BLOCK);
      if (preserve_tos) addop(op::SWAP, 2);
      call_exit_with_nones();
      if (f.kind == FBlockKind::AsyncWith) {
        addop(op::GET_AWAITABLE, 2);
        load_const(newref(py_none()));
        add_yield_from(true);
      }
      addop(op::POP_TOP);
      unset_loc();
      return;
    case FBlockKind::HandlerCleanup:
      if (!f.name.empty()) addop(pseudo::POP_BLOCK);
      if (preserve_tos) addop(op::SWAP, 2);
      addop(pseudo::POP_BLOCK);
      addop(op::POP_EXCEPT);
      if (!f.name.empty()) forget_handler_name(f.name);
      return;
    case FBlockKind::PopValue:
      if (preserve_tos) addop(op::SWAP, 2);
      addop(op::POP_TOP);
      return;
  }
}

// CPython: compiler_unwind_fblock_stack. Unwinds up to the innermost loop (when asked).
bool CodeGen::unwind_fblock_stack(bool preserve_tos, FBlock* loop_out) {
  auto& stack = u().fblocks;
  if (stack.empty()) return false;
  FBlock top = stack.back();
  if (top.kind == FBlockKind::ExceptionGroupHandler)
    fail_here("'break', 'continue' and 'return' cannot appear in an except* block");
  if (loop_out && (top.kind == FBlockKind::WhileLoop || top.kind == FBlockKind::ForLoop)) {
    *loop_out = top;
    return true;
  }
  stack.pop_back();
  unwind_fblock(top, preserve_tos);
  bool found = unwind_fblock_stack(preserve_tos, loop_out);
  u().fblocks.push_back(top);
  return found;
}

void CodeGen::visit_return(Stmt& s) {
  if (!is_function_block() || u().kind == UnitKind::Comprehension) fail("'return' outside function", s.loc);
  bool preserve_tos = s.value && s.value->kind != ExprKind::Constant;
  if (preserve_tos) {
    visit_expr(*s.value);
  } else if (s.value) {
    set_loc(s.value->loc);
    addop(op::NOP);
  }
  if (!s.value || s.value->loc.lineno != s.loc.lineno) {
    set_loc(s.loc);
    addop(op::NOP);
  }
  unwind_fblock_stack(preserve_tos, nullptr);
  if (!s.value) load_const(newref(py_none()));
  else if (!preserve_tos) load_const(newref(s.value->value));
  addop(op::RETURN_VALUE);
}

void CodeGen::visit_break_continue(Stmt& s) {
  bool is_break = s.kind == StmtKind::Break;
  addop(op::NOP);  // keeps the statement's line even when the jump is threaded
  FBlock loop{};
  if (!unwind_fblock_stack(false, &loop))
    fail(is_break ? "'break' outside loop" : "'continue' not properly in loop", s.loc);
  if (is_break) {
    unwind_fblock(loop, false);
    addop(pseudo::JUMP, 0, loop.exit);
  } else {
    addop(pseudo::JUMP, 0, loop.block);
  }
}

// ---- exceptions ------------------------------------------------------------------------
void CodeGen::pop_except_and_reraise() {
  addop(op::COPY, 3);
  addop(op::POP_EXCEPT);
  addop(op::RERAISE, 1);
}

// `except E as name` ends with name = None; del name (the exception must not outlive
// the handler through a reference cycle with its traceback).
void CodeGen::forget_handler_name(const std::string& name) {
  load_const(newref(py_none()));
  nameop(name, ExprContext::Store);
  nameop(name, ExprContext::Del);
}

// try/except and try/except* (PEP 654); with a finally block, the except part nests
// inside the try/finally.
void CodeGen::visit_try(Stmt& s) {
  if (!s.finalbody.empty()) visit_try_finally(s);
  else if (s.kind == StmtKind::TryStar) visit_try_star_except(s);
  else visit_try_except(s);
}

void CodeGen::visit_try_finally(Stmt& s) {
  BasicBlock* body_block = new_block();
  BasicBlock* end = new_block();
  BasicBlock* exit = new_block();
  BasicBlock* cleanup = new_block();
  addop(pseudo::SETUP_FINALLY, 0, end);
  use_next_block(body_block);
  FBlock f{FBlockKind::FinallyTry, body_block, end};
  f.finally_body = &s.finalbody;
  u().fblocks.push_back(f);
  if (!s.handlers.empty()) {
    if (s.kind == StmtKind::TryStar) visit_try_star_except(s);
    else visit_try_except(s);
  }
  else visit_stmts(s.body);
  addop_noline(pseudo::POP_BLOCK);
  u().fblocks.pop_back();
  visit_stmts(s.finalbody);
  addop_noline(pseudo::JUMP, 0, exit);
  use_next_block(end);
  unset_loc();
  addop(pseudo::SETUP_CLEANUP, 0, cleanup);
  addop(op::PUSH_EXC_INFO);
  u().fblocks.push_back(FBlock{FBlockKind::FinallyEnd, end, nullptr});
  visit_stmts(s.finalbody);
  u().fblocks.pop_back();
  addop(op::RERAISE, 0);
  use_next_block(cleanup);
  pop_except_and_reraise();
  use_next_block(exit);
}

void CodeGen::visit_try_except(Stmt& s) {
  BasicBlock* body_block = new_block();
  BasicBlock* except = new_block();
  BasicBlock* end = new_block();
  BasicBlock* cleanup = new_block();
  set_loc(s.loc);
  addop(pseudo::SETUP_FINALLY, 0, except);
  use_next_block(body_block);
  u().fblocks.push_back(FBlock{FBlockKind::TryExcept, body_block, nullptr});
  visit_stmts(s.body);
  u().fblocks.pop_back();
  addop_noline(pseudo::POP_BLOCK);
  visit_stmts(s.orelse);
  addop_noline(pseudo::JUMP, 0, end);
  use_next_block(except);
  unset_loc();
  addop(pseudo::SETUP_CLEANUP, 0, cleanup);
  addop(op::PUSH_EXC_INFO);
  u().fblocks.push_back(FBlock{FBlockKind::ExceptionHandler, nullptr, nullptr});
  for (std::size_t i = 0; i < s.handlers.size(); ++i) {
    ExceptHandler& h = s.handlers[i];
    set_loc(h.loc);
    if (!h.type && i + 1 < s.handlers.size()) fail("default 'except:' must be last", h.loc);
    except = new_block();
    if (h.type) {
      visit_expr(*h.type);
      addop(op::CHECK_EXC_MATCH);
      addop(pseudo::POP_JUMP_IF_FALSE, 0, except);
    }
    if (!h.name.empty()) {
      BasicBlock* cleanup_end = new_block();
      BasicBlock* cleanup_body = new_block();
      nameop(h.name, ExprContext::Store);
      addop(pseudo::SETUP_CLEANUP, 0, cleanup_end);
      use_next_block(cleanup_body);
      FBlock f{FBlockKind::HandlerCleanup, cleanup_body, nullptr};
      f.name = h.name;
      u().fblocks.push_back(f);
      visit_stmts(h.body);
      u().fblocks.pop_back();
      unset_loc();
      addop(pseudo::POP_BLOCK);
      addop(pseudo::POP_BLOCK);
      addop(op::POP_EXCEPT);
      forget_handler_name(h.name);
      addop(pseudo::JUMP, 0, end);
      use_next_block(cleanup_end);
      unset_loc();
      forget_handler_name(h.name);
      addop(op::RERAISE, 1);
    } else {
      BasicBlock* cleanup_body = new_block();
      addop(op::POP_TOP);  // exc_value
      use_next_block(cleanup_body);
      u().fblocks.push_back(FBlock{FBlockKind::HandlerCleanup, cleanup_body, nullptr});
      visit_stmts(h.body);
      u().fblocks.pop_back();
      unset_loc();
      addop(pseudo::POP_BLOCK);
      addop(op::POP_EXCEPT);
      addop(pseudo::JUMP, 0, end);
    }
    use_next_block(except);
  }
  unset_loc();
  u().fblocks.pop_back();
  addop(op::RERAISE, 0);
  use_next_block(cleanup);
  pop_except_and_reraise();
  use_next_block(end);
}

void CodeGen::call_exit_with_nones() {
  load_const(newref(py_none()));
  load_const(newref(py_none()));
  load_const(newref(py_none()));
  addop(op::PRECALL, 2);
  addop(op::CALL, 2);
}

void CodeGen::with_except_finish(BasicBlock* cleanup) {
  BasicBlock* exit = new_block();
  addop(pseudo::POP_JUMP_IF_TRUE, 0, exit);
  addop(op::RERAISE, 2);
  use_next_block(cleanup);
  pop_except_and_reraise();
  use_next_block(exit);
  addop(op::POP_TOP);  // exc_value
  addop(pseudo::POP_BLOCK);
  addop(op::POP_EXCEPT);
  addop(op::POP_TOP);
  addop(op::POP_TOP);
}

// CPython: compiler_with. Nested items compile as nested with blocks.
void CodeGen::visit_with(Stmt& s, std::size_t pos) {
  BasicBlock* block = new_block();
  BasicBlock* final = new_block();
  BasicBlock* exit = new_block();
  BasicBlock* cleanup = new_block();
  WithItem& item = s.items[pos];
  visit_expr(*item.context_expr);
  addop(op::BEFORE_WITH);
  addop(pseudo::SETUP_WITH, 0, final);
  use_next_block(block);
  FBlock f{FBlockKind::With, block, final};
  f.with_stmt = &s;
  u().fblocks.push_back(f);
  if (item.optional_vars) visit_expr(*item.optional_vars);
  else addop(op::POP_TOP);  // the result of __enter__()
  if (pos + 1 == s.items.size()) visit_stmts(s.body);
  else visit_with(s, pos + 1);
  unset_loc();
  addop(pseudo::POP_BLOCK);
  u().fblocks.pop_back();
  set_loc(s.loc);
  call_exit_with_nones();
  addop(op::POP_TOP);
  addop(pseudo::JUMP, 0, exit);
  use_next_block(final);
  addop(pseudo::SETUP_CLEANUP, 0, cleanup);
  addop(op::PUSH_EXC_INFO);
  addop(op::WITH_EXCEPT_START);
  with_except_finish(cleanup);
  use_next_block(exit);
}

void CodeGen::visit_async_with(Stmt& s, std::size_t pos) {
  if (!u().ste->is_coroutine) fail("'async with' outside async function", s.loc);
  BasicBlock* block = new_block();
  BasicBlock* final = new_block();
  BasicBlock* exit = new_block();
  BasicBlock* cleanup = new_block();
  WithItem& item = s.items[pos];
  visit_expr(*item.context_expr);
  addop(op::BEFORE_ASYNC_WITH);
  addop(op::GET_AWAITABLE, 1);
  load_const(newref(py_none()));
  add_yield_from(true);
  addop(pseudo::SETUP_WITH, 0, final);
  use_next_block(block);
  FBlock f{FBlockKind::AsyncWith, block, final};
  f.with_stmt = &s;
  u().fblocks.push_back(f);
  if (item.optional_vars) visit_expr(*item.optional_vars);
  else addop(op::POP_TOP);
  if (pos + 1 == s.items.size()) visit_stmts(s.body);
  else visit_async_with(s, pos + 1);
  u().fblocks.pop_back();
  addop(pseudo::POP_BLOCK);
  set_loc(s.loc);
  call_exit_with_nones();
  addop(op::GET_AWAITABLE, 2);
  load_const(newref(py_none()));
  add_yield_from(true);
  addop(op::POP_TOP);
  addop(pseudo::JUMP, 0, exit);
  use_next_block(final);
  addop(pseudo::SETUP_CLEANUP, 0, cleanup);
  addop(op::PUSH_EXC_INFO);
  addop(op::WITH_EXCEPT_START);
  addop(op::GET_AWAITABLE, 2);
  load_const(newref(py_none()));
  add_yield_from(true);
  with_except_finish(cleanup);
  use_next_block(exit);
}

// CPython: compiler_async_for.
void CodeGen::visit_async_for(Stmt& s) {
  if (!u().ste->is_coroutine) fail("'async for' outside async function", s.loc);
  BasicBlock* start = new_block();
  BasicBlock* except = new_block();
  BasicBlock* end = new_block();
  visit_expr(*s.value);
  addop(op::GET_AITER);
  use_next_block(start);
  u().fblocks.push_back(FBlock{FBlockKind::ForLoop, start, end});
  addop(pseudo::SETUP_FINALLY, 0, except);
  addop(op::GET_ANEXT);
  load_const(newref(py_none()));
  add_yield_from(true);
  addop(pseudo::POP_BLOCK);
  visit_expr(*s.targets[0]);
  visit_stmts(s.body);
  addop_noline(pseudo::JUMP, 0, start);
  u().fblocks.pop_back();
  use_next_block(except);
  set_loc(s.value->loc);
  addop(op::END_ASYNC_FOR);
  visit_stmts(s.orelse);
  use_next_block(end);
}

void CodeGen::visit_assert(Stmt& s) {
  BasicBlock* end = new_block();
  jump_if(*s.value, end, true);
  addop(op::LOAD_ASSERTION_ERROR);
  if (s.cause) {
    visit_expr(*s.cause);
    addop(op::PRECALL, 0);
    addop(op::CALL, 0);
  }
  addop(op::RAISE_VARARGS, 1);
  use_next_block(end);
}

void CodeGen::visit_import(Stmt& s) {
  for (Alias& a : s.aliases) {
    set_loc(a.loc);
    load_const(new_int(ts_, 0));
    load_const(newref(py_none()));
    addop_name(op::IMPORT_NAME, a.name);
    if (!a.asname.empty()) {
      // import a.b.c as d: walk the attributes, then bind the innermost module.
      std::size_t dot = a.name.find('.');
      if (dot != std::string::npos) {
        std::size_t pos = dot + 1;
        for (;;) {
          std::size_t next = a.name.find('.', pos);
          addop_name(op::IMPORT_FROM, a.name.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
          if (next == std::string::npos) break;
          addop(op::SWAP, 2);
          addop(op::POP_TOP);
          pos = next + 1;
        }
        // CPython: compiler_import_as stores the innermost module, then drops the top one.
        nameop(a.asname, ExprContext::Store);
        addop(op::POP_TOP);
        continue;
      }
      nameop(a.asname, ExprContext::Store);
    } else {
      nameop(a.name.substr(0, a.name.find('.')), ExprContext::Store);
    }
  }
}

void CodeGen::visit_import_from(Stmt& s) {
  load_const(new_int(ts_, s.level));
  Object* names = new_tuple(ts_, static_cast<Py_ssize_t>(s.aliases.size()));
  for (std::size_t i = 0; i < s.aliases.size(); ++i)
    tuple_set(names, static_cast<Py_ssize_t>(i), new_str(ts_, s.aliases[i].name));
  load_const(names);
  addop_name(op::IMPORT_NAME, s.name);
  for (Alias& a : s.aliases) {
    if (a.name == "*") {
      addop(op::IMPORT_STAR);
      return;
    }
    addop_name(op::IMPORT_FROM, a.name);
    nameop(a.asname.empty() ? a.name : a.asname, ExprContext::Store);
  }
  addop(op::POP_TOP);
}

void CodeGen::visit_aug_assign(Stmt& s) {
  Expr& target = *s.targets[0];
  Location stmt_loc = u().loc;
  set_loc(target.loc);
  switch (target.kind) {
    case ExprKind::Attribute: {
      visit_expr(*target.left);
      addop(op::COPY, 1);
      Location l = location_of(target.loc);
      l.lineno = target.loc.end_lineno;
      u().loc = l;
      addop_name(op::LOAD_ATTR, target.id);
      break;
    }
    case ExprKind::Subscript:
      visit_expr(*target.left);
      visit_expr(*target.right);
      addop(op::COPY, 2);
      addop(op::COPY, 2);
      addop(op::BINARY_SUBSCR);
      break;
    case ExprKind::Name:
      nameop(target.id, ExprContext::Load);
      break;
    default:
      fail("invalid augmented assignment target", target.loc);
  }
  u().loc = stmt_loc;
  visit_expr(*s.value);
  addop(op::BINARY_OP, static_cast<int>(s.augop));
  set_loc(target.loc);
  switch (target.kind) {
    case ExprKind::Attribute: {
      Location l = location_of(target.loc);
      l.lineno = target.loc.end_lineno;
      u().loc = l;
      addop(op::SWAP, 2);
      addop_name(op::STORE_ATTR, target.id);
      break;
    }
    case ExprKind::Subscript:
      addop(op::SWAP, 3);
      addop(op::SWAP, 2);
      addop(op::STORE_SUBSCR);
      break;
    default:
      nameop(target.id, ExprContext::Store);
  }
}

void CodeGen::visit_ann_assign(Stmt& s) {
  Expr& target = *s.targets[0];
  if (s.value) {
    visit_expr(*s.value);
    visit_expr(target);
  }
  if (target.kind == ExprKind::Name) {
    // Module and class level: evaluate the annotation into __annotations__.
    if (s.simple && (u().kind == UnitKind::Module || u().kind == UnitKind::Class)) {
      visit_expr(*s.annotation);
      nameop("__annotations__", ExprContext::Load);
      load_const(new_str(ts_, mangle(u().ste->private_name, target.id)));
      addop(op::STORE_SUBSCR);
    }
  } else if (!s.value && (u().kind == UnitKind::Module || u().kind == UnitKind::Class)) {
    // CPython: check_ann_expr — the target's parts are still evaluated.
    visit_expr(*target.left);
    addop(op::POP_TOP);
    if (target.kind == ExprKind::Subscript) {
      visit_expr(*target.right);
      addop(op::POP_TOP);
    }
  }
}

}  // namespace terrarium
