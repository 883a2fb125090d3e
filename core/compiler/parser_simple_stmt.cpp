// Simple statements (CPython's simple_stmt): assignments, return/raise/global/del/assert
// and imports, and the dispatch from a line to its statement rule.
#include "compiler/parser_internal.hpp"

namespace terrarium {

void Parser::statement(std::vector<StmtPtr>& out) {
  const Token& t = cur();
  if (t.kind == TokenKind::Indent) invalid_syntax();
  if (t.kind == TokenKind::Name) {
    if (t.text == "if") return out.push_back(if_statement());
    if (t.text == "while") return out.push_back(while_statement());
    if (t.text == "for") return out.push_back(for_statement());
    if (t.text == "def") return out.push_back(function_def({}));
    if (t.text == "class") return out.push_back(class_def({}));
    if (t.text == "try") return out.push_back(try_statement());
    if (t.text == "with") return out.push_back(with_statement());
    if (t.text == "async") return out.push_back(async_statement({}));
    if (t.text == "match" && looks_like_match()) unsupported("'match' statements are", t);
  }
  if (t.kind == TokenKind::Op && t.text == "@") return out.push_back(decorated());
  simple_statements(out);
}

void Parser::simple_statements(std::vector<StmtPtr>& out) {
  out.push_back(simple_statement());
  while (at_op(";")) {
    advance();
    if (at(TokenKind::Newline)) break;
    out.push_back(simple_statement());
  }
  if (!at(TokenKind::Newline)) invalid_syntax();
  advance();
}

StmtPtr Parser::simple_statement() {
  const Token& t = cur();
  if (t.kind == TokenKind::Name) {
    if (t.text == "pass") { advance(); return std::make_unique<Stmt>(StmtKind::Pass, token_loc(t)); }
    if (t.text == "break") { advance(); return std::make_unique<Stmt>(StmtKind::Break, token_loc(t)); }
    if (t.text == "continue") { advance(); return std::make_unique<Stmt>(StmtKind::Continue, token_loc(t)); }
    if (t.text == "return") return return_statement();
    if (t.text == "raise") return raise_statement();
    if (t.text == "global" || t.text == "nonlocal") return global_statement();
    if (t.text == "del") return del_statement();
    if (t.text == "assert") return assert_statement();
    if (t.text == "import") return import_statement();
    if (t.text == "from") return from_import_statement();
  }
  ExprPtr first = at_keyword("yield") ? yield_expression() : star_expressions();
  if (at_op("=")) return assignment(std::move(first));
  if (cur().kind == TokenKind::Op && cur().text.size() >= 2 && cur().text.back() == '=' &&
      cur().text != "==" && cur().text != "<=" && cur().text != ">=" && cur().text != "!=")
    return aug_assignment(std::move(first));
  if (at_op(":")) return annotated_assignment(std::move(first));
  auto s = std::make_unique<Stmt>(StmtKind::Expr, extent(first));
  s->value = std::move(first);
  return s;
}

StmtPtr Parser::assignment(ExprPtr first) {
  auto s = std::make_unique<Stmt>(StmtKind::Assign, extent(first));
  s->targets.push_back(std::move(first));
  ExprPtr value;
  while (at_op("=")) {
    advance();
    value = at_keyword("yield") ? yield_expression() : star_expressions();
    if (at_op("=")) s->targets.push_back(std::move(value));
  }
  for (auto& target : s->targets) check_target(*target, false);
  s->loc = span(extent(s->targets.front()), extent(value));
  s->value = std::move(value);
  return s;
}

StmtPtr Parser::aug_assignment(ExprPtr target) {
  static const std::pair<const char*, BinaryOp> kAugOps[] = {
      {"+=", BinaryOp::InplaceAdd}, {"-=", BinaryOp::InplaceSubtract}, {"*=", BinaryOp::InplaceMultiply},
      {"/=", BinaryOp::InplaceTrueDivide}, {"//=", BinaryOp::InplaceFloorDivide},
      {"%=", BinaryOp::InplaceRemainder}, {"**=", BinaryOp::InplacePower}, {"@=", BinaryOp::InplaceMatrixMultiply},
      {"&=", BinaryOp::InplaceAnd}, {"|=", BinaryOp::InplaceOr}, {"^=", BinaryOp::InplaceXor},
      {"<<=", BinaryOp::InplaceLshift}, {">>=", BinaryOp::InplaceRshift}};
  const Token& op = cur();
  BinaryOp kind = BinaryOp::InplaceAdd;
  bool found = false;
  for (auto& [text, k] : kAugOps)
    if (op.text == text) kind = k, found = true;
  if (!found) invalid_syntax();
  check_target(*target, true);
  advance();
  auto s = std::make_unique<Stmt>(StmtKind::AugAssign, extent(target));
  ExprPtr value = star_expressions();
  s->loc = span(extent(target), extent(value));
  s->augop = kind;
  s->targets.push_back(std::move(target));
  s->value = std::move(value);
  return s;
}

StmtPtr Parser::annotated_assignment(ExprPtr target) {
  advance();  // ':'
  if (target->kind != ExprKind::Name && target->kind != ExprKind::Attribute && target->kind != ExprKind::Subscript) {
    if (target->kind == ExprKind::Tuple) fail("only single target (not tuple) can be annotated", target->loc);
    if (target->kind == ExprKind::List) fail("only single target (not list) can be annotated", target->loc);
    fail("illegal target for annotation", target->loc);
  }
  auto s = std::make_unique<Stmt>(StmtKind::AnnAssign, target->loc);
  s->simple = target->kind == ExprKind::Name && !target->parenthesized;
  check_target(*target, false);
  s->annotation = expression();
  NodeLocation end = extent(s->annotation);
  if (at_op("=")) {
    advance();
    s->value = at_keyword("yield") ? yield_expression() : star_expressions();
    end = extent(s->value);
  }
  s->loc = span(extent(target), end);
  s->targets.push_back(std::move(target));
  return s;
}

StmtPtr Parser::return_statement() {
  const Token& kw = advance();
  auto s = std::make_unique<Stmt>(StmtKind::Return, token_loc(kw));
  if (!at(TokenKind::Newline) && !at_op(";")) {
    s->value = star_expressions();
    s->loc = span(token_loc(kw), extent(s->value));
  }
  return s;
}

StmtPtr Parser::raise_statement() {
  const Token& kw = advance();
  auto s = std::make_unique<Stmt>(StmtKind::Raise, token_loc(kw));
  if (!at(TokenKind::Newline) && !at_op(";")) {
    s->value = expression();
    s->loc = span(token_loc(kw), extent(s->value));
    if (at_keyword("from")) {
      advance();
      s->cause = expression();
      s->loc = span(token_loc(kw), extent(s->cause));
    }
  }
  return s;
}

StmtPtr Parser::global_statement() {
  const Token& kw = advance();
  auto s = std::make_unique<Stmt>(kw.text == "global" ? StmtKind::Global : StmtKind::Nonlocal, token_loc(kw));
  for (;;) {
    if (!at(TokenKind::Name) || is_keyword(cur())) invalid_syntax();
    const Token& name = advance();
    s->names.push_back(name.text);
    s->loc = span(token_loc(kw), token_loc(name));
    if (!at_op(",")) break;
    advance();
  }
  return s;
}

StmtPtr Parser::del_statement() {
  const Token& kw = advance();
  auto s = std::make_unique<Stmt>(StmtKind::Delete, token_loc(kw));
  for (;;) {
    ExprPtr target = bitwise_or_primary_target();
    check_target(*target, false, ExprContext::Del);
    s->loc = span(token_loc(kw), extent(target));
    s->targets.push_back(std::move(target));
    if (!at_op(",")) break;
    advance();
    if (at(TokenKind::Newline) || at_op(";")) break;
  }
  return s;
}

StmtPtr Parser::assert_statement() {
  const Token& kw = advance();
  auto s = std::make_unique<Stmt>(StmtKind::Assert, token_loc(kw));
  s->value = expression();
  s->loc = span(token_loc(kw), extent(s->value));
  if (at_op(",")) {
    advance();
    s->cause = expression();
    s->loc = span(token_loc(kw), extent(s->cause));
  }
  return s;
}

std::string Parser::dotted_name(NodeLocation& end) {
  if (!at(TokenKind::Name) || is_keyword(cur())) invalid_syntax();
  std::string name = advance().text;
  end = token_loc(toks_[pos_ - 1]);
  while (at_op(".")) {
    advance();
    if (!at(TokenKind::Name) || is_keyword(cur())) invalid_syntax();
    name += "." + advance().text;
    end = token_loc(toks_[pos_ - 1]);
  }
  return name;
}

StmtPtr Parser::import_statement() {
  const Token& kw = advance();
  auto s = std::make_unique<Stmt>(StmtKind::Import, token_loc(kw));
  for (;;) {
    Alias a;
    NodeLocation end;
    NodeLocation start = token_loc(cur());
    a.name = dotted_name(end);
    if (at_keyword("as")) {
      advance();
      if (!at(TokenKind::Name) || is_keyword(cur())) invalid_syntax();
      a.asname = advance().text;
      end = token_loc(toks_[pos_ - 1]);
    }
    a.loc = span(start, end);
    s->loc = span(token_loc(kw), end);
    s->aliases.push_back(std::move(a));
    if (!at_op(",")) break;
    advance();
  }
  return s;
}

StmtPtr Parser::from_import_statement() {
  const Token& kw = advance();
  auto s = std::make_unique<Stmt>(StmtKind::ImportFrom, token_loc(kw));
  while (at_op(".") || at_op("...")) s->level += static_cast<int>(advance().text.size());
  NodeLocation end;
  if (!at_keyword("import")) s->name = dotted_name(end);
  if (!at_keyword("import")) fail("invalid syntax", cur());
  advance();
  bool parens = at_op("(");
  if (parens) advance();
  if (at_op("*")) {
    const Token& star = advance();
    Alias a;
    a.name = "*";
    a.loc = token_loc(star);
    s->aliases.push_back(std::move(a));
    s->loc = span(token_loc(kw), token_loc(star));
  } else {
    for (;;) {
      if (!at(TokenKind::Name) || is_keyword(cur())) invalid_syntax();
      const Token& n = advance();
      Alias a;
      a.name = n.text;
      NodeLocation aend = token_loc(n);
      if (at_keyword("as")) {
        advance();
        if (!at(TokenKind::Name) || is_keyword(cur())) invalid_syntax();
        a.asname = advance().text;
        aend = token_loc(toks_[pos_ - 1]);
      }
      a.loc = span(token_loc(n), aend);
      s->loc = span(token_loc(kw), aend);
      s->aliases.push_back(std::move(a));
      if (!at_op(",")) break;
      advance();
      if (parens && at_op(")")) break;
    }
  }
  if (parens) {
    if (!at_op(")")) invalid_syntax();
    s->loc = span(token_loc(kw), token_loc(advance()));
  }
  return s;
}

}  // namespace terrarium
