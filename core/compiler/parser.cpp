// Recursive descent over the token list, one function per grammar rule of CPython 3.11's
// python.gram (simplified to the supported subset). Errors carry CPython's messages and
// locations so the caret lands where CPython puts it.
#include "compiler/parser.hpp"

#include <cstdlib>
#include <set>
#include "compiler/string_literal.hpp"
#include "compiler/tokenizer.hpp"
#include "objects/float.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/bytes.hpp"
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
const std::set<std::string, std::less<>> kUnsupportedStatements = {};

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
  // The recursive rules (unary operators, `not`, lambda, conditional expressions) stop
  // at CPython's parser budget with MemoryError, as its MAXSTACK check does, long before
  // the C++ stack (small in the browser) could overflow.
  static constexpr int kMaxParseDepth = 5998;
  struct DepthGuard {
    Parser& parser;
    int cost;
    DepthGuard(Parser& p, int c) : parser(p), cost(c) {
      parser.depth_ += cost;
      if (parser.depth_ > kMaxParseDepth) {
        parser.error_ = SyntaxErrorInfo{};
        parser.error_.type = "MemoryError";
        throw ParseFailure{};
      }
    }
    ~DepthGuard() { parser.depth_ -= cost; }
  };
  int depth_ = 0;

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
      if (t.text == "for") return out.push_back(for_statement());
      if (t.text == "def") return out.push_back(function_def({}));
      if (t.text == "class") return out.push_back(class_def({}));
      if (t.text == "try") return out.push_back(try_statement());
      if (t.text == "with") return out.push_back(with_statement());
      if (t.text == "async") return out.push_back(async_statement({}));
      if (t.text == "match" && looks_like_match()) unsupported("'match' statements are", t);
      if (kUnsupportedStatements.count(t.text)) unsupported("'" + t.text + "' statements are", t);
    }
    if (t.kind == TokenKind::Op && t.text == "@") return out.push_back(decorated());
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
      if (t.text == "return") return return_statement();
      if (t.text == "raise") return raise_statement();
      if (t.text == "global" || t.text == "nonlocal") return global_statement();
      if (t.text == "del") return del_statement();
      if (t.text == "assert") return assert_statement();
      if (t.text == "import") return import_statement();
      if (t.text == "from") return from_import_statement();
      if (kUnsupportedStatements.count(t.text)) unsupported("'" + t.text + "' statements are", t);
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

  // CPython's invalid_assignment rule: what a target may not be, with its messages.
  void check_target(Expr& e, bool augmented, ExprContext ctx = ExprContext::Store) {
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

  static std::string describe(const Expr& e) {
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

  StmtPtr assignment(ExprPtr first) {
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


  StmtPtr annotated_assignment(ExprPtr target) {
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

  StmtPtr return_statement() {
    const Token& kw = advance();
    auto s = std::make_unique<Stmt>(StmtKind::Return, token_loc(kw));
    if (!at(TokenKind::Newline) && !at_op(";")) {
      s->value = star_expressions();
      s->loc = span(token_loc(kw), extent(s->value));
    }
    return s;
  }

  StmtPtr raise_statement() {
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

  StmtPtr global_statement() {
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

  StmtPtr del_statement() {
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
  // del targets are primaries (names, attributes, subscripts) or parenthesised lists of them.
  ExprPtr bitwise_or_primary_target() { return bitwise_or(); }

  StmtPtr assert_statement() {
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

  std::string dotted_name(NodeLocation& end) {
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

  StmtPtr import_statement() {
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

  StmtPtr from_import_statement() {
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

  bool looks_like_match() const {
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

  StmtPtr decorated() {
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
  StmtPtr async_statement(std::vector<ExprPtr> decorators) {
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

  Arg parameter(bool allow_annotation) {
    if (!at(TokenKind::Name) || is_keyword(cur())) invalid_syntax();
    const Token& n = advance();
    Arg a;
    a.name = n.text;
    a.loc = token_loc(n);
    if (allow_annotation && at_op(":")) {
      advance();
      a.annotation = expression();
      a.loc = span(a.loc, extent(a.annotation));
    }
    return a;
  }

  // The parameter list of def (annotations allowed) or lambda (not), up to `closer`.
  std::shared_ptr<Arguments> parameters(bool is_lambda, const char* closer) {
    auto a = std::make_shared<Arguments>();
    bool seen_default = false, seen_star = false, seen_slash = false;
    std::vector<Arg> plain;
    std::vector<std::string> names;
    auto check_dup = [&](const Arg& arg) {
      for (const std::string& n : names)
        if (n == arg.name) fail("duplicate argument '" + arg.name + "' in function definition", arg.loc);
      names.push_back(arg.name);
    };
    while (!at_op(closer)) {
      if (at_op("/")) {
        const Token& slash = advance();
        if (seen_slash) fail("/ may appear only once", token_loc(slash));
        if (seen_star) fail("/ must be ahead of *", token_loc(slash));
        if (plain.empty()) fail("at least one argument must precede /", token_loc(slash));
        seen_slash = true;
        a->posonlyargs = std::move(plain);
        plain.clear();
      } else if (at_op("**")) {
        advance();
        a->kwarg = std::make_unique<Arg>(parameter(!is_lambda));
        check_dup(*a->kwarg);
        if (at_op(",")) advance();
        if (!at_op(closer)) fail("arguments cannot follow var-keyword argument", token_loc(cur()));
        break;
      } else if (at_op("*")) {
        const Token& star = advance();
        if (seen_star) fail("* argument may appear only once", token_loc(star));
        seen_star = true;
        if (!at_op(",") && !at_op(closer)) {
          a->vararg = std::make_unique<Arg>(parameter(!is_lambda));
          check_dup(*a->vararg);
        } else if (at_op(closer) || (at_op(",") && ahead(1).kind == TokenKind::Op && ahead(1).text == closer)) {
          fail("named arguments must follow bare *", token_loc(star));
        }
      } else {
        Arg arg = parameter(!is_lambda);
        check_dup(arg);
        ExprPtr def;
        if (at_op("=")) {
          advance();
          def = expression();
        }
        if (seen_star) {
          a->kwonlyargs.push_back(std::move(arg));
          a->kw_defaults.push_back(std::move(def));
        } else {
          if (def) {
            seen_default = true;
            a->defaults.push_back(std::move(def));
          } else if (seen_default) {
            fail("non-default argument follows default argument", arg.loc);
          }
          plain.push_back(std::move(arg));
        }
      }
      if (!at_op(",")) break;
      advance();
    }
    a->args = std::move(plain);
    return a;
  }

  StmtPtr function_def(std::vector<ExprPtr> decorators) {
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

  StmtPtr class_def(std::vector<ExprPtr> decorators) {
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

  StmtPtr for_statement() {
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

  // Targets of `for` and comprehensions: a tuple of primaries without the `in` operator.
  ExprPtr star_targets() {
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

  StmtPtr try_statement() {
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

  StmtPtr with_statement() {
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

  // ---- expressions -----------------------------------------------------------------
  ExprPtr named_expression() {
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

  ExprPtr starred_expression() {
    const Token& star = advance();  // '*'
    ExprPtr value = bitwise_or();
    auto e = make(ExprKind::Starred, span(token_loc(star), extent(value)));
    e->left = std::move(value);
    return e;
  }

  // star_expressions: (expression | *expr) (',' ...)* [','] -> a Tuple when there is a comma
  ExprPtr star_expressions() {
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

  ExprPtr yield_expression() {
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

  ExprPtr lambda() {
    DepthGuard guard(*this, 2);
    const Token& kw = advance();
    auto e = make(ExprKind::Lambda, token_loc(kw));
    e->args = parameters(true, ":");
    expect_colon();
    e->left = expression();
    e->loc = span(token_loc(kw), extent(e->left));
    return e;
  }

  ExprPtr bool_chain(BoolOpKind kind, const char* keyword, ExprPtr (Parser::*operand)()) {
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
  ExprPtr disjunction() { return bool_chain(BoolOpKind::Or, "or", &Parser::conjunction); }
  ExprPtr conjunction() { return bool_chain(BoolOpKind::And, "and", &Parser::inversion); }

  ExprPtr inversion() {
    DepthGuard guard(*this, 1);
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

  ExprPtr comparison() {
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

  struct BinaryLevel {
    const char* ops[5];
    BinaryOp kinds[5];
  };

  ExprPtr binary_level(int level) {
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
  ExprPtr bitwise_or() { return binary_level(0); }

  ExprPtr factor() {
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

  ExprPtr power() {
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

  ExprPtr primary() {
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
  ExprPtr subscript_list() {
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

  ExprPtr slice_item() {
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
  [[noreturn]] void forgot_comma(const Expr& before) {
    ExprPtr next = expression();
    fail_at("invalid syntax. Perhaps you forgot a comma?", before.loc.lineno, before.loc.col_offset,
            next->loc.end_lineno, next->loc.end_col_offset);
  }

  // '(' args ')' for a call or a class's bases, filling elts and keywords.
  void call_arguments(Expr& e) {
    advance();  // '('
    bool seen_kwunpack = false;
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
  }

  ExprPtr comprehension(ExprKind kind, ExprPtr elt, ExprPtr value, NodeLocation start) {
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

  ExprPtr list_display() {
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

  ExprPtr dict_or_set_display() {
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

  // Adjacent literals concatenate; any f-string among them makes the whole a JoinedStr.
  ExprPtr strings() {
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

  void flush_literal(Expr& joined, std::string& pending, const NodeLocation& loc) {
    if (pending.empty()) return;
    joined.elts.push_back(constant(new_str(ts_, pending), loc));
    pending.clear();
  }

  // Splits an f-string's text into literal parts and {expression!conv:spec} fields.
  // CPython: Parser/string_parser.c fstring_find_literal / fstring_find_expr.
  void fstring_body(const Token& tok, std::string_view text, Expr& joined, std::string& pending, int depth) {
    NodeLocation loc = token_loc(tok);
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

  ExprPtr parse_fstring_expression(const Token& tok, std::string_view text) {
    // Parse "(expr)" with its own tokenizer, as CPython does, then place it on the string's line.
    std::string src = "(" + std::string(text) + ")";
    std::vector<Token> sub;
    SyntaxErrorInfo err;
    if (!tokenize(src, sub, err)) fail("f-string: " + err.message, tok);
    for (Token& t : sub) {
      t.lineno = tok.lineno;
      t.end_lineno = tok.lineno;
      t.col += tok.body_col - 1;
      t.end_col += tok.body_col - 1;
    }
    Parser inner(ts_, source_, sub, error_);
    ExprPtr e;
    inner.no_in_ = false;
    e = inner.fstring_expression();
    return e;
  }

 public:
  ExprPtr fstring_expression() {
    advance();  // '('
    ExprPtr e = at_keyword("yield") ? yield_expression() : star_expressions();
    if (!at_op(")")) invalid_syntax();
    return e;
  }

 private:
  ExprPtr parenthesized() {
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

  bool no_in_ = false;  // parsing a for-target: `in` ends it instead of comparing

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
