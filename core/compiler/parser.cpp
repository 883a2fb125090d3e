// Recursive descent over the token list, one function per grammar rule of CPython 3.11's
// python.gram (simplified to the supported subset). Errors carry CPython's messages and
// locations so the caret lands where CPython puts it.
#include "compiler/parser.hpp"

#include <cstdlib>
#include <set>
#include "compiler/tokenizer.hpp"
#include "objects/float.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

const std::set<std::string, std::less<>> kKeywords = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield"};

// Statements that parse in CPython but that this interpreter cannot run yet.
const std::set<std::string, std::less<>> kUnsupportedStatements = {
    "def", "class", "for", "try", "with", "return", "import", "from", "raise", "global",
    "nonlocal", "del", "assert", "async"};

struct ParseFailure {};  // unwinds the recursive descent once error_ is filled

class Parser {
 public:
  Parser(ThreadState* ts, std::string_view source, std::vector<Token>& tokens, SyntaxErrorInfo& error)
      : ts_(ts), source_(source), toks_(tokens), error_(error) {}

  bool parse(Module& module) {
    try {
      while (!at(TokenKind::EndMarker)) statement(module.body);
      return true;
    } catch (const ParseFailure&) {
      return false;
    }
  }

 private:
  // ---- token helpers -------------------------------------------------------------
  const Token& cur() const { return toks_[pos_]; }
  const Token& ahead(std::size_t n) const { return toks_[std::min(pos_ + n, toks_.size() - 1)]; }
  bool at(TokenKind k) const { return cur().kind == k; }
  bool at_op(std::string_view op) const { return cur().kind == TokenKind::Op && cur().text == op; }
  bool at_keyword(std::string_view kw) const { return cur().kind == TokenKind::Name && cur().text == kw; }
  const Token& advance() { return toks_[pos_++]; }
  static bool is_keyword(const Token& t) { return t.kind == TokenKind::Name && kKeywords.count(t.text); }

  std::string line_text(int lineno) const {
    std::size_t p = 0;
    for (int l = 1; l < lineno && p != std::string_view::npos; ++l) {
      p = source_.find('\n', p);
      if (p != std::string_view::npos) ++p;
    }
    if (p == std::string_view::npos || p > source_.size()) return "";
    std::size_t e = source_.find('\n', p);
    return std::string(source_.substr(p, e == std::string_view::npos ? std::string_view::npos : e - p));
  }
  int char_offset(int lineno, int byte_col) const {
    std::string line = line_text(lineno);
    int chars = 0;
    for (int i = 0; i < byte_col && i < static_cast<int>(line.size()); ++i)
      if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++chars;
    return chars + 1 + std::max(0, byte_col - static_cast<int>(line.size()));
  }

  [[noreturn]] void fail_at(const std::string& msg, int lineno, int col, int end_lineno, int end_col,
                            const char* type = "SyntaxError") {
    error_.type = type;
    error_.message = msg;
    error_.lineno = lineno;
    error_.offset = char_offset(lineno, col);
    error_.end_lineno = end_lineno;
    error_.end_offset = end_col > col || end_lineno > lineno ? char_offset(end_lineno, end_col) : 0;
    throw ParseFailure{};
  }
  [[noreturn]] void fail(const std::string& msg, const Token& t) {
    fail_at(msg, t.lineno, t.col, t.end_lineno, t.end_col);
  }
  [[noreturn]] void fail(const std::string& msg, const NodeLocation& l) {
    fail_at(msg, l.lineno, l.col_offset, l.end_lineno, l.end_col_offset);
  }
  [[noreturn]] void invalid_syntax() {
    if (at(TokenKind::Indent)) fail_at("unexpected indent", cur().lineno, 0, 0, 0, "IndentationError");
    fail("invalid syntax", cur());
  }
  [[noreturn]] void unsupported(const std::string& what, const Token& t) {
    fail(what + " not supported yet", t);
  }

  void expect_op(std::string_view op) {
    if (!at_op(op)) invalid_syntax();
    advance();
  }

  static const NodeLocation& extent(const ExprPtr& e) { return e->parenthesized ? e->outer : e->loc; }
  static NodeLocation span(const NodeLocation& a, const NodeLocation& b) {
    return {a.lineno, a.col_offset, b.end_lineno, b.end_col_offset};
  }
  static NodeLocation token_loc(const Token& t) { return {t.lineno, t.col, t.end_lineno, t.end_col}; }
  static NodeLocation span(const Token& a, const Token& b) { return {a.lineno, a.col, b.end_lineno, b.end_col}; }

  ExprPtr make(ExprKind k, NodeLocation l) { return std::make_unique<Expr>(k, l); }
  ExprPtr constant(Object* value, NodeLocation l) {
    auto e = make(ExprKind::Constant, l);
    e->value = value;
    return e;
  }

  // ---- statements ----------------------------------------------------------------
  void statement(std::vector<StmtPtr>& out) {
    const Token& t = cur();
    if (t.kind == TokenKind::Indent) invalid_syntax();
    if (t.kind == TokenKind::Name) {
      if (t.text == "if") return out.push_back(if_statement());
      if (t.text == "while") return out.push_back(while_statement());
      if (kUnsupportedStatements.count(t.text)) unsupported("'" + t.text + "' statements are", t);
    }
    if (t.kind == TokenKind::Op && t.text == "@") unsupported("decorators are", t);
    simple_statements(out);
  }

  void simple_statements(std::vector<StmtPtr>& out) {
    out.push_back(simple_statement());
    while (at_op(";")) {
      advance();
      if (at(TokenKind::Newline)) break;
      out.push_back(simple_statement());
    }
    if (!at(TokenKind::Newline)) invalid_syntax();
    advance();
  }

  StmtPtr simple_statement() {
    const Token& t = cur();
    if (t.kind == TokenKind::Name) {
      if (t.text == "pass") { advance(); return std::make_unique<Stmt>(StmtKind::Pass, token_loc(t)); }
      if (t.text == "break") { advance(); return std::make_unique<Stmt>(StmtKind::Break, token_loc(t)); }
      if (t.text == "continue") { advance(); return std::make_unique<Stmt>(StmtKind::Continue, token_loc(t)); }
      if (kUnsupportedStatements.count(t.text)) unsupported("'" + t.text + "' statements are", t);
      if (t.text == "yield") unsupported("'yield' expressions are", t);
    }
    ExprPtr first = star_expressions();
    if (at_op("=")) return assignment(std::move(first));
    if (cur().kind == TokenKind::Op && cur().text.size() >= 2 && cur().text.back() == '=' &&
        cur().text != "==" && cur().text != "<=" && cur().text != ">=" && cur().text != "!=")
      return aug_assignment(std::move(first));
    if (at_op(":")) unsupported("annotated assignments are", cur());
    auto s = std::make_unique<Stmt>(StmtKind::Expr, extent(first));
    s->value = std::move(first);
    return s;
  }

  // CPython's invalid_assignment rule: what a target may not be, with its messages.
  void check_target(Expr& e, bool augmented) {
    switch (e.kind) {
      case ExprKind::Name:
        if (e.id == "__debug__") fail("cannot assign to __debug__", e.loc);
        e.ctx = ExprContext::Store;
        return;
      case ExprKind::Tuple:
        if (augmented) fail("'tuple' is an illegal expression for augmented assignment", e.loc);
        unsupported("tuple unpacking is", toks_[pos_ - 1]);
      default: break;
    }
    std::string what;
    switch (e.kind) {
      case ExprKind::Constant:
        if (e.value == py_true() || e.value == py_false() || e.value == py_none()) {
          std::string r = e.value == py_none() ? "None" : e.value == py_true() ? "True" : "False";
          fail("cannot assign to " + r, e.loc);
        }
        what = "literal";
        break;
      case ExprKind::Call: what = "function call"; break;
      case ExprKind::Compare: what = "comparison"; break;
      case ExprKind::IfExp: what = "conditional expression"; break;
      default: what = "expression"; break;
    }
    if (augmented) fail("'" + what + "' is an illegal expression for augmented assignment", e.loc);
    fail("cannot assign to " + what + " here. Maybe you meant '==' instead of '='?", e.loc);
  }

  StmtPtr assignment(ExprPtr first) {
    auto s = std::make_unique<Stmt>(StmtKind::Assign, extent(first));
    s->targets.push_back(std::move(first));
    ExprPtr value;
    while (at_op("=")) {
      advance();
      if (at_keyword("yield")) unsupported("'yield' expressions are", cur());
      value = star_expressions();
      if (at_op("=")) s->targets.push_back(std::move(value));
    }
    for (auto& target : s->targets) check_target(*target, false);
    s->loc = span(extent(s->targets.front()), extent(value));
    s->value = std::move(value);
    return s;
  }

  StmtPtr aug_assignment(ExprPtr target) {
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

  // block: NEWLINE INDENT statements DEDENT | simple_stmts
  void block(std::vector<StmtPtr>& out, const std::string& owner, int owner_line) {
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

  void expect_colon() {
    if (!at_op(":")) fail("expected ':'", cur());
    advance();
  }

  StmtPtr if_statement() {
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

  StmtPtr while_statement() {
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

  // ---- expressions -----------------------------------------------------------------
  ExprPtr named_expression() {
    ExprPtr e = expression();
    if (at_op(":=")) unsupported("assignment expressions (:=) are", cur());
    return e;
  }

  // star_expressions: expression (',' expression)* [','] -> a Tuple when there is a comma
  ExprPtr star_expressions() {
    ExprPtr first = expression();
    if (!at_op(",")) return first;
    auto tuple = make(ExprKind::Tuple, extent(first));
    tuple->elts.push_back(std::move(first));
    while (at_op(",")) {
      advance();
      if (!starts_expression()) break;
      tuple->elts.push_back(expression());
    }
    tuple->loc = span(extent(tuple->elts.front()), extent(tuple->elts.back()));
    return tuple;
  }

  bool starts_expression() const {
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

  ExprPtr expression() {
    if (at_keyword("lambda")) unsupported("'lambda' expressions are", cur());
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

  ExprPtr bool_chain(BoolOpKind kind, const char* keyword, ExprPtr (Parser::*operand)()) {
    ExprPtr first = (this->*operand)();
    if (!at_keyword(keyword)) return first;
    auto e = make(ExprKind::BoolOp, extent(first));
    e->boolop = kind;
    e->elts.push_back(std::move(first));
    while (at_keyword(keyword)) {
      advance();
      e->elts.push_back((this->*operand)());
    }
    e->loc = span(extent(e->elts.front()), extent(e->elts.back()));
    return e;
  }
  ExprPtr disjunction() { return bool_chain(BoolOpKind::Or, "or", &Parser::conjunction); }
  ExprPtr conjunction() { return bool_chain(BoolOpKind::And, "and", &Parser::inversion); }

  ExprPtr inversion() {
    if (!at_keyword("not")) return comparison();
    const Token& kw = advance();
    ExprPtr operand = inversion();
    auto e = make(ExprKind::UnaryOp, span(token_loc(kw), extent(operand)));
    e->unaryop = UnaryOpKind::Not;
    e->left = std::move(operand);
    return e;
  }

  bool comparison_operator(CmpOpKind& kind) {
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
    if (t.text == "in") { kind = CmpOpKind::In; advance(); return true; }
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

  ExprPtr comparison() {
    ExprPtr left = bitwise_or();
    CmpOpKind kind;
    if (!comparison_operator(kind)) return left;
    auto e = make(ExprKind::Compare, extent(left));
    e->left = std::move(left);
    do {
      e->ops.push_back(kind);
      e->elts.push_back(bitwise_or());
    } while (comparison_operator(kind));
    e->loc = span(extent(e->left), extent(e->elts.back()));
    return e;
  }

  struct BinaryLevel {
    const char* ops[4];
    BinaryOp kinds[4];
  };

  ExprPtr binary_level(int level) {
    static const BinaryLevel kLevels[] = {
        {{"|"}, {BinaryOp::Or}},
        {{"^"}, {BinaryOp::Xor}},
        {{"&"}, {BinaryOp::And}},
        {{"<<", ">>"}, {BinaryOp::Lshift, BinaryOp::Rshift}},
        {{"+", "-"}, {BinaryOp::Add, BinaryOp::Subtract}},
        {{"*", "/", "//", "%"}, {BinaryOp::Multiply, BinaryOp::TrueDivide, BinaryOp::FloorDivide, BinaryOp::Remainder}},
    };
    constexpr int kLevelCount = sizeof kLevels / sizeof kLevels[0];
    if (level == kLevelCount) return factor();
    ExprPtr left = binary_level(level + 1);
    for (;;) {
      const Token& t = cur();
      if (t.kind != TokenKind::Op) return left;
      int found = -1;
      for (int i = 0; i < 4 && kLevels[level].ops[i]; ++i)
        if (t.text == kLevels[level].ops[i]) found = i;
      if (level == kLevelCount - 1 && t.text == "@") {
        unsupported("the '@' operator is", t);
      }
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
  ExprPtr bitwise_or() { return binary_level(0); }

  ExprPtr factor() {
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

  ExprPtr power() {
    if (at_keyword("await")) unsupported("'await' expressions are", cur());
    ExprPtr base = primary();
    if (!at_op("**")) return base;
    advance();
    ExprPtr exponent = factor();
    auto e = make(ExprKind::BinOp, span(extent(base), extent(exponent)));
    e->binop = BinaryOp::Power;
    e->left = std::move(base);
    e->right = std::move(exponent);
    return e;
  }

  ExprPtr primary() {
    ExprPtr e = atom();
    for (;;) {
      if (at_op("(")) {
        e = call(std::move(e));
      } else if (at_op(".")) {
        unsupported("attribute access is", cur());
      } else if (at_op("[")) {
        unsupported("subscripts are", cur());
      } else {
        return e;
      }
    }
  }

  // Inside brackets, two expressions side by side: CPython suggests a missing comma.
  [[noreturn]] void forgot_comma(const Expr& before) {
    ExprPtr next = expression();
    fail_at("invalid syntax. Perhaps you forgot a comma?", before.loc.lineno, before.loc.col_offset,
            next->loc.end_lineno, next->loc.end_col_offset);
  }

  ExprPtr call(ExprPtr func) {
    advance();  // '('
    auto e = make(ExprKind::Call, extent(func));
    e->left = std::move(func);
    while (!at_op(")")) {
      if (at_op("*") || at_op("**")) unsupported("argument unpacking (* and **) is", cur());
      if (cur().kind == TokenKind::Name && !is_keyword(cur()) && ahead(1).kind == TokenKind::Op &&
          ahead(1).text == "=") {
        const Token& name = advance();
        advance();  // '='
        ExprPtr value = expression();
        for (const Keyword& k : e->keywords)
          if (k.arg == name.text) fail("keyword argument repeated: " + name.text, token_loc(name));
        Keyword kw;
        kw.arg = name.text;
        kw.loc = span(token_loc(name), extent(value));
        kw.value = std::move(value);
        e->keywords.push_back(std::move(kw));
      } else {
        ExprPtr arg = named_expression();
        if (at_keyword("for") || at_keyword("async")) unsupported("generator expressions are", cur());
        if (!e->keywords.empty()) fail("positional argument follows keyword argument", extent(arg));
        if (starts_expression() && !at_op("*")) forgot_comma(*arg);
        e->elts.push_back(std::move(arg));
      }
      if (!at_op(",")) break;
      advance();
    }
    if (!at_op(")")) invalid_syntax();
    const Token& close = advance();
    e->loc = span(extent(e->left), token_loc(close));
    return e;
  }

  ExprPtr atom() {
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
        if (t.text == "[") unsupported("list displays are", t);
        if (t.text == "{") unsupported("dict and set displays are", t);
        if (t.text == "...") unsupported("the Ellipsis literal is", t);
        if (t.text == "*") unsupported("starred expressions are", t);
        invalid_syntax();
      default:
        invalid_syntax();
    }
  }

  ExprPtr number() {
    const Token& t = advance();
    std::string text;
    for (char c : t.text)
      if (c != '_') text += c;
    char last = static_cast<char>(text.back() | 0x20);
    if (last == 'j') unsupported("complex numbers are", t);
    bool hex = text.size() > 1 && (text[1] | 0x20) == 'x';
    if (!hex && text.find_first_of(".eE") != std::string::npos)
      return constant(new_float(ts_, std::strtod(text.c_str(), nullptr)), token_loc(t));
    Object* v = int_from_literal(ts_, text);
    if (!v) {
      clear_error(ts_);
      unsupported("int literals this large are", t);
    }
    return constant(v, token_loc(t));
  }

  ExprPtr strings() {
    const Token& first = cur();
    std::string value;
    const Token* last = &first;
    while (at(TokenKind::String)) {
      const Token& t = advance();
      if (t.is_fstring) unsupported("f-strings are", t);
      if (t.is_bytes) unsupported("bytes literals are", t);
      value += t.text;
      last = &t;
    }
    return constant(new_str(ts_, value), span(first, *last));
  }

  ExprPtr parenthesized() {
    const Token& open = advance();
    if (at_op(")")) {
      const Token& close = advance();
      auto e = make(ExprKind::Tuple, span(open, close));
      return e;
    }
    if (at_keyword("yield")) unsupported("'yield' expressions are", cur());
    ExprPtr first = named_expression();
    if (at_keyword("for") || at_keyword("async")) unsupported("generator expressions are", cur());
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
      tuple->elts.push_back(named_expression());
      if (starts_expression()) forgot_comma(*tuple->elts.back());
    }
    if (!at_op(")")) invalid_syntax();
    const Token& close = advance();
    tuple->loc = span(open, close);
    return tuple;
  }

  ThreadState* ts_;
  std::string_view source_;
  std::vector<Token>& toks_;
  SyntaxErrorInfo& error_;
  std::size_t pos_ = 0;
};

}  // namespace

bool parse_module(ThreadState* ts, std::string_view source, Module& out, SyntaxErrorInfo& error) {
  std::vector<Token> tokens;
  if (!tokenize(source, tokens, error)) return false;
  return Parser(ts, source, tokens, error).parse(out);
}

}  // namespace terrarium
