// Expressions, from named expressions down to atoms, with CPython's precedence levels,
// comprehensions, calls and displays.
#include "compiler/parser_internal.hpp"

namespace terrarium {

ExprPtr Parser::named_expression() {
  if (at(TokenKind::Name) && ahead(1).kind == TokenKind::Op && ahead(1).text == ":=") {
    const Token& name = advance();
    if (is_keyword(name)) invalid_syntax();
    advance();  // ':='
    ExprPtr value = expression();
    auto target = make(ExprKind::Name, token_loc(name));
    target->id = name.text;
    target->ctx = ExprContext::Store;
    auto e = make(ExprKind::NamedExpr, span(token_loc(name), extent(value)));
    e->left = std::move(target);
    e->right = std::move(value);
    return e;
  }
  ExprPtr e = expression();
  if (at_op(":=")) fail("cannot use assignment expressions with " + describe(*e), e->loc);
  return e;
}

ExprPtr Parser::starred_expression() {
  const Token& star = advance();  // '*'
  ExprPtr value = bitwise_or();
  auto e = make(ExprKind::Starred, span(token_loc(star), extent(value)));
  e->left = std::move(value);
  return e;
}

// star_expressions: (expression | *expr) (',' ...)* [','] -> a Tuple when there is a comma
ExprPtr Parser::star_expressions() {
  ExprPtr first = at_op("*") ? starred_expression() : expression();
  if (!at_op(",")) return first;
  auto tuple = make(ExprKind::Tuple, first->loc);
  tuple->elts.push_back(std::move(first));
  while (at_op(",")) {
    advance();
    if (!starts_expression()) break;
    tuple->elts.push_back(at_op("*") ? starred_expression() : expression());
  }
  tuple->loc = span(extent(tuple->elts.front()), extent(tuple->elts.back()));
  return tuple;
}

ExprPtr Parser::yield_expression() {
  const Token& kw = advance();  // 'yield'
  if (at_keyword("from")) {
    advance();
    ExprPtr value = expression();
    auto e = make(ExprKind::YieldFrom, span(token_loc(kw), extent(value)));
    e->left = std::move(value);
    return e;
  }
  auto e = make(ExprKind::Yield, token_loc(kw));
  if (starts_expression()) {
    e->left = star_expressions();
    e->loc = span(token_loc(kw), extent(e->left));
  }
  return e;
}

bool Parser::starts_expression() const {
  const Token& t = cur();
  switch (t.kind) {
    case TokenKind::Name:
      return !is_keyword(t) || t.text == "True" || t.text == "False" || t.text == "None" || t.text == "not" ||
             t.text == "lambda" || t.text == "await";
    case TokenKind::Number:
    case TokenKind::String:
      return true;
    case TokenKind::Op:
      return t.text == "(" || t.text == "[" || t.text == "{" || t.text == "-" || t.text == "+" ||
             t.text == "~" || t.text == "..." || t.text == "*";
    default:
      return false;
  }
}

ExprPtr Parser::expression() {
  DepthGuard guard(*this, 1);
  if (at_keyword("lambda")) return lambda();
  ExprPtr body = disjunction();
  if (!at_keyword("if")) return body;
  advance();
  ExprPtr test = disjunction();
  if (!at_keyword("else")) fail("expected 'else' after 'if' expression", cur());
  advance();
  ExprPtr orelse = expression();
  auto e = make(ExprKind::IfExp, span(extent(body), extent(orelse)));
  e->left = std::move(test);
  e->right = std::move(body);
  e->orelse = std::move(orelse);
  return e;
}

ExprPtr Parser::lambda() {
  DepthGuard guard(*this, 2);
  const Token& kw = advance();
  auto e = make(ExprKind::Lambda, token_loc(kw));
  e->args = parameters(true, ":");
  expect_colon();
  e->left = expression();
  e->loc = span(token_loc(kw), extent(e->left));
  return e;
}

ExprPtr Parser::bool_chain(BoolOpKind kind, const char* keyword, ExprPtr (Parser::*operand)()) {
  ExprPtr first = (this->*operand)();
  if (!at_keyword(keyword)) return first;
  auto e = make(ExprKind::BoolOp, first->loc);
  e->boolop = kind;
  e->elts.push_back(std::move(first));
  while (at_keyword(keyword)) {
    advance();
    e->elts.push_back((this->*operand)());
  }
  e->loc = span(extent(e->elts.front()), extent(e->elts.back()));
  return e;
}

ExprPtr Parser::inversion() {
  DepthGuard guard(*this, 1);
  if (!at_keyword("not")) return comparison();
  const Token& kw = advance();
  ExprPtr operand = inversion();
  auto e = make(ExprKind::UnaryOp, span(token_loc(kw), extent(operand)));
  e->unaryop = UnaryOpKind::Not;
  e->left = std::move(operand);
  return e;
}

bool Parser::comparison_operator(CmpOpKind& kind) {
  const Token& t = cur();
  if (t.kind == TokenKind::Op) {
    static const std::pair<const char*, CmpOpKind> kOps[] = {
        {"==", CmpOpKind::Eq}, {"!=", CmpOpKind::NotEq}, {"<", CmpOpKind::Lt},
        {"<=", CmpOpKind::LtE}, {">", CmpOpKind::Gt}, {">=", CmpOpKind::GtE}};
    for (auto& [text, k] : kOps)
      if (t.text == text) { kind = k; advance(); return true; }
    return false;
  }
  if (t.kind != TokenKind::Name) return false;
  if (t.text == "in" && !no_in_) { kind = CmpOpKind::In; advance(); return true; }
  if (t.text == "not" && ahead(1).kind == TokenKind::Name && ahead(1).text == "in") {
    kind = CmpOpKind::NotIn; pos_ += 2; return true;
  }
  if (t.text == "is") {
    advance();
    if (at_keyword("not")) { advance(); kind = CmpOpKind::IsNot; } else { kind = CmpOpKind::Is; }
    return true;
  }
  return false;
}

ExprPtr Parser::comparison() {
  ExprPtr left = bitwise_or();
  CmpOpKind kind;
  if (!comparison_operator(kind)) return left;
  auto e = make(ExprKind::Compare, left->loc);
  e->left = std::move(left);
  do {
    e->ops.push_back(kind);
    e->elts.push_back(bitwise_or());
  } while (comparison_operator(kind));
  e->loc = span(extent(e->left), extent(e->elts.back()));
  return e;
}

ExprPtr Parser::binary_level(int level) {
  static const BinaryLevel kLevels[] = {
      {{"|"}, {BinaryOp::Or}},
      {{"^"}, {BinaryOp::Xor}},
      {{"&"}, {BinaryOp::And}},
      {{"<<", ">>"}, {BinaryOp::Lshift, BinaryOp::Rshift}},
      {{"+", "-"}, {BinaryOp::Add, BinaryOp::Subtract}},
      {{"*", "/", "//", "%", "@"},
       {BinaryOp::Multiply, BinaryOp::TrueDivide, BinaryOp::FloorDivide, BinaryOp::Remainder,
        BinaryOp::MatrixMultiply}},
  };
  constexpr int kLevelCount = sizeof kLevels / sizeof kLevels[0];
  if (level == kLevelCount) return factor();
  ExprPtr left = binary_level(level + 1);
  for (;;) {
    const Token& t = cur();
    if (t.kind != TokenKind::Op) return left;
    int found = -1;
    for (int i = 0; i < 5 && kLevels[level].ops[i]; ++i)
      if (t.text == kLevels[level].ops[i]) found = i;
    if (found < 0) return left;
    advance();
    ExprPtr right = binary_level(level + 1);
    auto e = make(ExprKind::BinOp, span(extent(left), extent(right)));
    e->binop = kLevels[level].kinds[found];
    e->left = std::move(left);
    e->right = std::move(right);
    left = std::move(e);
  }
}

ExprPtr Parser::factor() {
  DepthGuard guard(*this, 1);
  const Token& t = cur();
  if (t.kind == TokenKind::Op && (t.text == "-" || t.text == "+" || t.text == "~")) {
    advance();
    ExprPtr operand = factor();
    auto e = make(ExprKind::UnaryOp, span(token_loc(t), extent(operand)));
    e->unaryop = t.text == "-" ? UnaryOpKind::USub : t.text == "+" ? UnaryOpKind::UAdd : UnaryOpKind::Invert;
    e->left = std::move(operand);
    return e;
  }
  return power();
}

ExprPtr Parser::power() {
  ExprPtr base;
  if (at_keyword("await")) {
    const Token& kw = advance();
    ExprPtr v = primary();
    base = make(ExprKind::Await, span(token_loc(kw), extent(v)));
    base->left = std::move(v);
  } else {
    base = primary();
  }
  if (!at_op("**")) return base;
  advance();
  ExprPtr exponent = factor();
  auto e = make(ExprKind::BinOp, span(extent(base), extent(exponent)));
  e->binop = BinaryOp::Power;
  e->left = std::move(base);
  e->right = std::move(exponent);
  return e;
}

ExprPtr Parser::primary() {
  ExprPtr e = atom();
  for (;;) {
    if (at_op("(")) {
      auto call = make(ExprKind::Call, extent(e));
      call->left = std::move(e);
      call_arguments(*call);
      e = std::move(call);
    } else if (at_op(".")) {
      advance();
      if (!at(TokenKind::Name) || is_keyword(cur())) invalid_syntax();
      const Token& name = advance();
      auto attr = make(ExprKind::Attribute, span(extent(e), token_loc(name)));
      attr->left = std::move(e);
      attr->id = name.text;
      e = std::move(attr);
    } else if (at_op("[")) {
      advance();
      ExprPtr index = subscript_list();
      if (!at_op("]")) invalid_syntax();
      const Token& close = advance();
      auto sub = make(ExprKind::Subscript, span(extent(e), token_loc(close)));
      sub->left = std::move(e);
      sub->right = std::move(index);
      e = std::move(sub);
    } else {
      return e;
    }
  }
}

// slices: slice (',' slice)* [','] -> one slice, or a Tuple of them
ExprPtr Parser::subscript_list() {
  ExprPtr first = slice_item();
  if (!at_op(",")) return first;
  auto tuple = make(ExprKind::Tuple, first->loc);
  tuple->elts.push_back(std::move(first));
  while (at_op(",")) {
    advance();
    if (at_op("]")) break;
    tuple->elts.push_back(slice_item());
  }
  tuple->loc = span(extent(tuple->elts.front()), extent(tuple->elts.back()));
  return tuple;
}

ExprPtr Parser::slice_item() {
  const Token& start = cur();
  ExprPtr lower;
  if (!at_op(":")) {
    lower = at_op("*") ? starred_expression() : named_expression();
    if (!at_op(":")) return lower;
  }
  advance();  // ':'
  auto s = make(ExprKind::Slice, token_loc(start));
  NodeLocation end = token_loc(toks_[pos_ - 1]);
  s->left = std::move(lower);
  if (!at_op(":") && !at_op("]") && !at_op(",")) {
    s->right = expression();
    end = extent(s->right);
  }
  if (at_op(":")) {
    end = token_loc(advance());
    if (!at_op("]") && !at_op(",")) {
      s->orelse = expression();
      end = extent(s->orelse);
    }
  }
  s->loc = span(token_loc(start), end);
  return s;
}

// Inside brackets, two expressions side by side: CPython suggests a missing comma.
[[noreturn]] void Parser::forgot_comma(const Expr& before) {
  ExprPtr next = expression();
  fail_at("invalid syntax. Perhaps you forgot a comma?", before.loc.lineno, before.loc.col_offset,
          next->loc.end_lineno, next->loc.end_col_offset);
}

// '(' args ')' for a call or a class's bases, filling elts and keywords.
void Parser::call_arguments(Expr& e) {
  const Token& open = advance();  // '('
  bool seen_kwunpack = false;
  Expr* bare_genexp = nullptr;  // f(x for x in y): the call's parentheses are the genexp's
  while (!at_op(")")) {
    if (at_op("*")) {
      if (seen_kwunpack) fail("iterable argument unpacking follows keyword argument unpacking", token_loc(cur()));
      e.elts.push_back(starred_expression());
    } else if (at_op("**")) {
      const Token& stars = advance();
      Keyword kw;
      kw.value = expression();
      kw.loc = span(token_loc(stars), extent(kw.value));
      e.keywords.push_back(std::move(kw));
      seen_kwunpack = true;
    } else if (cur().kind == TokenKind::Name && !is_keyword(cur()) && ahead(1).kind == TokenKind::Op &&
               ahead(1).text == "=") {
      const Token& name = advance();
      advance();  // '='
      ExprPtr value = expression();
      for (const Keyword& k : e.keywords)
        if (k.arg == name.text) fail("keyword argument repeated: " + name.text, token_loc(name));
      Keyword kw;
      kw.arg = name.text;
      kw.loc = span(token_loc(name), extent(value));
      kw.value = std::move(value);
      e.keywords.push_back(std::move(kw));
    } else {
      ExprPtr arg = named_expression();
      if (at_keyword("for") || at_keyword("async")) {
        arg = comprehension(ExprKind::GeneratorExp, std::move(arg), nullptr, token_loc(toks_[pos_ - 1]));
        if (!e.elts.empty() || !e.keywords.empty() || !at_op(")"))
          fail("Generator expression must be parenthesized", arg->loc);
        bare_genexp = arg.get();
      }
      if (!e.keywords.empty()) {
        if (seen_kwunpack) fail("positional argument follows keyword argument unpacking", arg->loc);
        fail("positional argument follows keyword argument", arg->loc);
      }
      if (starts_expression() && !at_op("*")) forgot_comma(*arg);
      e.elts.push_back(std::move(arg));
    }
    if (!at_op(",")) break;
    advance();
  }
  if (!at_op(")")) invalid_syntax();
  const Token& close = advance();
  e.loc = span(extent(e.left), token_loc(close));
  if (bare_genexp) bare_genexp->loc = span(open, close);
}

ExprPtr Parser::comprehension(ExprKind kind, ExprPtr elt, ExprPtr value, NodeLocation start) {
  auto e = make(kind, start);
  e->left = std::move(elt);
  e->right = std::move(value);
  while (at_keyword("for") || at_keyword("async")) {
    Comprehension c;
    if (at_keyword("async")) {
      advance();
      c.is_async = true;
    }
    if (!at_keyword("for")) invalid_syntax();
    advance();
    c.target = star_targets();
    check_target(*c.target, false);
    if (!at_keyword("in")) invalid_syntax();
    advance();
    c.iter = disjunction();
    while (at_keyword("if")) {
      advance();
      c.ifs.push_back(disjunction());
    }
    e->generators.push_back(std::move(c));
  }
  return e;
}

ExprPtr Parser::atom() {
  const Token& t = cur();
  switch (t.kind) {
    case TokenKind::Name:
      if (t.text == "True" || t.text == "False" || t.text == "None") {
        advance();
        Object* v = t.text == "None" ? py_none() : t.text == "True" ? py_true() : py_false();
        return constant(newref(v), token_loc(t));
      }
      if (is_keyword(t)) invalid_syntax();
      {
        advance();
        auto e = make(ExprKind::Name, token_loc(t));
        e->id = t.text;
        return e;
      }
    case TokenKind::Number:
      return number();
    case TokenKind::String:
      return strings();
    case TokenKind::Op:
      if (t.text == "(") return parenthesized();
      if (t.text == "[") return list_display();
      if (t.text == "{") return dict_or_set_display();
      if (t.text == "...") {
        advance();
        return constant(newref(py_ellipsis()), token_loc(t));
      }
      invalid_syntax();
    default:
      invalid_syntax();
  }
}

ExprPtr Parser::list_display() {
  const Token& open = advance();
  auto e = make(ExprKind::List, token_loc(open));
  if (!at_op("]")) {
    ExprPtr first = at_op("*") ? starred_expression() : named_expression();
    if (at_keyword("for") || at_keyword("async")) {
      e = comprehension(ExprKind::ListComp, std::move(first), nullptr, token_loc(open));
    } else {
      e->elts.push_back(std::move(first));
      while (at_op(",")) {
        advance();
        if (at_op("]")) break;
        e->elts.push_back(at_op("*") ? starred_expression() : named_expression());
      }
      if (starts_expression()) forgot_comma(*e->elts.back());
    }
  }
  if (!at_op("]")) invalid_syntax();
  e->loc = span(open, advance());
  return e;
}

ExprPtr Parser::dict_or_set_display() {
  const Token& open = advance();
  if (at_op("}")) {
    auto e = make(ExprKind::Dict, token_loc(open));
    e->loc = span(open, advance());
    return e;
  }
  ExprPtr e;
  if (at_op("**")) {
    advance();
    e = make(ExprKind::Dict, token_loc(open));
    e->elts.push_back(nullptr);
    e->values.push_back(bitwise_or());
  } else {
    ExprPtr first = at_op("*") ? starred_expression() : named_expression();
    if (at_op(":")) {
      advance();
      ExprPtr value = expression();
      if (at_keyword("for") || at_keyword("async")) {
        e = comprehension(ExprKind::DictComp, std::move(first), std::move(value), token_loc(open));
        if (!at_op("}")) invalid_syntax();
        e->loc = span(open, advance());
        return e;
      }
      e = make(ExprKind::Dict, token_loc(open));
      e->elts.push_back(std::move(first));
      e->values.push_back(std::move(value));
    } else if (at_keyword("for") || at_keyword("async")) {
      e = comprehension(ExprKind::SetComp, std::move(first), nullptr, token_loc(open));
      if (!at_op("}")) invalid_syntax();
      e->loc = span(open, advance());
      return e;
    } else {
      e = make(ExprKind::Set, token_loc(open));
      e->elts.push_back(std::move(first));
      while (at_op(",")) {
        advance();
        if (at_op("}")) break;
        e->elts.push_back(at_op("*") ? starred_expression() : named_expression());
      }
      if (!at_op("}")) invalid_syntax();
      e->loc = span(open, advance());
      return e;
    }
  }
  while (at_op(",")) {
    advance();
    if (at_op("}")) break;
    if (at_op("**")) {
      advance();
      e->elts.push_back(nullptr);
      e->values.push_back(bitwise_or());
      continue;
    }
    ExprPtr key = expression();
    if (!at_op(":")) invalid_syntax();
    advance();
    e->elts.push_back(std::move(key));
    e->values.push_back(expression());
  }
  if (!at_op("}")) invalid_syntax();
  e->loc = span(open, advance());
  return e;
}

ExprPtr Parser::parenthesized() {
  const Token& open = advance();
  if (at_op(")")) {
    const Token& close = advance();
    auto e = make(ExprKind::Tuple, span(open, close));
    return e;
  }
  ExprPtr first = at_keyword("yield") ? yield_expression() : at_op("*") ? starred_expression() : named_expression();
  if (at_keyword("for") || at_keyword("async")) {
    ExprPtr gen = comprehension(ExprKind::GeneratorExp, std::move(first), nullptr, token_loc(open));
    if (!at_op(")")) invalid_syntax();
    gen->loc = span(open, advance());
    return gen;
  }
  if (at_op(")")) {
    const Token& close = advance();
    first->outer = span(open, close);
    first->parenthesized = true;
    return first;
  }
  if (!at_op(",")) {
    if (starts_expression()) forgot_comma(*first);
    invalid_syntax();
  }
  auto tuple = make(ExprKind::Tuple, token_loc(open));
  tuple->elts.push_back(std::move(first));
  while (at_op(",")) {
    advance();
    if (at_op(")")) break;
    tuple->elts.push_back(at_op("*") ? starred_expression() : named_expression());
    if (starts_expression()) forgot_comma(*tuple->elts.back());
  }
  if (!at_op(")")) invalid_syntax();
  const Token& close = advance();
  tuple->loc = span(open, close);
  return tuple;
}

}  // namespace terrarium
