// The match statement and its patterns (CPython 3.11's match_stmt, case_block and the
// pattern rules of python.gram). `match` and `case` are soft keywords: a line starting
// with `match` is first tried as a match statement and parsed again as an ordinary
// statement when that fails before the ':' of the match line.
#include "compiler/parser_internal.hpp"

namespace terrarium {

namespace {

bool is_imaginary(const Token& t) {
  return t.kind == TokenKind::Number && (t.text.back() == 'j' || t.text.back() == 'J');
}

}  // namespace

// subject_expr: star_named_expression ',' star_named_expressions? | named_expression
ExprPtr Parser::match_subject() {
  ExprPtr first = at_op("*") ? starred_expression() : named_expression();
  if (!at_op(",")) {
    if (first->kind == ExprKind::Starred) invalid_syntax();
    return first;
  }
  auto tuple = make(ExprKind::Tuple, extent(first));
  tuple->elts.push_back(std::move(first));
  while (at_op(",")) {
    advance();
    if (!starts_expression()) break;
    tuple->elts.push_back(at_op("*") ? starred_expression() : named_expression());
  }
  tuple->loc = span(extent(tuple->elts.front()), extent(tuple->elts.back()));
  return tuple;
}

// Returns null when the line is not a match statement (then it is parsed as an
// expression or assignment that uses `match` as a name).
StmtPtr Parser::try_match_statement() {
  const Token& kw = cur();
  std::size_t start = pos_;
  ExprPtr subject;
  try {
    advance();
    subject = match_subject();
  } catch (const ParseFailure&) {
    pos_ = start;
    error_ = SyntaxErrorInfo{};
    return nullptr;
  }
  if (!at_op(":")) {
    // `match x` with no colon: an error only if the line is no ordinary statement either.
    bool newline = at(TokenKind::Newline);
    pos_ = start;
    if (!newline) return nullptr;
    std::size_t line_start = pos_;
    try {
      std::vector<StmtPtr> probe;
      simple_statements(probe);
    } catch (const ParseFailure&) {
      pos_ = line_start;
      advance();
      match_subject();
      fail("expected ':'", cur());
    }
    pos_ = line_start;
    return nullptr;
  }
  advance();  // ':'
  auto s = std::make_unique<Stmt>(StmtKind::Match, token_loc(kw));
  s->value = std::move(subject);
  if (!at(TokenKind::Newline)) invalid_syntax();
  advance();
  if (!at(TokenKind::Indent))
    fail_at("expected an indented block after 'match' statement on line " + std::to_string(kw.lineno),
            cur().lineno, cur().col, 0, 0, "IndentationError");
  advance();
  do {
    if (!at_keyword("case")) invalid_syntax();
    s->cases.push_back(case_block());
  } while (!at(TokenKind::Dedent) && !at(TokenKind::EndMarker));
  if (at(TokenKind::Dedent)) advance();
  s->loc = span(s->loc, s->cases.back().body.back()->loc);
  return s;
}

// case_block: "case" patterns guard? ':' block
MatchCase Parser::case_block() {
  const Token& kw = advance();  // 'case'
  MatchCase c;
  c.pattern = top_pattern();
  if (at_keyword("if")) {
    advance();
    c.guard = named_expression();
  }
  expect_colon();
  block(c.body, "'case' statement", kw.lineno);
  return c;
}

// patterns: open_sequence_pattern | pattern
PatternPtr Parser::top_pattern() {
  bool starred = at_op("*");
  PatternPtr first = starred ? star_pattern() : pattern();
  if (!at_op(",")) {
    if (starred) invalid_syntax();
    return first;
  }
  auto seq = std::make_unique<Pattern>(PatternKind::MatchSequence, first->loc);
  seq->patterns.push_back(std::move(first));
  while (at_op(",")) {
    advance();
    if (at_keyword("if") || at_op(":")) break;
    seq->patterns.push_back(at_op("*") ? star_pattern() : pattern());
  }
  seq->loc = span(seq->patterns.front()->loc, seq->patterns.back()->loc);
  return seq;
}

// pattern: or_pattern ['as' pattern_capture_target]
PatternPtr Parser::pattern() {
  DepthGuard guard(*this, 1);
  const Token& first = cur();  // CPython's span starts here, at a '(' around the pattern too
  PatternPtr p = or_pattern();
  if (!at_keyword("as")) return p;
  advance();
  const Token& target = cur();
  if (target.kind == TokenKind::Name && target.text == "_") fail("cannot use '_' as a target", target);
  bool plain_name = target.kind == TokenKind::Name && !is_keyword(target) &&
                    !(ahead(1).kind == TokenKind::Op &&
                      (ahead(1).text == "." || ahead(1).text == "(" || ahead(1).text == "="));
  if (!plain_name) {
    if (!starts_expression()) invalid_syntax();
    ExprPtr bad = expression();
    fail("invalid pattern target", bad->loc);
  }
  advance();
  auto as = std::make_unique<Pattern>(PatternKind::MatchAs, span(first, target));
  as->pattern = std::move(p);
  as->name = target.text;
  return as;
}

// or_pattern: '|'.closed_pattern+
PatternPtr Parser::or_pattern() {
  const Token& start = cur();  // the span covers parentheses around the first and last choice
  PatternPtr first = closed_pattern();
  if (!at_op("|")) return first;
  auto alt = std::make_unique<Pattern>(PatternKind::MatchOr, first->loc);
  alt->patterns.push_back(std::move(first));
  while (at_op("|")) {
    advance();
    alt->patterns.push_back(closed_pattern());
  }
  alt->loc = span(start, toks_[pos_ - 1]);
  return alt;
}

// star_pattern: '*' (pattern_capture_target | wildcard_pattern)
PatternPtr Parser::star_pattern() {
  const Token& star = advance();  // '*'
  if (!at(TokenKind::Name) || is_keyword(cur())) invalid_syntax();
  const Token& name = advance();
  auto p = std::make_unique<Pattern>(PatternKind::MatchStar, span(star, name));
  if (name.text != "_") p->name = name.text;
  return p;
}

// signed_number and complex_number: -1, 1.5, 2j, -1+2j. The sign and the sum stay
// UnaryOp/BinOp nodes, as in CPython's AST; constant folding turns them into constants.
ExprPtr Parser::signed_number_pattern() {
  const Token& first = cur();
  bool negative = at_op("-");
  if (negative) advance();
  if (!at(TokenKind::Number)) invalid_syntax();
  ExprPtr value = number();
  if (negative) {
    auto neg = make(ExprKind::UnaryOp, span(token_loc(first), value->loc));
    neg->unaryop = UnaryOpKind::USub;
    neg->left = std::move(value);
    value = std::move(neg);
  }
  if (!at_op("+") && !at_op("-")) return value;
  BinaryOp op = at_op("+") ? BinaryOp::Add : BinaryOp::Subtract;
  advance();
  if (is_imaginary(toks_[pos_ - 2])) fail("real number required in complex literal", value->loc);
  if (!at(TokenKind::Number)) invalid_syntax();
  bool imaginary = is_imaginary(cur());
  ExprPtr imag = number();
  if (!imaginary) fail("imaginary number required in complex literal", imag->loc);
  auto sum = make(ExprKind::BinOp, span(value->loc, imag->loc));
  sum->binop = op;
  sum->left = std::move(value);
  sum->right = std::move(imag);
  return sum;
}

// name_or_attr: NAME ('.' NAME)*, as a Name or a chain of Attribute loads.
ExprPtr Parser::dotted_value() {
  const Token& first = advance();
  auto e = make(ExprKind::Name, token_loc(first));
  e->id = first.text;
  while (at_op(".")) {
    advance();
    if (!at(TokenKind::Name) || is_keyword(cur())) invalid_syntax();
    const Token& attr = advance();
    auto a = make(ExprKind::Attribute, span(e->loc, token_loc(attr)));
    a->left = std::move(e);
    a->id = attr.text;
    e = std::move(a);
  }
  return e;
}

PatternPtr Parser::closed_pattern() {
  const Token& t = cur();
  if (t.kind == TokenKind::Number || (t.kind == TokenKind::Op && t.text == "-")) {
    ExprPtr v = signed_number_pattern();
    auto p = std::make_unique<Pattern>(PatternKind::MatchValue, v->loc);
    p->value = std::move(v);
    return p;
  }
  if (t.kind == TokenKind::String) {
    ExprPtr v = strings();
    auto p = std::make_unique<Pattern>(PatternKind::MatchValue, v->loc);
    p->value = std::move(v);
    return p;
  }
  if (t.kind == TokenKind::Name && (t.text == "None" || t.text == "True" || t.text == "False")) {
    advance();
    auto p = std::make_unique<Pattern>(PatternKind::MatchSingleton, token_loc(t));
    p->singleton = t.text == "None" ? py_none() : t.text == "True" ? py_true() : py_false();
    return p;
  }
  if (t.kind == TokenKind::Name && !is_keyword(t)) {
    bool dotted = ahead(1).kind == TokenKind::Op && ahead(1).text == ".";
    bool call = !dotted && ahead(1).kind == TokenKind::Op && ahead(1).text == "(";
    if (!dotted && !call) {
      advance();
      auto p = std::make_unique<Pattern>(PatternKind::MatchAs, token_loc(t));
      if (t.text != "_") p->name = t.text;
      return p;
    }
    ExprPtr v = dotted_value();
    if (at_op("(")) return class_pattern(std::move(v));
    auto p = std::make_unique<Pattern>(PatternKind::MatchValue, v->loc);
    p->value = std::move(v);
    return p;
  }
  if (t.kind == TokenKind::Op && (t.text == "(" || t.text == "[")) return group_or_sequence_pattern();
  if (t.kind == TokenKind::Op && t.text == "{") return mapping_pattern();
  invalid_syntax();
}

// group_pattern: '(' pattern ')'; sequence_pattern: '[' ... ']' | '(' ... ')' where a
// parenthesised single pattern without a comma is a group, not a sequence.
PatternPtr Parser::group_or_sequence_pattern() {
  const Token& open = advance();
  std::string close = open.text == "(" ? ")" : "]";
  std::vector<PatternPtr> items;
  bool comma = false;
  while (!at_op(close)) {
    items.push_back(at_op("*") ? star_pattern() : pattern());
    if (!at_op(",")) break;
    advance();
    comma = true;
  }
  if (!at_op(close)) invalid_syntax();
  const Token& end = advance();
  if (open.text == "(" && items.size() == 1 && !comma && items[0]->kind != PatternKind::MatchStar) {
    PatternPtr group = std::move(items[0]);
    return group;
  }
  auto seq = std::make_unique<Pattern>(PatternKind::MatchSequence, span(open, end));
  seq->patterns = std::move(items);
  return seq;
}

// mapping_pattern: '{' [key: pattern (',' key: pattern)*] [',' '**' NAME] [','] '}'
PatternPtr Parser::mapping_pattern() {
  const Token& open = advance();  // '{'
  auto p = std::make_unique<Pattern>(PatternKind::MatchMapping, token_loc(open));
  while (!at_op("}")) {
    if (at_op("**")) {
      advance();
      if (!at(TokenKind::Name) || is_keyword(cur()) || cur().text == "_") invalid_syntax();
      p->name = advance().text;
      if (at_op(",")) advance();
      if (!at_op("}")) invalid_syntax();
      break;
    }
    const Token& k = cur();
    ExprPtr key;
    if (k.kind == TokenKind::Number || (k.kind == TokenKind::Op && k.text == "-")) {
      key = signed_number_pattern();
    } else if (k.kind == TokenKind::String) {
      key = strings();
    } else if (k.kind == TokenKind::Name && (k.text == "None" || k.text == "True" || k.text == "False")) {
      key = atom();
    } else if (k.kind == TokenKind::Name && !is_keyword(k) && ahead(1).kind == TokenKind::Op &&
               ahead(1).text == ".") {
      key = dotted_value();
    } else {
      invalid_syntax();
    }
    if (!at_op(":")) invalid_syntax();
    advance();
    p->keys.push_back(std::move(key));
    p->patterns.push_back(pattern());
    if (!at_op(",")) break;
    advance();
  }
  if (!at_op("}")) invalid_syntax();
  p->loc = span(open, advance());
  return p;
}

// class_pattern: name_or_attr '(' [positional patterns] [keyword patterns] ')'
PatternPtr Parser::class_pattern(ExprPtr cls) {
  advance();  // '('
  auto p = std::make_unique<Pattern>(PatternKind::MatchClass, cls->loc);
  p->value = std::move(cls);
  while (!at_op(")")) {
    bool keyword = at(TokenKind::Name) && !is_keyword(cur()) && ahead(1).kind == TokenKind::Op && ahead(1).text == "=";
    if (keyword) {
      const Token& name = advance();
      advance();  // '='
      p->kwd_attrs.push_back(name.text);
      p->kwd_patterns.push_back(pattern());
    } else {
      PatternPtr positional = pattern();
      if (!p->kwd_patterns.empty()) fail("positional patterns follow keyword patterns", positional->loc);
      p->patterns.push_back(std::move(positional));
    }
    if (!at_op(",")) break;
    advance();
  }
  if (!at_op(")")) invalid_syntax();
  p->loc = span(p->loc, token_loc(advance()));
  return p;
}

}  // namespace terrarium
