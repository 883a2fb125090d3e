// The parser's class, shared by its translation units (parser.cpp, parser_*_stmt.cpp,
// parser_expr.cpp, parser_literals.cpp, parser_params.cpp, parser_match.cpp): recursive
// descent over the token list, one member function per grammar rule of CPython 3.11's
// python.gram. Errors carry CPython's messages and locations so the caret lands where
// CPython puts it. Not part of the compiler's interface: include parser.hpp instead.
#pragma once
#include <algorithm>
#include <cstdlib>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>
#include "compiler/ast.hpp"
#include "compiler/string_literal.hpp"
#include "compiler/syntax_error.hpp"
#include "compiler/tokenizer.hpp"
#include "objects/bytes.hpp"
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

inline const std::set<std::string, std::less<>> kKeywords = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield"};

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
  void statement(std::vector<StmtPtr>& out);
  void simple_statements(std::vector<StmtPtr>& out);
  StmtPtr simple_statement();
  void check_target(Expr& e, bool augmented, ExprContext ctx = ExprContext::Store);
  static std::string describe(const Expr& e);
  StmtPtr assignment(ExprPtr first);
  StmtPtr aug_assignment(ExprPtr target);
  void block(std::vector<StmtPtr>& out, const std::string& owner, int owner_line);
  void expect_colon();
  StmtPtr if_statement();
  StmtPtr while_statement();
  StmtPtr annotated_assignment(ExprPtr target);
  StmtPtr return_statement();
  StmtPtr raise_statement();
  StmtPtr global_statement();
  StmtPtr del_statement();
  // del targets are primaries (names, attributes, subscripts) or parenthesised lists of them.
  ExprPtr bitwise_or_primary_target() { return bitwise_or(); }
  StmtPtr assert_statement();
  std::string dotted_name(NodeLocation& end);
  StmtPtr import_statement();
  StmtPtr from_import_statement();
  StmtPtr decorated();
  StmtPtr async_statement(std::vector<ExprPtr> decorators);
  Arg parameter(bool allow_annotation);
  std::shared_ptr<Arguments> parameters(bool is_lambda, const char* closer);
  StmtPtr function_def(std::vector<ExprPtr> decorators);
  StmtPtr class_def(std::vector<ExprPtr> decorators);
  StmtPtr for_statement();
  ExprPtr star_targets();
  StmtPtr try_statement();
  StmtPtr with_statement();

  // ---- match statements (parser_match.cpp) ----------------------------------------
  StmtPtr try_match_statement();
  ExprPtr match_subject();
  MatchCase case_block();
  PatternPtr top_pattern();
  PatternPtr pattern();
  PatternPtr or_pattern();
  PatternPtr closed_pattern();
  PatternPtr star_pattern();
  PatternPtr group_or_sequence_pattern();
  PatternPtr mapping_pattern();
  PatternPtr class_pattern(ExprPtr cls);
  ExprPtr signed_number_pattern();
  ExprPtr dotted_value();

  // ---- expressions -----------------------------------------------------------------
  ExprPtr named_expression();
  ExprPtr starred_expression();
  ExprPtr star_expressions();
  ExprPtr yield_expression();
  bool starts_expression() const;
  ExprPtr expression();
  ExprPtr lambda();
  ExprPtr bool_chain(BoolOpKind kind, const char* keyword, ExprPtr (Parser::*operand)());
  ExprPtr disjunction() { return bool_chain(BoolOpKind::Or, "or", &Parser::conjunction); }
  ExprPtr conjunction() { return bool_chain(BoolOpKind::And, "and", &Parser::inversion); }

  ExprPtr inversion();
  bool comparison_operator(CmpOpKind& kind);
  ExprPtr comparison();

  struct BinaryLevel {
    const char* ops[5];
    BinaryOp kinds[5];
  };
  ExprPtr binary_level(int level);
  ExprPtr bitwise_or() { return binary_level(0); }

  ExprPtr factor();
  ExprPtr power();
  ExprPtr primary();
  ExprPtr subscript_list();
  ExprPtr slice_item();

  [[noreturn]] void forgot_comma(const Expr& before);
  void call_arguments(Expr& e);
  ExprPtr comprehension(ExprKind kind, ExprPtr elt, ExprPtr value, NodeLocation start);
  ExprPtr atom();
  ExprPtr list_display();
  ExprPtr dict_or_set_display();
  ExprPtr number();
  ExprPtr strings();
  void flush_literal(Expr& joined, std::string& pending, const NodeLocation& loc);
  void fstring_body(const Token& tok, std::string_view text, Expr& joined, std::string& pending, int depth);
  ExprPtr parse_fstring_expression(const Token& tok, std::string_view text);

 public:
  ExprPtr fstring_expression();

 private:
  ExprPtr parenthesized();

  bool no_in_ = false;  // parsing a for-target: `in` ends it instead of comparing

  ThreadState* ts_;
  std::string_view source_;
  std::vector<Token>& toks_;
  SyntaxErrorInfo& error_;
  std::size_t pos_ = 0;
};

}  // namespace terrarium
