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

TEST_CASE("match is a soft keyword: a statement only where one parses") {
  Module m;
  SyntaxErrorInfo err;
  REQUIRE(parse("match x:\n    case 1: pass\n    case [a, *rest] | (a, *rest): pass\n", m, err));
  REQUIRE(m.body.size() == 1);
  CHECK(m.body[0]->kind == StmtKind::Match);
  CHECK(m.body[0]->cases.size() == 2);
  CHECK(m.body[0]->cases[1].pattern->kind == PatternKind::MatchOr);
  Module calls;
  REQUIRE(parse("match = 1\nmatch(x)\nmatch[0] = 2\n", calls, err));
  CHECK(calls.body[1]->kind == StmtKind::Expr);
  CHECK_FALSE(parse("match x:\n    case y as _: pass\n", m, err));
  CHECK(err.message == "cannot use '_' as a target");
  CHECK_FALSE(parse("match x:\n    case C(a=1, 2): pass\n", m, err));
  CHECK(err.message == "positional patterns follow keyword patterns");
}

TEST_CASE("except* makes a TryStar and cannot be mixed with except") {
  Module m;
  SyntaxErrorInfo err;
  REQUIRE(parse("try:\n    pass\nexcept* E:\n    pass\n", m, err));
  CHECK(m.body[0]->kind == StmtKind::TryStar);
  CHECK_FALSE(parse("try:\n    pass\nexcept* E:\n    pass\nexcept F:\n    pass\n", m, err));
  CHECK(err.message == "cannot have both 'except' and 'except*' on the same 'try'");
  CHECK_FALSE(parse("try:\n    pass\nexcept*:\n    pass\n", m, err));
  CHECK(err.message == "expected one or more exception types");
}

TEST_CASE("function definitions keep every parameter kind") {
  Module m;
  SyntaxErrorInfo err;
  REQUIRE(parse("def f(a, /, b=1, *args, c, d=2, **kw) -> int:\n    return a\n", m, err));
  const Stmt& f = *m.body[0];
  REQUIRE(f.kind == StmtKind::FunctionDef);
  CHECK(f.args->posonlyargs.size() == 1);
  CHECK(f.args->args.size() == 1);
  CHECK(f.args->defaults.size() == 1);
  REQUIRE(f.args->vararg);
  CHECK(f.args->vararg->name == "args");
  CHECK(f.args->kwonlyargs.size() == 2);
  CHECK(f.args->kw_defaults[0] == nullptr);
  REQUIRE(f.args->kwarg);
  CHECK(f.annotation);
  CHECK_FALSE(parse("def f(a=1, b): pass\n", m, err));
  CHECK(err.message == "non-default argument follows default argument");
}

TEST_CASE("attributes, subscripts, slices and displays") {
  Module m;
  SyntaxErrorInfo err;
  REQUIRE(parse("x.y[1:2, ::3] = [a, *b], {c: d, **e}\n", m, err));
  const Stmt& s = *m.body[0];
  REQUIRE(s.kind == StmtKind::Assign);
  const Expr& target = *s.targets[0];
  REQUIRE(target.kind == ExprKind::Subscript);
  CHECK(target.ctx == ExprContext::Store);
  CHECK(target.left->kind == ExprKind::Attribute);
  REQUIRE(target.right->kind == ExprKind::Tuple);
  CHECK(target.right->elts[0]->kind == ExprKind::Slice);
  const Expr& value = *s.value;
  REQUIRE(value.kind == ExprKind::Tuple);
  CHECK(value.elts[0]->elts[1]->kind == ExprKind::Starred);
  CHECK(value.elts[1]->elts[1] == nullptr);  // the ** entry of a dict has no key
}

TEST_CASE("f-strings split into literal parts and formatted fields") {
  Module m;
  SyntaxErrorInfo err;
  REQUIRE(parse("f'a{x!r:>{w}}b{{c}}'\n", m, err));
  const Expr& j = *m.body[0]->value;
  REQUIRE(j.kind == ExprKind::JoinedStr);
  REQUIRE(j.elts.size() == 3);
  CHECK(j.elts[1]->kind == ExprKind::FormattedValue);
  CHECK(j.elts[1]->conversion == 'r');
  REQUIRE(j.elts[1]->right);
  CHECK(j.elts[1]->right->kind == ExprKind::JoinedStr);
}
