// The abstract syntax tree, shaped like CPython's (Parser/Python.asdl) for the constructs
// parsed so far. Every node carries CPython's four position fields (byte columns).
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

enum class ExprKind { Constant, Name, BinOp, UnaryOp, BoolOp, Compare, Call, IfExp, Tuple };
enum class ExprContext { Load, Store };
enum class UnaryOpKind { Invert, Not, UAdd, USub };
enum class BoolOpKind { And, Or };
// CPython's cmpop order: Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn.
enum class CmpOpKind { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

struct Expr;
using ExprPtr = std::unique_ptr<Expr>;

struct Keyword {
  std::string arg;
  ExprPtr value;
  NodeLocation loc;
};

struct Expr {
  ExprKind kind;
  NodeLocation loc;
  Object* value = nullptr;              // Constant (owned reference)
  std::string id;                       // Name
  ExprContext ctx = ExprContext::Load;  // Name, Tuple
  BinaryOp binop = BinaryOp::Add;       // BinOp
  UnaryOpKind unaryop = UnaryOpKind::Not;
  BoolOpKind boolop = BoolOpKind::And;
  ExprPtr left;                         // BinOp left, UnaryOp operand, Compare left, Call func, IfExp test
  ExprPtr right;                        // BinOp right, IfExp body
  ExprPtr orelse;                       // IfExp orelse
  std::vector<ExprPtr> elts;            // BoolOp values, Compare comparators, Call args, Tuple elts
  std::vector<CmpOpKind> ops;           // Compare
  std::vector<Keyword> keywords;        // Call
  bool parenthesized = false;
  // With parentheses, the span including them: CPython starts an enclosing node at the
  // first token it matched, so `(a + b) * c` begins at the '('.
  NodeLocation outer;

  Expr(ExprKind k, NodeLocation l) : kind(k), loc(l) {}
  ~Expr() { xdecref(value); }
  Expr(const Expr&) = delete;
  Expr& operator=(const Expr&) = delete;
};

enum class StmtKind { Expr, Assign, AugAssign, If, While, Pass, Break, Continue };

struct Stmt;
using StmtPtr = std::unique_ptr<Stmt>;

struct Stmt {
  StmtKind kind;
  NodeLocation loc;
  std::vector<ExprPtr> targets;   // Assign targets; AugAssign target is targets[0]
  ExprPtr value;                  // Expr, Assign, AugAssign value; If/While test
  BinaryOp augop = BinaryOp::Add;
  std::vector<StmtPtr> body;
  std::vector<StmtPtr> orelse;

  Stmt(StmtKind k, NodeLocation l) : kind(k), loc(l) {}
};

struct Module {
  std::vector<StmtPtr> body;
};

}  // namespace terrarium
