// The code generator's state, shared by codegen.cpp (scopes and code objects),
// codegen_stmt.cpp (statements) and codegen_expr.cpp (expressions). One CompilerUnit per
// scope being compiled, as CPython's struct compiler_unit. Internal to core/compiler.
#pragma once
#include <memory>
#include <string>
#include <vector>
#include "compiler/assemble.hpp"
#include "compiler/ast.hpp"
#include "compiler/cfg.hpp"
#include "compiler/symtable.hpp"
#include "compiler/syntax_error.hpp"

namespace terrarium {

struct CodegenFailure {};  // unwinds code generation once the error is filled

enum class UnitKind { Module, Class, Function, Lambda, Comprehension };

// CPython: enum fblocktype — what `break`, `continue` and `return` must unwind.
enum class FBlockKind { WhileLoop, ForLoop, TryExcept, FinallyTry, FinallyEnd, With, AsyncWith, HandlerCleanup,
                        PopValue, ExceptionHandler, ExceptionGroupHandler };

struct FBlock {
  FBlockKind kind;
  BasicBlock* block;
  BasicBlock* exit;
  const std::vector<StmtPtr>* finally_body = nullptr;  // FinallyTry
  const Stmt* with_stmt = nullptr;                     // With
  std::string name;                                    // HandlerCleanup: the `as` name, or ""
};

// CPython: pattern_context. The state of compiling one case's pattern.
struct PatternContext {
  std::vector<std::string> stores;       // names captured so far, in stack order
  bool allow_irrefutable = false;        // may this pattern match anything?
  std::vector<BasicBlock*> fail_pop;     // fail_pop[n] pops n items, then fails
  std::size_t on_top = 0;                // items above the captures that a failure pops
};

struct CompilerUnit {
  UnitKind kind;
  SymbolTableEntry* ste;
  ControlFlowGraph graph;
  BasicBlock* cur;
  Location loc;
  std::vector<Object*> consts;  // strong references
  std::vector<Object*> names;
  std::vector<std::string> varnames;  // fast locals, parameters first
  std::vector<std::string> cellvars;  // sorted, plus __class__ for classes that need it
  std::vector<std::string> freevars;  // sorted
  std::string name;
  std::string qualname;
  int firstlineno = 1;
  int argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;
  std::vector<FBlock> fblocks;
  bool has_docstring = false;
};

class CodeGen {
 public:
  CodeGen(ThreadState* ts, std::string_view source, const std::string& filename, SymbolTable& symbols,
          SyntaxErrorInfo& error);
  ~CodeGen();
  CodeObject* compile_module(Module& module);
  CodeObject* compile_expression(Module& module);  // a module holding one expression statement

 private:
  // ---- units and emission (codegen.cpp) ----
  CompilerUnit& u() { return *units_.back(); }
  void enter_scope(UnitKind kind, const std::string& name, const void* node, int firstlineno);
  CodeObject* exit_scope(bool add_none);
  std::string qualname_for(const std::string& name, UnitKind kind);
  void addop(int opcode, int oparg = 0, BasicBlock* target = nullptr);
  void addop_noline(int opcode, int oparg = 0, BasicBlock* target = nullptr);
  void addop_name(int opcode, const std::string& name);
  void load_const(Object* value);  // steals
  void use_next_block(BasicBlock* b);
  BasicBlock* new_block() { return u().graph.new_block(); }
  int add_const(Object* value);  // steals
  int add_name(const std::string& name);
  int varname_index(const std::string& name);
  void nameop(const std::string& name, ExprContext ctx);
  void make_closure(CodeObject* code, int flags, Object* qualname);
  [[noreturn]] void fail(const std::string& message, const NodeLocation& l);
  // At the location of the instruction being emitted, as CPython's compiler_error.
  [[noreturn]] void fail_here(const std::string& message) {
    const Location& l = u().loc;
    fail(message, NodeLocation{l.lineno, l.col_offset, l.end_lineno, l.end_col_offset});
  }
  static Location location_of(const NodeLocation& l) {
    return Location{l.lineno, l.end_lineno, l.col_offset, l.end_col_offset};
  }
  void set_loc(const NodeLocation& l) { u().loc = location_of(l); }
  void unset_loc() { u().loc = Location{}; }
  bool is_function_block() const;

  // ---- statements (codegen_stmt.cpp) ----
  void body(std::vector<StmtPtr>& stmts, bool allow_docstring);
  void visit_stmts(std::vector<StmtPtr>& stmts);
  void visit_stmt(Stmt& s);
  void visit_function_def(Stmt& s);
  void visit_class_def(Stmt& s);
  void visit_if(Stmt& s);
  void visit_while(Stmt& s);
  void visit_for(Stmt& s);
  void visit_return(Stmt& s);
  void visit_break_continue(Stmt& s);
  void visit_try(Stmt& s);
  void visit_try_except(Stmt& s);
  void visit_try_finally(Stmt& s);
  void visit_with(Stmt& s, std::size_t item);
  void visit_async_with(Stmt& s, std::size_t item);
  void visit_async_for(Stmt& s);
  void add_yield_from(bool await);
  void visit_try_star_except(Stmt& s);
  void forget_handler_name(const std::string& name);

  // ---- match statements (codegen_match.cpp) ----
  void visit_match(Stmt& s);
  void visit_pattern(Pattern& p, PatternContext& pc);
  void visit_subpattern(Pattern& p, PatternContext& pc);
  void visit_sequence_pattern(Pattern& p, PatternContext& pc);
  void sequence_by_unpacking(Pattern& p, PatternContext& pc);
  void sequence_by_subscript(Pattern& p, Py_ssize_t star, PatternContext& pc);
  void visit_mapping_pattern(Pattern& p, PatternContext& pc);
  void visit_class_pattern(Pattern& p, PatternContext& pc);
  void visit_or_pattern(Pattern& p, PatternContext& pc);
  void ensure_fail_pop(PatternContext& pc, std::size_t n);
  void jump_to_fail_pop(PatternContext& pc, int opcode);
  void emit_and_reset_fail_pop(PatternContext& pc);
  void pattern_rotate(int count);
  void pattern_store_name(const std::string& name, PatternContext& pc, const NodeLocation& loc);
  void add_yield();
  void visit_import(Stmt& s);
  void visit_import_from(Stmt& s);
  void visit_assert(Stmt& s);
  void visit_aug_assign(Stmt& s);
  void visit_ann_assign(Stmt& s);
  void unwind_fblock(const FBlock& f, bool preserve_tos);
  bool unwind_fblock_stack(bool preserve_tos, FBlock* loop_out);
  void pop_except_and_reraise();
  void call_exit_with_nones();
  void with_except_finish(BasicBlock* cleanup);
  int default_arguments(Arguments& args);
  bool visit_annotations(Arguments& args, Expr* returns);
  void apply_decorators(std::vector<ExprPtr>& decorators);

  // ---- expressions (codegen_expr.cpp) ----
  void visit_expr(Expr& e);
  void visit_expr_inner(Expr& e);
  void jump_if(Expr& e, BasicBlock* next, bool cond);
  void add_compare(CmpOpKind k);
  void visit_compare(Expr& e);
  void visit_call(Expr& e);
  void call_helper(int already_pushed, std::vector<ExprPtr>& args, std::vector<Keyword>& keywords);
  bool optimize_method_call(Expr& e);
  void starunpack(std::vector<ExprPtr>& elts, int pushed, int build, int add, int extend, bool tuple);
  void unpack_targets(std::vector<ExprPtr>& elts, const NodeLocation& loc);
  void visit_dict(Expr& e);
  void subdict(Expr& e, std::size_t begin, std::size_t end);
  void visit_slice(Expr& e);
  void visit_lambda(Expr& e);
  void visit_comprehension(Expr& e);
  void comprehension_generator(Expr& e, std::size_t index, int depth);
  void async_comprehension_generator(Expr& e, std::size_t index, int depth);
  void comprehension_element(Expr& e, std::size_t index, int depth);
  void visit_joined_str(Expr& e);
  void visit_formatted_value(Expr& e);
  void store_target(Expr& target);

  ThreadState* ts_;
  std::string_view source_;
  std::string filename_;
  SymbolTable& symbols_;
  SyntaxErrorInfo& error_;
  std::vector<std::unique_ptr<CompilerUnit>> units_;
};

}  // namespace terrarium
