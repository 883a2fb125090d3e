// Code generation for expressions, following CPython 3.11's compile.c (compiler_visit_expr1,
// compiler_jump_if, compiler_call, starunpack_helper, compiler_comprehension, ...).
#include <algorithm>
#include "compiler/codegen_impl.hpp"
#include "objects/set.hpp"
#include "objects/singletons.hpp"
#include "vm/thread_state.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"

namespace terrarium {

namespace {
constexpr std::size_t kStackUseGuideline = 30;  // CPython: STACK_USE_GUIDELINE

bool all_constant(const std::vector<ExprPtr>& elts, std::size_t begin, std::size_t end) {
  for (std::size_t i = begin; i < end; ++i)
    if (!elts[i] || elts[i]->kind != ExprKind::Constant) return false;
  return true;
}
}  // namespace

void CodeGen::visit_expr(Expr& e) {
  Location saved = u().loc;
  set_loc(e.loc);
  visit_expr_inner(e);
  u().loc = saved;
}

void CodeGen::store_target(Expr& target) { visit_expr(target); }

void CodeGen::visit_expr_inner(Expr& e) {
  switch (e.kind) {
    case ExprKind::Constant:
      load_const(newref(e.value));
      return;
    case ExprKind::Name:
      nameop(e.id, e.ctx);
      return;
    case ExprKind::BinOp:
      visit_expr(*e.left);
      visit_expr(*e.right);
      addop(op::BINARY_OP, static_cast<int>(e.binop));
      return;
    case ExprKind::UnaryOp: {
      visit_expr(*e.left);
      static const int kOps[] = {op::UNARY_INVERT, op::UNARY_NOT, op::UNARY_POSITIVE, op::UNARY_NEGATIVE};
      addop(kOps[static_cast<int>(e.unaryop)]);
      return;
    }
    case ExprKind::BoolOp: {
      int jump = e.boolop == BoolOpKind::And ? op::JUMP_IF_FALSE_OR_POP : op::JUMP_IF_TRUE_OR_POP;
      BasicBlock* end = new_block();
      for (std::size_t i = 0; i + 1 < e.elts.size(); ++i) {
        visit_expr(*e.elts[i]);
        addop(jump, 0, end);
      }
      visit_expr(*e.elts.back());
      use_next_block(end);
      return;
    }
    case ExprKind::Compare: return visit_compare(e);
    case ExprKind::Call: return visit_call(e);
    case ExprKind::IfExp: {
      BasicBlock* end = new_block();
      BasicBlock* next = new_block();
      jump_if(*e.left, next, false);
      visit_expr(*e.right);
      addop_noline(pseudo::JUMP, 0, end);
      use_next_block(next);
      visit_expr(*e.orelse);
      use_next_block(end);
      return;
    }
    case ExprKind::Tuple:
    case ExprKind::List:
      if (e.ctx == ExprContext::Store) return unpack_targets(e.elts, e.loc);
      if (e.ctx == ExprContext::Del) {
        for (auto& x : e.elts) visit_expr(*x);
        return;
      }
      if (e.kind == ExprKind::Tuple) starunpack(e.elts, 0, op::BUILD_LIST, op::LIST_APPEND, op::LIST_EXTEND, true);
      else starunpack(e.elts, 0, op::BUILD_LIST, op::LIST_APPEND, op::LIST_EXTEND, false);
      return;
    case ExprKind::Set:
      starunpack(e.elts, 0, op::BUILD_SET, op::SET_ADD, op::SET_UPDATE, false);
      return;
    case ExprKind::Dict: return visit_dict(e);
    case ExprKind::Attribute: {
      visit_expr(*e.left);
      Location l = u().loc;
      l.lineno = e.loc.end_lineno;
      u().loc = l;
      int opcode = e.ctx == ExprContext::Load ? op::LOAD_ATTR
                   : e.ctx == ExprContext::Store ? op::STORE_ATTR : op::DELETE_ATTR;
      addop_name(opcode, e.id);
      return;
    }
    case ExprKind::Subscript:
      visit_expr(*e.left);
      visit_expr(*e.right);
      addop(e.ctx == ExprContext::Load ? op::BINARY_SUBSCR
            : e.ctx == ExprContext::Store ? op::STORE_SUBSCR : op::DELETE_SUBSCR);
      return;
    case ExprKind::Slice: return visit_slice(e);
    case ExprKind::Starred:
      if (e.ctx == ExprContext::Store) fail("starred assignment target must be in a list or tuple", e.loc);
      fail("can't use starred expression here", e.loc);
    case ExprKind::Lambda: return visit_lambda(e);
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::DictComp:
    case ExprKind::GeneratorExp:
      return visit_comprehension(e);
    case ExprKind::JoinedStr: return visit_joined_str(e);
    case ExprKind::FormattedValue: return visit_formatted_value(e);
    case ExprKind::NamedExpr:
      visit_expr(*e.right);
      addop(op::COPY, 1);
      visit_expr(*e.left);
      return;
    case ExprKind::Yield:
      if (!is_function_block() || u().kind == UnitKind::Comprehension) fail("'yield' outside function", e.loc);
      if (e.left) visit_expr(*e.left);
      else load_const(newref(py_none()));
      add_yield();
      return;
    case ExprKind::YieldFrom:
      if (!is_function_block() || u().kind == UnitKind::Comprehension) fail("'yield' outside function", e.loc);
      if (u().ste->is_coroutine) fail("'yield from' inside async function", e.loc);
      visit_expr(*e.left);
      addop(op::GET_YIELD_FROM_ITER);
      load_const(newref(py_none()));
      add_yield_from(false);
      return;
    case ExprKind::Await:
      if (!is_function_block()) fail("'await' outside function", e.loc);
      // Inside a comprehension `await` makes the comprehension asynchronous; whether its
      // scope allows that is checked when the comprehension is compiled.
      if (!u().ste->is_coroutine && u().kind != UnitKind::Comprehension) fail("'await' outside async function", e.loc);
      visit_expr(*e.left);
      addop(op::GET_AWAITABLE, 0);
      load_const(newref(py_none()));
      add_yield_from(true);
      return;
  }
}

// CPython: ADDOP_YIELD. Async generators wrap the value they yield.
void CodeGen::add_yield() {
  if (u().ste->is_coroutine) addop(op::ASYNC_GEN_WRAP);
  addop(op::YIELD_VALUE);
  addop(op::RESUME, 1);
}

// CPython: compiler_add_yield_from. SEND loop for `yield from` and `await`.
void CodeGen::add_yield_from(bool await) {
  BasicBlock* start = new_block();
  BasicBlock* resume = new_block();
  BasicBlock* exit = new_block();
  use_next_block(start);
  addop(op::SEND, 0, exit);
  use_next_block(resume);
  addop(op::YIELD_VALUE);
  addop(op::RESUME, await ? 3 : 2);
  addop(pseudo::JUMP_NO_INTERRUPT, 0, start);
  use_next_block(exit);
}

void CodeGen::visit_slice(Expr& e) {
  int n = 2;
  if (e.left) visit_expr(*e.left);
  else load_const(newref(py_none()));
  if (e.right) visit_expr(*e.right);
  else load_const(newref(py_none()));
  if (e.orelse) {
    visit_expr(*e.orelse);
    n = 3;
  }
  addop(op::BUILD_SLICE, n);
}

// CPython: starunpack_helper. Lists, tuples, sets and call arguments with * unpacking.
void CodeGen::starunpack(std::vector<ExprPtr>& elts, int pushed, int build, int add, int extend, bool tuple) {
  std::size_t n = elts.size();
  if (n > 2 && all_constant(elts, 0, n)) {
    Object* folded = new_tuple(ts_, static_cast<Py_ssize_t>(n));
    for (std::size_t i = 0; i < n; ++i) tuple_set(folded, static_cast<Py_ssize_t>(i), newref(elts[i]->value));
    if (tuple && !pushed) {
      load_const(folded);
    } else {
      if (add == op::SET_ADD) {
        Object* frozen = new_frozenset(ts_, folded);
        decref(folded);
        if (!frozen) {
          clear_error(ts_);
          fail("unhashable constant in a set display", elts[0]->loc);
        }
        folded = frozen;
      }
      addop(build, pushed);
      load_const(folded);
      addop(extend, 1);
      if (tuple) addop(op::LIST_TO_TUPLE);
    }
    return;
  }
  bool big = n + pushed > kStackUseGuideline;
  bool seen_star = std::any_of(elts.begin(), elts.end(), [](const ExprPtr& x) { return x->kind == ExprKind::Starred; });
  if (!seen_star && !big) {
    for (auto& x : elts) visit_expr(*x);
    addop(tuple ? op::BUILD_TUPLE : build, static_cast<int>(n) + pushed);
    return;
  }
  bool built = false;
  if (big) {
    addop(build, pushed);
    built = true;
  }
  for (std::size_t i = 0; i < n; ++i) {
    Expr& x = *elts[i];
    if (x.kind == ExprKind::Starred) {
      if (!built) {
        addop(build, static_cast<int>(i) + pushed);
        built = true;
      }
      visit_expr(*x.left);
      addop(extend, 1);
    } else {
      visit_expr(x);
      if (built) addop(add, 1);
    }
  }
  if (tuple) addop(op::LIST_TO_TUPLE);
}

// CPython: unpack_helper + assignment_helper.
void CodeGen::unpack_targets(std::vector<ExprPtr>& elts, const NodeLocation& loc) {
  std::size_t n = elts.size();
  bool seen_star = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (elts[i]->kind != ExprKind::Starred) continue;
    if (seen_star) fail("multiple starred expressions in assignment", elts[i]->loc);
    seen_star = true;
    if (i >= (1 << 8) || n - i - 1 >= (1 << 24)) fail("too many expressions in star-unpacking assignment", loc);
    addop(op::UNPACK_EX, static_cast<int>(i + ((n - i - 1) << 8)));
  }
  if (!seen_star) addop(op::UNPACK_SEQUENCE, static_cast<int>(n));
  for (auto& x : elts) visit_expr(x->kind == ExprKind::Starred ? *x->left : *x);
}

void CodeGen::subdict(Expr& e, std::size_t begin, std::size_t end) {
  std::size_t n = end - begin;
  if (n > 1 && all_constant(e.elts, begin, end)) {
    for (std::size_t i = begin; i < end; ++i) visit_expr(*e.values[i]);
    Object* keys = new_tuple(ts_, static_cast<Py_ssize_t>(n));
    for (std::size_t i = begin; i < end; ++i) tuple_set(keys, static_cast<Py_ssize_t>(i - begin), newref(e.elts[i]->value));
    load_const(keys);
    addop(op::BUILD_CONST_KEY_MAP, static_cast<int>(n));
    return;
  }
  for (std::size_t i = begin; i < end; ++i) {
    visit_expr(*e.elts[i]);
    visit_expr(*e.values[i]);
  }
  addop(op::BUILD_MAP, static_cast<int>(n));
}

// CPython: compiler_dict.
void CodeGen::visit_dict(Expr& e) {
  std::size_t n = e.values.size(), elements = 0;
  bool have_dict = false;
  for (std::size_t i = 0; i < n; ++i) {
    if (!e.elts[i]) {
      if (elements) {
        subdict(e, i - elements, i);
        if (have_dict) addop(op::DICT_UPDATE, 1);
        have_dict = true;
        elements = 0;
      }
      if (!have_dict) {
        addop(op::BUILD_MAP, 0);
        have_dict = true;
      }
      visit_expr(*e.values[i]);
      addop(op::DICT_UPDATE, 1);
    } else if (elements * 2 > kStackUseGuideline) {
      subdict(e, i - elements, i + 1);
      if (have_dict) addop(op::DICT_UPDATE, 1);
      have_dict = true;
      elements = 0;
    } else {
      ++elements;
    }
  }
  if (elements) {
    subdict(e, n - elements, n);
    if (have_dict) addop(op::DICT_UPDATE, 1);
    have_dict = true;
  }
  if (!have_dict) addop(op::BUILD_MAP, 0);
}

void CodeGen::add_compare(CmpOpKind k) {
  switch (k) {
    case CmpOpKind::Is: return addop(op::IS_OP, 0);
    case CmpOpKind::IsNot: return addop(op::IS_OP, 1);
    case CmpOpKind::In: return addop(op::CONTAINS_OP, 0);
    case CmpOpKind::NotIn: return addop(op::CONTAINS_OP, 1);
    default: break;
  }
  // cmpop order Eq, NotEq, Lt, LtE, Gt, GtE -> COMPARE_OP's <, <=, ==, !=, >, >=
  static const int kCompare[] = {2, 3, 0, 1, 4, 5};
  addop(op::COMPARE_OP, kCompare[static_cast<int>(k)]);
}

void CodeGen::visit_compare(Expr& e) {
  visit_expr(*e.left);
  std::size_t n = e.ops.size() - 1;
  if (n == 0) {
    visit_expr(*e.elts[0]);
    add_compare(e.ops[0]);
    return;
  }
  BasicBlock* cleanup = new_block();
  for (std::size_t i = 0; i < n; ++i) {
    visit_expr(*e.elts[i]);
    addop(op::SWAP, 2);
    addop(op::COPY, 2);
    add_compare(e.ops[i]);
    addop(op::JUMP_IF_FALSE_OR_POP, 0, cleanup);
  }
  visit_expr(*e.elts[n]);
  add_compare(e.ops[n]);
  BasicBlock* end = new_block();
  addop_noline(pseudo::JUMP, 0, end);
  use_next_block(cleanup);
  addop(op::SWAP, 2);
  addop(op::POP_TOP);
  use_next_block(end);
}

// CPython 3.11: compiler_jump_if. The jumps take the location current when the test
// started (the statement's, or the comprehension's), except that a comparison moves the
// location to itself and leaves it there for what follows, as 3.11 does.
void CodeGen::jump_if(Expr& e, BasicBlock* next, bool cond) {
  switch (e.kind) {
    case ExprKind::UnaryOp:
      if (e.unaryop == UnaryOpKind::Not) {
        jump_if(*e.left, next, !cond);
        return;
      }
      break;
    case ExprKind::BoolOp: {
      bool cond2 = e.boolop == BoolOpKind::Or;
      BasicBlock* next2 = next;
      if (cond2 != cond) next2 = new_block();
      for (std::size_t i = 0; i + 1 < e.elts.size(); ++i) jump_if(*e.elts[i], next2, cond2);
      jump_if(*e.elts.back(), next, cond);
      if (next2 != next) use_next_block(next2);
      return;
    }
    case ExprKind::IfExp: {
      BasicBlock* end = new_block();
      BasicBlock* next2 = new_block();
      jump_if(*e.left, next2, false);
      jump_if(*e.right, next, cond);
      addop_noline(pseudo::JUMP, 0, end);
      use_next_block(next2);
      jump_if(*e.orelse, next, cond);
      use_next_block(end);
      return;
    }
    case ExprKind::Compare: {
      set_loc(e.loc);
      std::size_t n = e.ops.size() - 1;
      if (n == 0) break;
      BasicBlock* cleanup = new_block();
      visit_expr(*e.left);
      for (std::size_t i = 0; i < n; ++i) {
        visit_expr(*e.elts[i]);
        addop(op::SWAP, 2);
        addop(op::COPY, 2);
        add_compare(e.ops[i]);
        addop(pseudo::POP_JUMP_IF_FALSE, 0, cleanup);
      }
      visit_expr(*e.elts[n]);
      add_compare(e.ops[n]);
      addop(cond ? pseudo::POP_JUMP_IF_TRUE : pseudo::POP_JUMP_IF_FALSE, 0, next);
      BasicBlock* end = new_block();
      addop_noline(pseudo::JUMP, 0, end);
      use_next_block(cleanup);
      addop(op::POP_TOP);
      if (!cond) addop_noline(pseudo::JUMP, 0, next);
      use_next_block(end);
      return;
    }
    default:
      break;
  }
  visit_expr(e);
  addop(cond ? pseudo::POP_JUMP_IF_TRUE : pseudo::POP_JUMP_IF_FALSE, 0, next);
}

// CPython: maybe_optimize_method_call. obj.meth(args) without * or ** unpacking.
bool CodeGen::optimize_method_call(Expr& e) {
  Expr& meth = *e.left;
  if (meth.kind != ExprKind::Attribute || meth.ctx != ExprContext::Load) return false;
  // CPython: is_import_originated — `module.func(...)` on a name the module imported
  // keeps the plain LOAD_ATTR + CALL form.
  if (meth.left->kind == ExprKind::Name) {
    auto& top = symbols_.top()->symbols;
    auto it = top.find(meth.left->id);
    if (it != top.end() && (it->second.flags & DEF_IMPORT)) return false;
  }
  if (e.elts.size() + e.keywords.size() >= kStackUseGuideline) return false;
  for (auto& a : e.elts)
    if (a->kind == ExprKind::Starred) return false;
  for (auto& k : e.keywords)
    if (k.arg.empty()) return false;
  visit_expr(*meth.left);
  // LOAD_METHOD and KW_NAMES point at the attribute, PRECALL/CALL at the whole call; when
  // the attribute ends on a later line, both start at its name. As in CPython the
  // location is left that way for what follows (an expression statement's POP_TOP).
  // CPython 3.11.7: update_start_location_to_match_attr().
  auto start_at_attr_name = [this, &meth] {
    Location& l = u().loc;
    if (l.lineno == meth.loc.end_lineno) return;
    int chars = 0;
    for (unsigned char ch : meth.id) chars += (ch & 0xC0) != 0x80;
    l.lineno = meth.loc.end_lineno;
    l.col_offset = meth.loc.end_col_offset - chars;
    l.end_lineno = std::max(l.lineno, l.end_lineno);
    if (l.lineno == l.end_lineno) l.end_col_offset = std::max(l.col_offset, l.end_col_offset);
  };
  set_loc(meth.loc);
  start_at_attr_name();
  addop_name(op::LOAD_METHOD, meth.id);
  for (auto& a : e.elts) visit_expr(*a);
  for (auto& k : e.keywords) visit_expr(*k.value);
  int n = static_cast<int>(e.elts.size() + e.keywords.size());
  if (!e.keywords.empty()) {
    Object* names = new_tuple(ts_, static_cast<Py_ssize_t>(e.keywords.size()));
    for (std::size_t i = 0; i < e.keywords.size(); ++i)
      tuple_set(names, static_cast<Py_ssize_t>(i), new_str(ts_, e.keywords[i].arg));
    addop(op::KW_NAMES, add_const(names));
  }
  set_loc(e.loc);
  start_at_attr_name();
  addop(op::PRECALL, n);
  addop(op::CALL, n);
  return true;
}

void CodeGen::visit_call(Expr& e) {
  if (optimize_method_call(e)) return;
  Location call_loc = u().loc;
  set_loc(e.left->loc);
  addop(op::PUSH_NULL);
  u().loc = call_loc;
  visit_expr(*e.left);
  call_helper(0, e.elts, e.keywords);
}

// CPython: compiler_call_helper. `already_pushed` positional arguments are on the stack.
void CodeGen::call_helper(int already_pushed, std::vector<ExprPtr>& args, std::vector<Keyword>& keywords) {
  bool needs_ex = args.size() + keywords.size() + already_pushed > kStackUseGuideline;
  for (auto& a : args)
    if (a->kind == ExprKind::Starred) needs_ex = true;
  for (auto& k : keywords)
    if (k.arg.empty()) needs_ex = true;
  if (!needs_ex) {
    for (auto& a : args) visit_expr(*a);
    for (auto& k : keywords) visit_expr(*k.value);
    int n = already_pushed + static_cast<int>(args.size() + keywords.size());
    if (!keywords.empty()) {
      Object* names = new_tuple(ts_, static_cast<Py_ssize_t>(keywords.size()));
      for (std::size_t i = 0; i < keywords.size(); ++i)
        tuple_set(names, static_cast<Py_ssize_t>(i), new_str(ts_, keywords[i].arg));
      addop(op::KW_NAMES, add_const(names));
    }
    addop(op::PRECALL, n);
    addop(op::CALL, n);
    return;
  }
  // The general form: a positional tuple (and a keyword dict) for CALL_FUNCTION_EX.
  if (already_pushed == 0 && args.size() == 1 && args[0]->kind == ExprKind::Starred) {
    visit_expr(*args[0]->left);
  } else {
    starunpack(args, already_pushed, op::BUILD_LIST, op::LIST_APPEND, op::LIST_EXTEND, true);
  }
  if (!keywords.empty()) {
    std::size_t nseen = 0;
    bool have_dict = false;
    for (std::size_t i = 0; i < keywords.size(); ++i) {
      Keyword& kw = keywords[i];
      if (kw.arg.empty()) {
        if (nseen) {
          for (std::size_t j = i - nseen; j < i; ++j) {
            load_const(new_str(ts_, keywords[j].arg));
            visit_expr(*keywords[j].value);
          }
          addop(op::BUILD_MAP, static_cast<int>(nseen));
          if (have_dict) addop(op::DICT_MERGE, 1);
          have_dict = true;
          nseen = 0;
        }
        if (!have_dict) {
          addop(op::BUILD_MAP, 0);
          have_dict = true;
        }
        visit_expr(*kw.value);
        addop(op::DICT_MERGE, 1);
      } else {
        ++nseen;
      }
    }
    if (nseen) {
      for (std::size_t j = keywords.size() - nseen; j < keywords.size(); ++j) {
        load_const(new_str(ts_, keywords[j].arg));
        visit_expr(*keywords[j].value);
      }
      addop(op::BUILD_MAP, static_cast<int>(nseen));
      if (have_dict) addop(op::DICT_MERGE, 1);
    }
  }
  addop(op::CALL_FUNCTION_EX, keywords.empty() ? 0 : 1);
}

void CodeGen::visit_lambda(Expr& e) {
  int flags = default_arguments(*e.args);
  enter_scope(UnitKind::Lambda, "<lambda>", &e, e.loc.lineno);
  CompilerUnit& unit = u();
  unit.argcount = static_cast<int>(e.args->posonlyargs.size() + e.args->args.size());
  unit.posonlyargcount = static_cast<int>(e.args->posonlyargs.size());
  unit.kwonlyargcount = static_cast<int>(e.args->kwonlyargs.size());
  add_const(newref(py_none()));  // so a lambda can never have a docstring
  visit_expr(*e.left);
  set_loc(e.left->loc);
  addop(op::RETURN_VALUE);
  CodeObject* code = exit_scope(false);
  set_loc(e.loc);
  make_closure(code, flags, nullptr);
}

// CPython: compiler_comprehension. A nested function called with the first iterator.
void CodeGen::visit_comprehension(Expr& e) {
  const char* name = e.kind == ExprKind::ListComp   ? "<listcomp>"
                     : e.kind == ExprKind::SetComp  ? "<setcomp>"
                     : e.kind == ExprKind::DictComp ? "<dictcomp>"
                                                    : "<genexpr>";
  bool outer_awaits = (u().kind == UnitKind::Function && u().ste->is_coroutine) || u().kind == UnitKind::Comprehension;
  enter_scope(UnitKind::Comprehension, name, &e, e.loc.lineno);
  u().argcount = 1;
  set_loc(e.loc);
  bool is_generator = e.kind == ExprKind::GeneratorExp;
  bool is_async = u().ste->is_coroutine;
  if (is_async && !is_generator && !outer_awaits)
    fail("asynchronous comprehension outside of an asynchronous function", e.loc);
  if (!is_generator) {
    int build = e.kind == ExprKind::ListComp ? op::BUILD_LIST : e.kind == ExprKind::SetComp ? op::BUILD_SET : op::BUILD_MAP;
    addop(build, 0);
  }
  comprehension_generator(e, 0, is_generator ? -1 : 0);
  if (!is_generator) addop(op::RETURN_VALUE);  // where a comparison may have left the location
  CodeObject* code = exit_scope(is_generator);
  set_loc(e.loc);
  make_closure(code, 0, nullptr);
  visit_expr(*e.generators[0].iter);
  set_loc(e.loc);
  addop(e.generators[0].is_async ? op::GET_AITER : op::GET_ITER);
  addop(op::PRECALL, 0);
  addop(op::CALL, 0);
  if (is_async && !is_generator) {
    addop(op::GET_AWAITABLE, 0);
    load_const(newref(py_none()));
    add_yield_from(true);
  }
}

void CodeGen::comprehension_generator(Expr& e, std::size_t index, int depth) {
  if (e.generators[index].is_async) return async_comprehension_generator(e, index, depth);
  Comprehension& gen = e.generators[index];
  BasicBlock* start = new_block();
  BasicBlock* if_cleanup = new_block();
  BasicBlock* anchor = new_block();
  if (index == 0) {
    addop(op::LOAD_FAST, varname_index(".0"));
  } else {
    visit_expr(*gen.iter);
    addop(op::GET_ITER);
  }
  ++depth;
  use_next_block(start);
  addop(op::FOR_ITER, 0, anchor);
  visit_expr(*gen.target);
  for (auto& cond : gen.ifs) jump_if(*cond, if_cleanup, false);
  comprehension_element(e, index, depth);
  use_next_block(if_cleanup);
  addop(pseudo::JUMP, 0, start);
  use_next_block(anchor);
}

// CPython: compiler_async_comprehension_generator. `async for` in a comprehension:
// await __anext__() until StopAsyncIteration ends the loop in END_ASYNC_FOR.
void CodeGen::async_comprehension_generator(Expr& e, std::size_t index, int depth) {
  Comprehension& gen = e.generators[index];
  BasicBlock* start = new_block();
  BasicBlock* except = new_block();
  BasicBlock* if_cleanup = new_block();
  if (index == 0) {
    addop(op::LOAD_FAST, varname_index(".0"));
  } else {
    visit_expr(*gen.iter);
    addop(op::GET_AITER);
  }
  use_next_block(start);
  addop(pseudo::SETUP_FINALLY, 0, except);
  addop(op::GET_ANEXT);
  load_const(newref(py_none()));
  add_yield_from(true);
  addop(pseudo::POP_BLOCK);
  visit_expr(*gen.target);
  for (auto& cond : gen.ifs) jump_if(*cond, if_cleanup, false);
  ++depth;
  comprehension_element(e, index, depth);
  use_next_block(if_cleanup);
  addop(pseudo::JUMP, 0, start);
  use_next_block(except);
  addop(op::END_ASYNC_FOR);
}

// The next clause, or after the last one the element appended (or yielded).
void CodeGen::comprehension_element(Expr& e, std::size_t index, int depth) {
  if (index + 1 < e.generators.size()) {
    comprehension_generator(e, index + 1, depth);
  } else {
    // The append takes the comprehension's location (or a comparison's, see jump_if).
    switch (e.kind) {
      case ExprKind::ListComp:
        visit_expr(*e.left);
        addop(op::LIST_APPEND, depth + 1);
        break;
      case ExprKind::SetComp:
        visit_expr(*e.left);
        addop(op::SET_ADD, depth + 1);
        break;
      case ExprKind::DictComp:
        visit_expr(*e.left);
        visit_expr(*e.right);
        addop(op::MAP_ADD, depth + 1);
        break;
      case ExprKind::GeneratorExp:
        visit_expr(*e.left);
        add_yield();
        addop(op::POP_TOP);
        break;
      default:
        break;
    }
  }
}

void CodeGen::visit_joined_str(Expr& e) {
  if (e.elts.size() > kStackUseGuideline) {
    load_const(new_str(ts_, ""));
    addop_name(op::LOAD_METHOD, "join");
    addop(op::BUILD_LIST, 0);
    for (auto& v : e.elts) {
      visit_expr(*v);
      addop(op::LIST_APPEND, 1);
    }
    addop(op::PRECALL, 1);
    addop(op::CALL, 1);
    return;
  }
  for (auto& v : e.elts) visit_expr(*v);
  if (e.elts.size() != 1) addop(op::BUILD_STRING, static_cast<int>(e.elts.size()));
}

void CodeGen::visit_formatted_value(Expr& e) {
  visit_expr(*e.left);
  int oparg = e.conversion == 's' ? 1 : e.conversion == 'r' ? 2 : e.conversion == 'a' ? 3 : 0;
  if (e.right) {
    visit_expr(*e.right);
    oparg |= 0x04;
  }
  addop(op::FORMAT_VALUE, oparg);
}

}  // namespace terrarium
