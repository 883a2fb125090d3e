// Guards core/compiler/parser.cpp: precedence, node positions, and rejections.
#include <catch2/catch.hpp>

#include "compiler/parser.hpp"
#include "objects/int.hpp"
#include "vm/thread_state.hpp"

using namespace terrarium;

namespace {
bool parse(const std::string& src, Module& m, SyntaxErrorInfo& err) {
  ThreadState ts;
  return parse_module(&ts, src, m, err);
}
}  // namespace

TEST_CASE("binary operators bind by CPython's precedence") {
  Module m;
  SyntaxErrorInfo err;
  REQUIRE(parse("x = 1 + 2 * 3 ** 2\n", m, err));
  const Expr& v = *m.body[0]->value;
  REQUIRE(v.kind == ExprKind::BinOp);
  CHECK(v.binop == BinaryOp::Add);
  REQUIRE(v.right->kind == ExprKind::BinOp);
  CHECK(v.right->binop == BinaryOp::Multiply);
  CHECK(v.right->right->binop == BinaryOp::Power);
}

TEST_CASE("power is right-associative and binds tighter than unary minus on its left") {
  Module m;
  SyntaxErrorInfo err;
  REQUIRE(parse("-2 ** 2 ** 3\n", m, err));
  const Expr& v = *m.body[0]->value;
  REQUIRE(v.kind == ExprKind::UnaryOp);
  REQUIRE(v.left->kind == ExprKind::BinOp);
  CHECK(v.left->right->kind == ExprKind::BinOp);
}

TEST_CASE("chained comparisons form one Compare node") {
  Module m;
  SyntaxErrorInfo err;
  REQUIRE(parse("a < b <= c is not d not in e\n", m, err));
  const Expr& v = *m.body[0]->value;
  REQUIRE(v.kind == ExprKind::Compare);
  CHECK(v.ops == std::vector<CmpOpKind>{CmpOpKind::Lt, CmpOpKind::LtE, CmpOpKind::IsNot, CmpOpKind::NotIn});
}

TEST_CASE("node positions are CPython's byte columns, parentheses start the enclosing node") {
  Module m;
  SyntaxErrorInfo err;
  REQUIRE(parse("y = (a + b) * c\n", m, err));
  const Expr& v = *m.body[0]->value;
  CHECK(v.loc.col_offset == 4);
  CHECK(v.loc.end_col_offset == 15);
  CHECK(v.left->loc.col_offset == 5);  // the inner node itself excludes the parentheses
}

TEST_CASE("keyword arguments and calls") {
  Module m;
  SyntaxErrorInfo err;
  REQUIRE(parse("print(1, 2, sep='-', end='')\n", m, err));
  const Expr& call = *m.body[0]->value;
  REQUIRE(call.kind == ExprKind::Call);
  CHECK(call.elts.size() == 2);
  REQUIRE(call.keywords.size() == 2);
  CHECK(call.keywords[1].arg == "end");
}

TEST_CASE("syntax errors name the problem as CPython does") {
  Module m;
  SyntaxErrorInfo err;
  CHECK_FALSE(parse("if x\n    pass\n", m, err));
  CHECK(err.message == "expected ':'");
  CHECK_FALSE(parse("f() = 3\n", m, err));
  CHECK(err.message == "cannot assign to function call here. Maybe you meant '==' instead of '='?");
  CHECK_FALSE(parse("print(a=1, 2)\n", m, err));
  CHECK(err.message == "positional argument follows keyword argument");
  CHECK_FALSE(parse("x = 1\n  y = 2\n", m, err));
  CHECK(err.type == "IndentationError");
  CHECK(err.message == "unexpected indent");
}

TEST_CASE("constructs not supported yet are refused by name") {
  Module m;
  SyntaxErrorInfo err;
  CHECK_FALSE(parse("class A: pass\n", m, err));
  CHECK(err.message == "'class' statements are not supported yet");
  CHECK_FALSE(parse("x = [1, 2]\n", m, err));
  CHECK(err.message == "list displays are not supported yet");
  CHECK_FALSE(parse("x.y = 1\n", m, err));
  CHECK(err.message == "attribute access is not supported yet");
}
