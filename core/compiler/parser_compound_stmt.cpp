// Compound statements (CPython's compound_stmt): if/while/for/try/with, def and class
// with their decorators.
#include "compiler/parser_internal.hpp"

namespace terrarium {

StmtPtr Parser::if_statement() {
  const Token& kw = advance();  // 'if' or 'elif'
  auto s = std::make_unique<Stmt>(StmtKind::If, token_loc(kw));
  s->value = named_expression();
  expect_colon();
  block(s->body, "'" + kw.text + "' statement", kw.lineno);
  if (at_keyword("elif")) {
    s->orelse.push_back(if_statement());
  } else if (at_keyword("else")) {
    const Token& e = advance();
    expect_colon();
    block(s->orelse, "'else' statement", e.lineno);
  }
  const NodeLocation& last = s->orelse.empty() ? s->body.back()->loc : s->orelse.back()->loc;
  s->loc = span(s->loc, last);
  return s;
}

StmtPtr Parser::while_statement() {
  const Token& kw = advance();
  auto s = std::make_unique<Stmt>(StmtKind::While, token_loc(kw));
  s->value = named_expression();
  expect_colon();
  block(s->body, "'while' statement", kw.lineno);
  if (at_keyword("else")) {
    const Token& e = advance();
    expect_colon();
    block(s->orelse, "'else' statement", e.lineno);
  }
  const NodeLocation& last = s->orelse.empty() ? s->body.back()->loc : s->orelse.back()->loc;
  s->loc = span(s->loc, last);
  return s;
}

bool Parser::looks_like_match() const {
  // `match` is a soft keyword: a statement only when followed by a subject and ':'.
  const Token& next = ahead(1);
  if (next.kind == TokenKind::Newline || (next.kind == TokenKind::Op && (next.text == "=" || next.text == "." ||
                                                                         next.text == "(" || next.text == "[" ||
                                                                         next.text == ",")))
    return false;
  for (std::size_t i = pos_ + 1; i < toks_.size() && toks_[i].kind != TokenKind::Newline; ++i)
    if (toks_[i].kind == TokenKind::Op && toks_[i].text == ":" && i + 1 < toks_.size() &&
        toks_[i + 1].kind == TokenKind::Newline)
      return true;
  return false;
}

StmtPtr Parser::decorated() {
  std::vector<ExprPtr> decorators;
  while (at_op("@")) {
    advance();
    decorators.push_back(named_expression());
    if (!at(TokenKind::Newline)) invalid_syntax();
    advance();
  }
  if (at_keyword("def")) return function_def(std::move(decorators));
  if (at_keyword("class")) return class_def(std::move(decorators));
  if (at_keyword("async")) return async_statement(std::move(decorators));
  invalid_syntax();
}

// async def / async for / async with: the statement, marked asynchronous.
StmtPtr Parser::async_statement(std::vector<ExprPtr> decorators) {
  const Token& kw = advance();  // 'async'
  StmtPtr s;
  if (at_keyword("def")) s = function_def(std::move(decorators));
  else if (!decorators.empty()) invalid_syntax();
  else if (at_keyword("for")) s = for_statement();
  else if (at_keyword("with")) s = with_statement();
  else invalid_syntax();
  s->is_async = true;
  s->loc = span(token_loc(kw), s->loc);
  return s;
}

StmtPtr Parser::function_def(std::vector<ExprPtr> decorators) {
  const Token& kw = advance();  // 'def'
  if (!at(TokenKind::Name) || is_keyword(cur())) invalid_syntax();
  auto s = std::make_unique<Stmt>(StmtKind::FunctionDef, token_loc(kw));
  s->name = advance().text;
  if (!at_op("(")) fail("expected '('", cur());
  advance();
  s->args = parameters(false, ")");
  if (!at_op(")")) invalid_syntax();
  advance();
  if (at_op("->")) {
    advance();
    s->annotation = expression();
  }
  expect_colon();
  block(s->body, "function definition", kw.lineno);
  s->decorators = std::move(decorators);
  s->loc = span(s->loc, s->body.back()->loc);
  return s;
}

StmtPtr Parser::class_def(std::vector<ExprPtr> decorators) {
  const Token& kw = advance();  // 'class'
  if (!at(TokenKind::Name) || is_keyword(cur())) invalid_syntax();
  auto s = std::make_unique<Stmt>(StmtKind::ClassDef, token_loc(kw));
  s->name = advance().text;
  if (at_op("(")) {
    auto call = make(ExprKind::Call, token_loc(cur()));
    call->left = make(ExprKind::Name, token_loc(cur()));
    call_arguments(*call);
    s->bases = std::move(call->elts);
    s->keywords = std::move(call->keywords);
  }
  expect_colon();
  block(s->body, "class definition", kw.lineno);
  s->decorators = std::move(decorators);
  s->loc = span(s->loc, s->body.back()->loc);
  return s;
}

StmtPtr Parser::for_statement() {
  const Token& kw = advance();
  auto s = std::make_unique<Stmt>(StmtKind::For, token_loc(kw));
  ExprPtr target = star_targets();
  check_target(*target, false);
  if (!at_keyword("in")) fail("invalid syntax", cur());
  advance();
  s->value = star_expressions();
  expect_colon();
  block(s->body, "'for' statement", kw.lineno);
  if (at_keyword("else")) {
    const Token& e = advance();
    expect_colon();
    block(s->orelse, "'else' statement", e.lineno);
  }
  s->targets.push_back(std::move(target));
  const NodeLocation& last = s->orelse.empty() ? s->body.back()->loc : s->orelse.back()->loc;
  s->loc = span(s->loc, last);
  return s;
}

StmtPtr Parser::try_statement() {
  const Token& kw = advance();
  auto s = std::make_unique<Stmt>(StmtKind::Try, token_loc(kw));
  expect_colon();
  block(s->body, "'try' statement", kw.lineno);
  while (at_keyword("except")) {
    const Token& ex = advance();
    if (at_op("*")) unsupported("'except*' is", cur());
    ExceptHandler h;
    h.loc = token_loc(ex);
    if (!at_op(":")) {
      h.type = expression();
      if (at_op(",")) {
        // except A, B: -> CPython's message asks for parentheses.
        fail_at("multiple exception types must be parenthesized", h.type->loc.lineno, h.type->loc.col_offset,
                h.type->loc.end_lineno, h.type->loc.end_col_offset);
      }
      if (at_keyword("as")) {
        advance();
        if (!at(TokenKind::Name) || is_keyword(cur())) invalid_syntax();
        h.name = advance().text;
      }
    }
    expect_colon();
    block(h.body, "'except' statement", ex.lineno);
    h.loc = span(h.loc, h.body.back()->loc);
    s->handlers.push_back(std::move(h));
  }
  if (at_keyword("else")) {
    const Token& e = advance();
    if (s->handlers.empty()) invalid_syntax();
    expect_colon();
    block(s->orelse, "'else' statement", e.lineno);
  }
  if (at_keyword("finally")) {
    const Token& f = advance();
    expect_colon();
    block(s->finalbody, "'finally' statement", f.lineno);
  }
  if (s->handlers.empty() && s->finalbody.empty()) fail("expected 'except' or 'finally' block", cur());
  const NodeLocation& last = !s->finalbody.empty() ? s->finalbody.back()->loc
                             : !s->orelse.empty()  ? s->orelse.back()->loc
                                                   : s->handlers.back().loc;
  s->loc = span(s->loc, last);
  return s;
}

StmtPtr Parser::with_statement() {
  const Token& kw = advance();
  auto s = std::make_unique<Stmt>(StmtKind::With, token_loc(kw));
  bool parens = false;
  // `with (a as b, c as d):` — parenthesised items (3.10+), told apart from a tuple by `as`.
  if (at_op("(")) {
    int depth = 0;
    std::size_t i = pos_;
    bool has_as = false;
    for (; i < toks_.size(); ++i) {
      const Token& t = toks_[i];
      if (t.kind == TokenKind::Op && (t.text == "(" || t.text == "[" || t.text == "{")) ++depth;
      else if (t.kind == TokenKind::Op && (t.text == ")" || t.text == "]" || t.text == "}")) {
        if (--depth == 0) break;
      } else if (depth == 1 && t.kind == TokenKind::Name && t.text == "as") has_as = true;
    }
    parens = has_as && i + 1 < toks_.size() && toks_[i + 1].kind == TokenKind::Op && toks_[i + 1].text == ":";
    if (parens) advance();
  }
  for (;;) {
    WithItem item;
    item.context_expr = expression();
    if (at_keyword("as")) {
      advance();
      // A single target: `with a as x, b as y` binds x and y, not a tuple.
      item.optional_vars = at_op("*") ? starred_expression() : bitwise_or();
      check_target(*item.optional_vars, false);
    }
    s->items.push_back(std::move(item));
    if (!at_op(",")) break;
    advance();
    if (parens && at_op(")")) break;
  }
  if (parens) {
    if (!at_op(")")) invalid_syntax();
    advance();
  }
  expect_colon();
  block(s->body, "'with' statement", kw.lineno);
  s->loc = span(s->loc, s->body.back()->loc);
  return s;
}

}  // namespace terrarium
