// The abstract syntax tree, shaped like CPython's (Parser/Python.asdl). Every node carries
// CPython's four position fields (byte columns). Nodes are fat structs with one kind tag;
// each kind documents which fields it uses.
#pragma once
#include <memory>
#include <string>
#include <vector>
#include "objects/object.hpp"

namespace terrarium {

struct NodeLocation {
  int lineno = 0;
  int col_offset = 0;
  int end_lineno = 0;
  int end_col_offset = 0;
};

enum class ExprKind {
  Constant,      // value
  Name,          // id, ctx
  BinOp,         // left binop right
  UnaryOp,       // unaryop left
  BoolOp,        // boolop elts
  Compare,       // left ops elts
  Call,          // left=func, elts=args (may hold Starred), keywords (arg "" for **)
  IfExp,         // left=test, right=body, orelse
  Tuple,         // elts, ctx
  List,          // elts, ctx
  Set,           // elts
  Dict,          // elts=keys (null entry for **value), values
  Attribute,     // left=value, id=attr, ctx
  Subscript,     // left=value, right=slice, ctx
  Slice,         // left=lower, right=upper, orelse=step (each may be null)
  Starred,       // left=value, ctx
  Lambda,        // args, left=body
  ListComp,      // left=elt, generators
  SetComp,       // left=elt, generators
  DictComp,      // left=key, right=value, generators
  GeneratorExp,  // left=elt, generators
  JoinedStr,     // elts (Constant str and FormattedValue)
  FormattedValue,// left=value, conversion (-1, 's', 'r', 'a'), right=format_spec (JoinedStr) or null
  NamedExpr,     // left=target (Name), right=value
  Yield,         // left=value or null
  YieldFrom,     // left
  Await,         // left
};
enum class ExprContext { Load, Store, Del };
enum class UnaryOpKind { Invert, Not, UAdd, USub };
enum class BoolOpKind { And, Or };
// CPython's cmpop order: Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn.
enum class CmpOpKind { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;
struct Stmt;
using StmtPtr = std::unique_ptr<Stmt>;

struct Keyword {
  std::string arg;  // "" for **kwargs
  ExprPtr value;
  NodeLocation loc;
};

struct Arg {
  std::string name;
  ExprPtr annotation;
  NodeLocation loc;
};

struct Arguments {
  std::vector<Arg> posonlyargs;
  std::vector<Arg> args;
  std::unique_ptr<Arg> vararg;
  std::vector<Arg> kwonlyargs;
  std::vector<ExprPtr> kw_defaults;  // one per kwonlyarg, null when it has none
  std::unique_ptr<Arg> kwarg;
  std::vector<ExprPtr> defaults;     // for the last len(defaults) of posonlyargs + args
};

struct Comprehension {
  ExprPtr target;
  ExprPtr iter;
  std::vector<ExprPtr> ifs;
  bool is_async = false;
};

struct Expr {
  ExprKind kind;
  NodeLocation loc;
  Object* value = nullptr;              // Constant (owned reference)
  std::string id;                       // Name id, Attribute attr
  ExprContext ctx = ExprContext::Load;
  BinaryOp binop = BinaryOp::Add;
  UnaryOpKind unaryop = UnaryOpKind::Not;
  BoolOpKind boolop = BoolOpKind::And;
  ExprPtr left;
  ExprPtr right;
  ExprPtr orelse;
  std::vector<ExprPtr> elts;
  std::vector<ExprPtr> values;          // Dict values
  std::vector<CmpOpKind> ops;
  std::vector<Keyword> keywords;
  std::shared_ptr<Arguments> args;      // Lambda
  std::vector<Comprehension> generators;
  int conversion = -1;                  // FormattedValue
  bool parenthesized = false;
  // With parentheses, the span including them: CPython starts an enclosing node at the
  // first token it matched, so `(a + b) * c` begins at the '('.
  NodeLocation outer;

  Expr(ExprKind k, NodeLocation l) : kind(k), loc(l) {}
  // Iterative (ast.cpp): `1+1+...+1` parses into a left-deep chain as long as the source,
  // and recursive destruction would overflow the stack (the browser's is small).
  ~Expr();
  // Moves the operand children (left, right, orelse, elts, values) out into `out`.
  void detach_operands(std::vector<ExprPtr>& out);
  Expr(const Expr&) = delete;
  Expr& operator=(const Expr&) = delete;
};

struct ExceptHandler {
  ExprPtr type;
  std::string name;
  std::vector<StmtPtr> body;
  NodeLocation loc;
};

struct Alias {
  std::string name;
  std::string asname;
  NodeLocation loc;
};

// CPython's pattern nodes (match statements), one struct with a kind tag like Expr.
enum class PatternKind {
  MatchValue,      // value (a Constant or dotted name)
  MatchSingleton,  // singleton: None, True or False (borrowed; immortal)
  MatchSequence,   // patterns
  MatchMapping,    // keys, patterns, name=rest ("" without **rest)
  MatchClass,      // value=cls, patterns (positional), kwd_attrs, kwd_patterns
  MatchStar,       // name ("" for *_)
  MatchAs,         // pattern (null for a capture or wildcard), name ("" for _)
  MatchOr,         // patterns
};

struct Pattern;
using PatternPtr = std::unique_ptr<Pattern>;

struct Pattern {
  PatternKind kind;
  NodeLocation loc;
  ExprPtr value;
  Object* singleton = nullptr;
  std::vector<PatternPtr> patterns;
  std::vector<ExprPtr> keys;
  std::vector<std::string> kwd_attrs;
  std::vector<PatternPtr> kwd_patterns;
  std::string name;
  PatternPtr pattern;

  Pattern(PatternKind k, NodeLocation l) : kind(k), loc(l) {}
};

struct MatchCase {
  PatternPtr pattern;
  ExprPtr guard;  // null without `if`
  std::vector<StmtPtr> body;
};

struct WithItem {
  ExprPtr context_expr;
  ExprPtr optional_vars;
};

enum class StmtKind {
  Expr,         // value
  Assign,       // targets, value
  AugAssign,    // targets[0], augop, value
  AnnAssign,    // targets[0], annotation, value (may be null), simple
  If,           // value=test, body, orelse
  While,        // value=test, body, orelse
  For,          // targets[0]=target, value=iter, body, orelse
  Pass, Break, Continue,
  FunctionDef,  // name, args, body, decorators, annotation=returns
  ClassDef,     // name, bases, keywords, body, decorators
  Return,       // value or null
  Delete,       // targets
  Raise,        // value=exc or null, cause or null
  Try,          // body, handlers, orelse, finalbody
  TryStar,      // body, handlers (except*), orelse, finalbody
  Assert,       // value=test, cause=msg or null
  Global, Nonlocal,  // names
  Import,       // aliases
  ImportFrom,   // name=module, aliases, level
  With,         // items, body
  Match,        // value=subject, cases
};

struct Stmt {
  StmtKind kind;
  NodeLocation loc;
  std::vector<ExprPtr> targets;
  ExprPtr value;
  ExprPtr cause;
  ExprPtr annotation;
  BinaryOp augop = BinaryOp::Add;
  bool simple = false;
  std::string name;
  std::shared_ptr<Arguments> args;
  std::vector<ExprPtr> bases;
  std::vector<Keyword> keywords;
  std::vector<ExprPtr> decorators;
  std::vector<StmtPtr> body;
  std::vector<StmtPtr> orelse;
  std::vector<StmtPtr> finalbody;
  std::vector<ExceptHandler> handlers;
  std::vector<std::string> names;
  std::vector<Alias> aliases;
  std::vector<WithItem> items;
  std::vector<MatchCase> cases;
  int level = 0;
  bool is_async = false;  // async def / async for / async with

  Stmt(StmtKind k, NodeLocation l) : kind(k), loc(l) {}
};

struct Module {
  std::vector<StmtPtr> body;
};

}  // namespace terrarium
