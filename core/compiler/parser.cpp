// The parser's entry point and the rules shared by statements: blocks and assignment
// targets (CPython's invalid_assignment messages).
#include "compiler/parser_internal.hpp"

#include "compiler/parser.hpp"
#include "compiler/tokenizer.hpp"

namespace terrarium {

// block: NEWLINE INDENT statements DEDENT | simple_stmts
void Parser::block(std::vector<StmtPtr>& out, const std::string& owner, int owner_line) {
  if (!at(TokenKind::Newline)) {
    simple_statements(out);
    return;
  }
  advance();
  if (!at(TokenKind::Indent))
    fail_at("expected an indented block after " + owner + " on line " + std::to_string(owner_line), cur().lineno,
            cur().col, 0, 0, "IndentationError");
  advance();
  while (!at(TokenKind::Dedent) && !at(TokenKind::EndMarker)) statement(out);
  if (at(TokenKind::Dedent)) advance();
}

void Parser::expect_colon() {
  if (!at_op(":")) fail("expected ':'", cur());
  advance();
}

// CPython's invalid_assignment rule: what a target may not be, with its messages.
void Parser::check_target(Expr& e, bool augmented, ExprContext ctx) {
  switch (e.kind) {
    case ExprKind::Name:
      if (e.id == "__debug__") fail("cannot assign to __debug__", e.loc);
      e.ctx = ctx;
      return;
    case ExprKind::Attribute:
    case ExprKind::Subscript:
      e.ctx = ctx;
      return;
    case ExprKind::Tuple:
    case ExprKind::List:
      if (augmented)
        fail(std::string("'") + (e.kind == ExprKind::Tuple ? "tuple" : "list") +
                 "' is an illegal expression for augmented assignment", e.loc);
      e.ctx = ctx;
      for (auto& x : e.elts) check_target(*x, false, ctx);
      return;
    case ExprKind::Starred:
      if (augmented || ctx == ExprContext::Del) break;
      e.ctx = ctx;
      check_target(*e.left, false, ctx);
      return;
    default: break;
  }
  if (ctx == ExprContext::Del) fail("cannot delete " + describe(e), e.loc);
  if (e.kind == ExprKind::Constant && (e.value == py_true() || e.value == py_false() || e.value == py_none())) {
    std::string r = e.value == py_none() ? "None" : e.value == py_true() ? "True" : "False";
    fail("cannot assign to " + r, e.loc);
  }
  std::string what = describe(e);
  if (augmented) fail("'" + what + "' is an illegal expression for augmented assignment", e.loc);
  fail("cannot assign to " + what + " here. Maybe you meant '==' instead of '='?", e.loc);
}

std::string Parser::describe(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Constant: return "literal";
    case ExprKind::Call: return "function call";
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::JoinedStr: return "f-string expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Yield: case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    default: return "expression";
  }
}

// Targets of `for` and comprehensions: a tuple of primaries without the `in` operator.
ExprPtr Parser::star_targets() {
  no_in_ = true;
  ExprPtr first = at_op("*") ? starred_expression() : bitwise_or();
  if (!at_op(",")) {
    no_in_ = false;
    return first;
  }
  auto tuple = make(ExprKind::Tuple, first->loc);
  tuple->elts.push_back(std::move(first));
  while (at_op(",")) {
    advance();
    if (at_keyword("in") || at_op("=")) break;
    tuple->elts.push_back(at_op("*") ? starred_expression() : bitwise_or());
  }
  no_in_ = false;
  tuple->loc = span(extent(tuple->elts.front()), extent(tuple->elts.back()));
  return tuple;
}

bool parse_module(ThreadState* ts, std::string_view source, Module& out, SyntaxErrorInfo& error) {
  std::vector<Token> tokens;
  if (!tokenize(source, tokens, error)) return false;
  return Parser(ts, source, tokens, error).parse(out);
}

}  // namespace terrarium
