// Literals: numbers, adjacent string concatenation and f-strings (parsed into JoinedStr
// with nested replacement fields, conversions and format specs).
#include "compiler/parser_internal.hpp"
#include "objects/complex.hpp"

namespace terrarium {

ExprPtr Parser::number() {
  const Token& t = advance();
  std::string text;
  for (char c : t.text)
    if (c != '_') text += c;
  char last = static_cast<char>(text.back() | 0x20);
  if (last == 'j') {  // an imaginary literal: 3j is complex(0, 3)
    text.pop_back();
    return constant(new_complex(ts_, 0.0, std::strtod(text.c_str(), nullptr)), token_loc(t));
  }
  bool hex = text.size() > 1 && (text[1] | 0x20) == 'x';
  if (!hex && text.find_first_of(".eE") != std::string::npos)
    return constant(new_float(ts_, std::strtod(text.c_str(), nullptr)), token_loc(t));
  Object* v = int_from_literal(ts_, text);
  if (!v) {
    // Past sys.get_int_max_str_digits(): int()'s message as a SyntaxError, which CPython
    // reports without a column.
    std::string message = exception_message(ts_, ts_->curexc);
    clear_error(ts_);
    error_.type = "SyntaxError";
    error_.message = message + " - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.";
    error_.lineno = error_.end_lineno = t.lineno;
    error_.offset = error_.end_offset = 0;
    throw ParseFailure{};
  }
  return constant(v, token_loc(t));
}

// Adjacent literals concatenate; any f-string among them makes the whole a JoinedStr.
ExprPtr Parser::strings() {
  const Token& first = cur();
  std::vector<const Token*> parts;
  bool any_f = false;
  std::size_t bytes_parts = 0;
  while (at(TokenKind::String)) {
    const Token& t = advance();
    any_f |= t.is_fstring;
    bytes_parts += t.is_bytes;
    parts.push_back(&t);
  }
  NodeLocation loc = span(first, *parts.back());
  // CPython reports the mix at the token after the literals.
  if (bytes_parts && bytes_parts != parts.size()) fail("cannot mix bytes and nonbytes literals", cur());
  if (bytes_parts) {
    std::string value;
    for (const Token* t : parts) {
      for (char c : t->text)
        if (static_cast<unsigned char>(c) >= 0x80) fail("bytes can only contain ASCII literal characters", *t);
      value += t->is_raw ? t->text : decode_bytes_escapes(t->text);
    }
    return constant(new_bytes(ts_, value), loc);
  }
  if (!any_f) {
    std::string value;
    for (const Token* t : parts) value += t->text;
    return constant(new_str(ts_, value), loc);
  }
  auto joined = make(ExprKind::JoinedStr, loc);
  std::string pending;
  for (const Token* t : parts) {
    if (!t->is_fstring) {
      pending += t->text;
      continue;
    }
    fstring_body(*t, t->text, *joined, pending, 0);
  }
  flush_literal(*joined, pending, loc);
  return joined;
}

void Parser::flush_literal(Expr& joined, std::string& pending, const NodeLocation& loc) {
  if (pending.empty()) return;
  joined.elts.push_back(constant(new_str(ts_, pending), loc));
  pending.clear();
}

// Splits an f-string's text into literal parts and {expression!conv:spec} fields.
// CPython: Parser/string_parser.c fstring_find_literal / fstring_find_expr.
void Parser::fstring_body(const Token& tok, std::string_view text, Expr& joined, std::string& pending, int depth) {
  // CPython 3.11 gives every part the span of the whole (possibly concatenated) literal.
  NodeLocation loc = joined.loc;
  std::size_t i = 0;
  std::string literal;
  auto take_literal = [&]() {
    pending += tok.is_raw ? literal : decode_escapes(literal);
    literal.clear();
  };
  while (i < text.size()) {
    char c = text[i];
    if (c == '{' && i + 1 < text.size() && text[i + 1] == '{' && depth == 0) {
      literal += '{';
      i += 2;
      continue;
    }
    if (c == '}' && i + 1 < text.size() && text[i + 1] == '}' && depth == 0) {
      literal += '}';
      i += 2;
      continue;
    }
    if (c == '}') fail("f-string: single '}' is not allowed", tok);
    if (c != '{') {
      literal += c;
      ++i;
      continue;
    }
    take_literal();
    // Find the end of the expression: a top-level '!', ':', '=' (debug) or '}'.
    std::size_t start = ++i;
    int nesting = 0;
    char quote = 0;
    while (i < text.size()) {
      char d = text[i];
      if (quote) {
        if (d == quote) quote = 0;
      } else if (d == '\'' || d == '"') {
        quote = d;
      } else if (d == '[' || d == '(' || d == '{') {
        ++nesting;
      } else if (d == ']' || d == ')' || (d == '}' && nesting > 0)) {
        --nesting;
      } else if (nesting == 0 && (d == '}' || d == ':' ||
                                  (d == '!' && i + 1 < text.size() && text[i + 1] != '=') ||
                                  (d == '=' && i + 1 < text.size() && text[i + 1] != '=' && i > start &&
                                   text[i - 1] != '=' && text[i - 1] != '!' && text[i - 1] != '<' &&
                                   text[i - 1] != '>'))) {
        break;
      } else if (d == '\\') {
        fail("f-string expression part cannot include a backslash", tok);
      } else if (d == '#') {
        fail("f-string expression part cannot include '#'", tok);
      }
      ++i;
    }
    if (i >= text.size()) fail("f-string: expecting '}'", tok);
    std::string_view expr_text = text.substr(start, i - start);
    if (expr_text.find_first_not_of(" \t\n") == std::string_view::npos) fail("f-string: empty expression not allowed", tok);
    bool debug = false;
    std::string debug_text;
    if (text[i] == '=') {
      // f"{x = }": the expression text, the '=' and the spaces around it are printed.
      debug = true;
      ++i;
      std::size_t ws = i;
      while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
      debug_text = std::string(expr_text) + "=" + std::string(text.substr(ws, i - ws));
    }
    ExprPtr value = parse_fstring_expression(tok, expr_text);
    auto field = make(ExprKind::FormattedValue, loc);
    field->left = std::move(value);
    if (debug) pending += debug_text;
    bool explicit_conversion = false;
    if (i < text.size() && text[i] == '!') {
      ++i;
      if (i >= text.size() || (text[i] != 's' && text[i] != 'r' && text[i] != 'a'))
        fail("f-string: invalid conversion character: expected 's', 'r', or 'a'", tok);
      field->conversion = text[i++];
      explicit_conversion = true;
    }
    // With '=', repr() is the default unless a format spec asks for format().
    if (debug && !explicit_conversion && !(i < text.size() && text[i] == ':')) field->conversion = 'r';
    if (i < text.size() && text[i] == ':') {
      ++i;
      std::size_t spec_start = i;
      int braces = 0;
      while (i < text.size() && (text[i] != '}' || braces > 0)) {
        if (text[i] == '{') ++braces;
        else if (text[i] == '}') --braces;
        ++i;
      }
      auto spec = make(ExprKind::JoinedStr, loc);
      std::string spec_pending;
      fstring_body(tok, text.substr(spec_start, i - spec_start), *spec, spec_pending, depth + 1);
      flush_literal(*spec, spec_pending, loc);
      field->right = std::move(spec);
    }
    if (i >= text.size() || text[i] != '}') fail("f-string: expecting '}'", tok);
    ++i;
    flush_literal(joined, pending, loc);
    joined.elts.push_back(std::move(field));
  }
  take_literal();
}

ExprPtr Parser::parse_fstring_expression(const Token& tok, std::string_view text) {
  // Parse "(expr)" with its own tokenizer, as CPython does, then place it on the string's line.
  std::string src = "(" + std::string(text) + ")";
  std::vector<Token> sub;
  SyntaxErrorInfo err;
  if (!tokenize(src, sub, err)) fail("f-string: " + err.message, tok);
  // `text` lies inside tok.text (the raw body), so its offset there gives its place in the
  // source; the "(" prepended above stands on the '{'.
  std::string_view body = tok.text;
  std::size_t offset = static_cast<std::size_t>(text.data() - body.data());
  std::size_t last_newline = body.rfind('\n', offset);
  int lines = static_cast<int>(std::count(body.begin(), body.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
  int col = last_newline == std::string_view::npos ? tok.body_col + static_cast<int>(offset)
                                                   : static_cast<int>(offset - last_newline - 1);
  for (Token& t : sub) {
    t.lineno = tok.lineno + lines;
    t.end_lineno = tok.lineno + lines;
    t.col += col - 1;
    t.end_col += col - 1;
  }
  Parser inner(ts_, source_, sub, error_);
  ExprPtr e;
  inner.no_in_ = false;
  e = inner.fstring_expression();
  return e;
}

ExprPtr Parser::fstring_expression() {
  advance();  // '('
  ExprPtr e = at_keyword("yield") ? yield_expression() : star_expressions();
  if (!at_op(")")) invalid_syntax();
  return e;
}

}  // namespace terrarium
