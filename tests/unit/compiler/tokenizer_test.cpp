// Guards core/compiler/tokenizer.cpp: token kinds, INDENT/DEDENT, line joining, literals, errors.
#include <catch2/catch.hpp>

#include "compiler/tokenizer.hpp"

using namespace terrarium;

namespace {
std::string kinds(const std::string& src) {
  std::vector<Token> toks;
  SyntaxErrorInfo err;
  REQUIRE(tokenize(src, toks, err));
  std::string out;
  for (const Token& t : toks) {
    switch (t.kind) {
      case TokenKind::Name: out += "N(" + t.text + ")"; break;
      case TokenKind::Number: out += "#(" + t.text + ")"; break;
      case TokenKind::String: out += "S(" + t.text + ")"; break;
      case TokenKind::Op: out += t.text; break;
      case TokenKind::Newline: out += "NL"; break;
      case TokenKind::Indent: out += "IN"; break;
      case TokenKind::Dedent: out += "DE"; break;
      case TokenKind::EndMarker: out += "END"; break;
    }
    out += ' ';
  }
  return out;
}
SyntaxErrorInfo error_of(const std::string& src) {
  std::vector<Token> toks;
  SyntaxErrorInfo err;
  REQUIRE_FALSE(tokenize(src, toks, err));
  return err;
}
}  // namespace

TEST_CASE("indentation produces INDENT and DEDENT around blocks") {
  CHECK(kinds("if x:\n    y = 1\nz\n") == "N(if) N(x) : NL IN N(y) = #(1) NL DE N(z) NL END ");
  CHECK(kinds("while a:\n  if b:\n    pass\n") == "N(while) N(a) : NL IN N(if) N(b) : NL IN N(pass) NL DE DE END ");
}

TEST_CASE("blank lines, comments and brackets do not produce NEWLINE or INDENT") {
  CHECK(kinds("# only a comment\n\nx = (1,\n     2)  # tail\n\n") == "N(x) = ( #(1) , #(2) ) NL END ");
  CHECK(kinds("x = 1 + \\\n    2\n") == "N(x) = #(1) + #(2) NL END ");
}

TEST_CASE("numbers keep their text and strings are decoded") {
  CHECK(kinds("1_000 0x1F 3.5e-2 .5\n") == "#(1_000) #(0x1F) #(3.5e-2) #(.5) NL END ");
  CHECK(kinds("'a\\tb' r'a\\tb' \"\\u00e9\"\n") == "S(a\tb) S(a\\tb) S(\xC3\xA9) NL END ");
  CHECK(kinds("'''two\nlines'''\n") == "S(two\nlines) NL END ");
}

TEST_CASE("operators are matched longest first") {
  CHECK(kinds("a **= b // c >> d != e\n") == "N(a) **= N(b) // N(c) >> N(d) != N(e) NL END ");
}

TEST_CASE("tokenizer errors carry CPython's messages and positions") {
  SyntaxErrorInfo e = error_of("x = 'abc\n");
  CHECK(e.message == "unterminated string literal (detected at line 1)");
  CHECK(e.offset == 5);
  e = error_of("print((1,\n");
  CHECK(e.message == "'(' was never closed");
  CHECK(e.offset == 7);
  e = error_of("if a:\n    x\n  y\n");
  CHECK(e.type == "IndentationError");
  CHECK(e.message == "unindent does not match any outer indentation level");
  CHECK(error_of("x = 1abc\n").message == "invalid decimal literal");
  CHECK(error_of("x = 012\n").message.rfind("leading zeros", 0) == 0);
  CHECK(error_of("(]\n").message == "closing parenthesis ']' does not match opening parenthesis '('");
}
