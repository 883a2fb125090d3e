// Code generation: walks the AST and emits CPython 3.11 instructions into a control-flow
// graph, one function per node kind, mirroring Python/compile.c (compiler_visit_stmt,
// compiler_jump_if, compiler_boolop, compiler_compare, compiler_call, compiler_while).
// The location of each instruction is that of the innermost node being compiled.
#include "compiler/codegen.hpp"

#include <cstring>
#include "compiler/assemble.hpp"
#include "compiler/cfg.hpp"
#include "compiler/fold_constants.hpp"
#include "compiler/parser.hpp"
#include "objects/float.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

struct CodegenFailure {};  // unwinds code generation once error_ is filled

// CPython: _PyCode_ConstantKey. 1, 1.0 and True are different constants; -0.0 is not 0.0.
bool same_constant(Object* a, Object* b) {
  if (a == b) return true;
  if (a->ob_type != b->ob_type) return false;
  if (a->ob_type == &int_type) return int_value(a) == int_value(b);
  if (a->ob_type == &float_type) {
    double x = float_value(a), y = float_value(b);
    return std::memcmp(&x, &y, sizeof x) == 0;
  }
  if (a->ob_type == &str_type) return str_equal(a, b);
  if (a->ob_type == &tuple_type) {
    if (tuple_size(a) != tuple_size(b)) return false;
    for (Py_ssize_t i = 0; i < tuple_size(a); ++i)
      if (!same_constant(tuple_get(a, i), tuple_get(b, i))) return false;
    return true;
  }
  return false;
}

struct LoopBlock {
  BasicBlock* head;  // `continue` target
  BasicBlock* exit;  // `break` target
};

class CodeGen {
 public:
  CodeGen(ThreadState* ts, std::string_view source, SyntaxErrorInfo& error)
      : ts_(ts), source_(source), error_(error) {
    g_.entry = cur_ = g_.new_block();
  }
  ~CodeGen() {
    for (Object* c : consts_) decref(c);
    for (Object* n : names_) decref(n);
  }

  CodeObject* compile(Module& module, const std::string& filename) {
    try {
      module_body(module.body);
    } catch (const CodegenFailure&) {
      return nullptr;
    }
    // Falling off the end returns None; the instructions have no line of their own.
    loc_ = Location{};
    if (cur_->instrs.empty() || !is_scope_exit(cur_->instrs.back().opcode)) {
      addop(op::LOAD_CONST, add_const(newref(py_none())));
      addop(op::RETURN_VALUE);
    }
    if (!optimize_cfg(g_, consts_, ts_)) return nullptr;
    AssembleInput in{g_, consts_, names_, filename, "<module>", "<module>", 1};
    CodeObject* code = assemble(ts_, in);
    consts_.clear();  // ownership moved into the code object
    names_.clear();
    return code;
  }

 private:
  // ---- emission ------------------------------------------------------------------
  void addop(int opcode, int oparg = 0, BasicBlock* target = nullptr) {
    cur_->instrs.push_back(Instr{opcode, oparg, target, loc_});
    // CPython: NEXT_BLOCK after every jump and scope exit keeps them last in their block.
    if (target || is_scope_exit(opcode)) use_next_block(g_.new_block());
  }
  void addop_noline(int opcode, int oparg = 0, BasicBlock* target = nullptr) {
    Location saved = loc_;
    loc_ = Location{};
    addop(opcode, oparg, target);
    loc_ = saved;
  }
  void use_next_block(BasicBlock* b) {
    cur_->next = b;
    cur_ = b;
  }

  int add_const(Object* value) {  // steals value
    for (std::size_t i = 0; i < consts_.size(); ++i) {
      if (same_constant(consts_[i], value)) {
        decref(value);
        return static_cast<int>(i);
      }
    }
    consts_.push_back(value);
    return static_cast<int>(consts_.size() - 1);
  }
  int add_name(const std::string& name) {
    for (std::size_t i = 0; i < names_.size(); ++i)
      if (str_view(names_[i]) == name) return static_cast<int>(i);
    names_.push_back(new_str(ts_, name));
    return static_cast<int>(names_.size() - 1);
  }

  static Location location_of(const NodeLocation& l) {
    return Location{l.lineno, l.end_lineno, l.col_offset, l.end_col_offset};
  }

  int char_offset(int lineno, int byte_col) const {
    std::size_t p = 0;
    for (int l = 1; l < lineno && p != std::string_view::npos; ++l) {
      p = source_.find('\n', p);
      if (p != std::string_view::npos) ++p;
    }
    int chars = 0;
    for (int i = 0; i < byte_col && p + i < source_.size(); ++i)
      if ((static_cast<unsigned char>(source_[p + i]) & 0xC0) != 0x80) ++chars;
    return chars + 1;
  }
  [[noreturn]] void fail(const std::string& message, const NodeLocation& l) {
    error_.type = "SyntaxError";
    error_.message = message;
    error_.lineno = l.lineno;
    error_.offset = char_offset(l.lineno, l.col_offset);
    error_.end_lineno = l.end_lineno;
    error_.end_offset = char_offset(l.end_lineno, l.end_col_offset);
    throw CodegenFailure{};
  }

  // ---- statements ----------------------------------------------------------------
  void module_body(std::vector<StmtPtr>& body) {
    loc_ = Location{0, 1, 0, 0};  // CPython puts the module's RESUME on line 0
    addop(op::RESUME, 0);
    loc_ = Location{};
    std::size_t first = 0;
    if (!body.empty() && body[0]->kind == StmtKind::Expr && body[0]->value->kind == ExprKind::Constant &&
        is_str(body[0]->value->value)) {
      // The docstring: stored in __doc__ by an instruction without a line of its own.
      visit_expr(*body[0]->value);
      addop_noline(op::STORE_NAME, add_name("__doc__"));
      first = 1;
    }
    for (std::size_t i = first; i < body.size(); ++i) visit_stmt(*body[i]);
  }

  void visit_stmts(std::vector<StmtPtr>& stmts) {
    for (auto& s : stmts) visit_stmt(*s);
  }

  void visit_stmt(Stmt& s) {
    loc_ = location_of(s.loc);
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
      case StmtKind::AugAssign: {
        Expr& target = *s.targets[0];
        Location stmt_loc = loc_;
        loc_ = location_of(target.loc);
        addop(op::LOAD_NAME, add_name(target.id));
        loc_ = stmt_loc;
        visit_expr(*s.value);
        addop(op::BINARY_OP, static_cast<int>(s.augop));
        loc_ = location_of(target.loc);
        addop(op::STORE_NAME, add_name(target.id));
        return;
      }
      case StmtKind::If: return visit_if(s);
      case StmtKind::While: return visit_while(s);
      case StmtKind::Pass:
        addop(op::NOP);
        return;
      case StmtKind::Break:
      case StmtKind::Continue: {
        bool is_break = s.kind == StmtKind::Break;
        addop(op::NOP);  // keeps the statement's line even when the jump is threaded
        if (loops_.empty()) fail(is_break ? "'break' outside loop" : "'continue' not properly in loop", s.loc);
        addop(pseudo::JUMP, 0, is_break ? loops_.back().exit : loops_.back().head);
        return;
      }
    }
  }

  void visit_if(Stmt& s) {
    BasicBlock* end = g_.new_block();
    BasicBlock* next = s.orelse.empty() ? end : g_.new_block();
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
  void visit_while(Stmt& s) {
    BasicBlock* loop = g_.new_block();
    BasicBlock* body = g_.new_block();
    BasicBlock* anchor = g_.new_block();
    BasicBlock* end = g_.new_block();
    use_next_block(loop);
    loops_.push_back(LoopBlock{loop, end});
    jump_if(*s.value, anchor, false);
    use_next_block(body);
    visit_stmts(s.body);
    loc_ = location_of(s.loc);
    jump_if(*s.value, body, true);
    loops_.pop_back();
    use_next_block(anchor);
    visit_stmts(s.orelse);
    use_next_block(end);
  }

  // ---- expressions -----------------------------------------------------------------
  void visit_expr(Expr& e) {
    Location saved = loc_;
    loc_ = location_of(e.loc);
    visit_expr_inner(e);
    loc_ = saved;
  }

  void visit_expr_inner(Expr& e) {
    switch (e.kind) {
      case ExprKind::Constant:
        addop(op::LOAD_CONST, add_const(newref(e.value)));
        return;
      case ExprKind::Name:
        addop(e.ctx == ExprContext::Store ? op::STORE_NAME : op::LOAD_NAME, add_name(e.id));
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
        BasicBlock* end = g_.new_block();
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
        BasicBlock* end = g_.new_block();
        BasicBlock* next = g_.new_block();
        jump_if(*e.left, next, false);
        visit_expr(*e.right);
        addop_noline(pseudo::JUMP, 0, end);
        use_next_block(next);
        visit_expr(*e.orelse);
        use_next_block(end);
        return;
      }
      case ExprKind::Tuple:
        for (auto& x : e.elts) visit_expr(*x);
        addop(op::BUILD_TUPLE, static_cast<int>(e.elts.size()));
        return;
    }
  }

  void add_compare(CmpOpKind k) {
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

  void visit_compare(Expr& e) {
    visit_expr(*e.left);
    std::size_t n = e.ops.size() - 1;
    if (n == 0) {
      visit_expr(*e.elts[0]);
      add_compare(e.ops[0]);
      return;
    }
    BasicBlock* cleanup = g_.new_block();
    for (std::size_t i = 0; i < n; ++i) {
      visit_expr(*e.elts[i]);
      addop(op::SWAP, 2);
      addop(op::COPY, 2);
      add_compare(e.ops[i]);
      addop(op::JUMP_IF_FALSE_OR_POP, 0, cleanup);
    }
    visit_expr(*e.elts[n]);
    add_compare(e.ops[n]);
    BasicBlock* end = g_.new_block();
    addop_noline(pseudo::JUMP, 0, end);
    use_next_block(cleanup);
    addop(op::SWAP, 2);
    addop(op::POP_TOP);
    use_next_block(end);
  }

  // CPython: compiler_jump_if. Jumps to `next` when the test's truth equals `cond`.
  void jump_if(Expr& e, BasicBlock* next, bool cond) {
    Location saved = loc_;
    loc_ = location_of(e.loc);
    switch (e.kind) {
      case ExprKind::UnaryOp:
        if (e.unaryop == UnaryOpKind::Not) {
          jump_if(*e.left, next, !cond);
          loc_ = saved;
          return;
        }
        break;
      case ExprKind::BoolOp: {
        bool cond2 = e.boolop == BoolOpKind::Or;
        BasicBlock* next2 = next;
        if (cond2 != cond) next2 = g_.new_block();
        for (std::size_t i = 0; i + 1 < e.elts.size(); ++i) jump_if(*e.elts[i], next2, cond2);
        jump_if(*e.elts.back(), next, cond);
        if (next2 != next) use_next_block(next2);
        loc_ = saved;
        return;
      }
      case ExprKind::IfExp: {
        BasicBlock* end = g_.new_block();
        BasicBlock* next2 = g_.new_block();
        jump_if(*e.left, next2, false);
        jump_if(*e.right, next, cond);
        addop_noline(pseudo::JUMP, 0, end);
        use_next_block(next2);
        jump_if(*e.orelse, next, cond);
        use_next_block(end);
        loc_ = saved;
        return;
      }
      case ExprKind::Compare: {
        std::size_t n = e.ops.size() - 1;
        if (n == 0) break;
        BasicBlock* cleanup = g_.new_block();
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
        BasicBlock* end = g_.new_block();
        addop_noline(pseudo::JUMP, 0, end);
        use_next_block(cleanup);
        addop(op::POP_TOP);
        if (!cond) addop_noline(pseudo::JUMP, 0, next);
        use_next_block(end);
        loc_ = saved;
        return;
      }
      default:
        break;
    }
    visit_expr(e);
    addop(cond ? pseudo::POP_JUMP_IF_TRUE : pseudo::POP_JUMP_IF_FALSE, 0, next);
    loc_ = saved;
  }

  void visit_call(Expr& e) {
    Location call_loc = loc_;
    loc_ = location_of(e.left->loc);
    addop(op::PUSH_NULL);
    loc_ = call_loc;
    visit_expr(*e.left);
    for (auto& arg : e.elts) visit_expr(*arg);
    for (auto& kw : e.keywords) visit_expr(*kw.value);
    int n = static_cast<int>(e.elts.size() + e.keywords.size());
    if (!e.keywords.empty()) {
      Object* names = new_tuple(ts_, static_cast<Py_ssize_t>(e.keywords.size()));
      for (std::size_t i = 0; i < e.keywords.size(); ++i)
        tuple_set(names, static_cast<Py_ssize_t>(i), new_str(ts_, e.keywords[i].arg));
      addop(op::KW_NAMES, add_const(names));
    }
    addop(op::PRECALL, n);
    addop(op::CALL, n);
  }

  ThreadState* ts_;
  std::string_view source_;
  SyntaxErrorInfo& error_;
  ControlFlowGraph g_;
  BasicBlock* cur_;
  Location loc_;
  std::vector<Object*> consts_;
  std::vector<Object*> names_;
  std::vector<LoopBlock> loops_;
};

}  // namespace

CompileResult compile_module(ThreadState* ts, std::string_view source, const std::string& filename, bool keep_source) {
  CompileResult result;
  Module module;
  if (!parse_module(ts, source, module, result.error)) return result;
  fold_constants(ts, module);
  CodeGen gen(ts, source, result.error);
  result.code = gen.compile(module, filename);
  if (result.code && keep_source) result.code->source = std::make_shared<const std::string>(source);
  return result;
}

}  // namespace terrarium
