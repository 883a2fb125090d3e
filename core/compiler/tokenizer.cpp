// The tokenizer: one pass over the UTF-8 source. Indentation is measured only at the
// start of a logical line outside brackets; blank and comment-only lines produce no
// tokens. Error texts and positions follow CPython 3.11's tokenizer.
#include "compiler/tokenizer.hpp"

#include <cstdio>
#include <string>
#include "compiler/string_literal.hpp"

namespace terrarium {

namespace {

constexpr std::size_t kMaxBracketDepth = 200;
constexpr std::size_t kMaxIndentLevels = 100;  // entries of indents_, the outermost 0 included

bool is_ident_start(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? true : c == '_' || c >= 0x80; }
bool is_ident_char(unsigned char c) { return is_ident_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_string_prefix(std::string_view word) {
  if (word.size() > 2) return false;
  std::string lower;
  for (char c : word) lower += static_cast<char>(c | 0x20);
  return lower == "r" || lower == "b" || lower == "u" || lower == "f" || lower == "br" || lower == "rb" ||
         lower == "fr" || lower == "rf";
}

constexpr std::string_view kOperators[] = {
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", ">>", "<<", "<=", ">=", "==", "!=",
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "+", "-", "*", "/", "%", "@", "&",
    "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "="};

class Tokenizer {
 public:
  Tokenizer(std::string_view src, std::vector<Token>& out, SyntaxErrorInfo& error)
      : src_(src), out_(out), error_(error) {}

  bool run() {
    while (true) {
      if (at_line_start_ && brackets_.empty()) {
        if (!indentation()) return false;
        if (at_line_start_) {  // a blank or comment-only line was skipped
          if (pos_ >= src_.size()) break;
          continue;
        }
      }
      if (pos_ >= src_.size()) break;
      if (!next_token()) return false;
    }
    if (!brackets_.empty()) {
      const Token& open = brackets_.back();
      return fail("'" + open.text + "' was never closed", open.lineno, open.col, open.col + 1);
    }
    if (!out_.empty() && out_.back().kind != TokenKind::Newline) emit(TokenKind::Newline, "", line_, col(), col());
    for (std::size_t i = 1; i < indents_.size(); ++i) emit(TokenKind::Dedent, "", line_, 0, 0);
    emit(TokenKind::EndMarker, "", line_, 0, 0);
    return true;
  }

 private:
  int col() const { return static_cast<int>(pos_ - line_start_); }
  char peek(std::size_t ahead = 0) const { return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0'; }

  void emit(TokenKind kind, std::string text, int line, int col, int end_col, int end_line = 0) {
    Token t;
    t.kind = kind;
    t.text = std::move(text);
    t.lineno = line;
    t.col = col;
    t.end_lineno = end_line ? end_line : line;
    t.end_col = end_col;
    out_.push_back(std::move(t));
  }

  std::string line_text(int lineno) const {
    std::size_t p = 0;
    for (int l = 1; l < lineno && p != std::string_view::npos; ++l) {
      p = src_.find('\n', p);
      if (p != std::string_view::npos) ++p;
    }
    if (p == std::string_view::npos || p > src_.size()) return "";
    std::size_t e = src_.find('\n', p);
    return std::string(src_.substr(p, e == std::string_view::npos ? std::string_view::npos : e - p));
  }

  // Byte column -> 1-based character offset within the line, as CPython reports it.
  int char_offset(int lineno, int byte_col) const {
    std::string line = line_text(lineno);
    int chars = 0;
    for (int i = 0; i < byte_col && i < static_cast<int>(line.size()); ++i)
      if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++chars;
    if (byte_col > static_cast<int>(line.size())) chars += byte_col - static_cast<int>(line.size());
    return chars + 1;
  }

  bool fail(const std::string& message, int lineno, int byte_col, int end_byte_col, const char* type = "SyntaxError") {
    error_.type = type;
    error_.message = message;
    error_.lineno = lineno;
    error_.end_lineno = lineno;
    error_.offset = char_offset(lineno, byte_col);
    error_.end_offset = end_byte_col > byte_col ? char_offset(lineno, end_byte_col) : 0;
    return false;
  }

  // Measures indentation at the start of a line and emits INDENT/DEDENT tokens.
  bool indentation() {
    int column = 0;
    while (pos_ < src_.size()) {
      char c = src_[pos_];
      if (c == ' ') column++;
      else if (c == '\t') column = (column / 8 + 1) * 8;
      else if (c == '\f') column = 0;
      else break;
      ++pos_;
    }
    char c = peek();
    if (pos_ >= src_.size()) return true;
    if (c == '#' || c == '\n' || (c == '\r' && peek(1) == '\n') || (c == '\\' && peek(1) == '\n')) {
      // Blank or comment-only lines do not affect indentation.
      if (c == '\\') { pos_ += 2; new_line(); return true; }
      while (pos_ < src_.size() && src_[pos_] != '\n') ++pos_;
      if (pos_ < src_.size()) { ++pos_; new_line(); }
      return true;
    }
    at_line_start_ = false;
    if (column > indents_.back()) {
      // CPython's tokenizer allows 99 nested blocks (MAXINDENT 100).
      if (indents_.size() >= kMaxIndentLevels)
        return fail("too many levels of indentation", line_, 0, 0, "IndentationError");
      indents_.push_back(column);
      emit(TokenKind::Indent, "", line_, 0, col());
    } else {
      while (column < indents_.back()) {
        indents_.pop_back();
        emit(TokenKind::Dedent, "", line_, col(), col());
      }
      if (column != indents_.back()) {
        int len = static_cast<int>(line_text(line_).size());
        return fail("unindent does not match any outer indentation level", line_, len, 0, "IndentationError");
      }
    }
    return true;
  }

  void new_line() {
    ++line_;
    line_start_ = pos_;
    at_line_start_ = true;
  }

  bool next_token() {
    char c = peek();
    if (c == ' ' || c == '\t' || c == '\f' || c == '\r') { ++pos_; return true; }
    if (c == '#') {
      while (pos_ < src_.size() && src_[pos_] != '\n') ++pos_;
      return true;
    }
    if (c == '\n') {
      if (brackets_.empty()) emit(TokenKind::Newline, "\n", line_, col(), col() + 1);
      ++pos_;
      new_line();
      if (!brackets_.empty()) at_line_start_ = false;
      return true;
    }
    if (c == '\\') {
      if (peek(1) == '\n') { pos_ += 2; ++line_; line_start_ = pos_; return true; }
      if (peek(1) == '\r' && peek(2) == '\n') { pos_ += 3; ++line_; line_start_ = pos_; return true; }
      return fail("unexpected character after line continuation character", line_, col() + 1, 0);
    }
    if (is_ident_start(static_cast<unsigned char>(c))) return name_or_string();
    if (is_digit(c) || (c == '.' && is_digit(peek(1)))) return number();
    if (c == '"' || c == '\'') return string(pos_);
    return op();
  }

  bool name_or_string() {
    std::size_t start = pos_;
    while (pos_ < src_.size() && is_ident_char(static_cast<unsigned char>(src_[pos_]))) ++pos_;
    std::string_view word = src_.substr(start, pos_ - start);
    if ((peek() == '"' || peek() == '\'') && is_string_prefix(word)) return string(start);
    emit(TokenKind::Name, std::string(word), line_, static_cast<int>(start - line_start_), col());
    return true;
  }

  bool number() {
    std::size_t start = pos_;
    int start_col = col();
    auto digits = [&](auto accept) {
      while (pos_ < src_.size() && (accept(src_[pos_]) || (src_[pos_] == '_' && pos_ + 1 < src_.size() && accept(src_[pos_ + 1]))))
        ++pos_;
    };
    bool is_float = false;
    char c = peek();
    char p = static_cast<char>(peek(1) | 0x20);
    if (c == '0' && (p == 'x' || p == 'o' || p == 'b')) {
      pos_ += 2;
      if (p == 'x') digits([](char d) { return is_digit(d) || ((d | 0x20) >= 'a' && (d | 0x20) <= 'f'); });
      else if (p == 'o') digits([](char d) { return d >= '0' && d <= '7'; });
      else digits([](char d) { return d == '0' || d == '1'; });
      if (pos_ == start + 2) {
        const char* kind = p == 'x' ? "hexadecimal" : p == 'o' ? "octal" : "binary";
        return fail(std::string("invalid ") + kind + " literal", line_, start_col, 0);
      }
    } else {
      digits(is_digit);
      if (peek() == '.') { ++pos_; is_float = true; digits(is_digit); }
      if ((peek() | 0x20) == 'e' && (is_digit(peek(1)) || ((peek(1) == '+' || peek(1) == '-') && is_digit(peek(2))))) {
        pos_ += (peek(1) == '+' || peek(1) == '-') ? 2 : 1;
        is_float = true;
        digits(is_digit);
      }
      if ((peek() | 0x20) == 'j') ++pos_;
      std::string_view text = src_.substr(start, pos_ - start);
      if (!is_float && text.size() > 1 && text[0] == '0' && text.find_first_not_of("0_") != std::string_view::npos &&
          (text.back() | 0x20) != 'j')
        return fail("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    line_, start_col, col());
    }
    if (pos_ < src_.size() && is_ident_start(static_cast<unsigned char>(src_[pos_])))
      return fail("invalid decimal literal", line_, start_col, 0);
    emit(TokenKind::Number, std::string(src_.substr(start, pos_ - start)), line_, start_col, col());
    return true;
  }

  bool string(std::size_t start) {
    int start_line = line_;
    int start_col = static_cast<int>(start - line_start_);
    std::string prefix;
    for (std::size_t i = start; i < pos_; ++i) prefix += static_cast<char>(src_[i] | 0x20);
    char quote = src_[pos_];
    bool triple = peek(1) == quote && peek(2) == quote;
    std::size_t quote_len = triple ? 3 : 1;
    pos_ += quote_len;
    std::size_t body_start = pos_;
    int body_col_start = col();
    while (true) {
      if (pos_ >= src_.size()) {
        if (triple)
          return fail("unterminated triple-quoted string literal (detected at line " + std::to_string(line_) + ")",
                      start_line, start_col, 0);
        return fail("unterminated string literal (detected at line " + std::to_string(line_) + ")", start_line,
                    start_col, 0);
      }
      char c = src_[pos_];
      if (c == '\\' && pos_ + 1 < src_.size()) {
        if (src_[pos_ + 1] == '\n') { pos_ += 2; ++line_; line_start_ = pos_; continue; }
        pos_ += 2;
        continue;
      }
      if (c == '\n') {
        if (!triple)
          return fail("unterminated string literal (detected at line " + std::to_string(line_) + ")", start_line,
                      start_col, 0);
        ++pos_;
        ++line_;
        line_start_ = pos_;
        continue;
      }
      if (c == quote && (!triple || (peek(1) == quote && peek(2) == quote))) break;
      ++pos_;
    }
    std::string_view body = src_.substr(body_start, pos_ - body_start);
    pos_ += quote_len;
    Token t;
    t.kind = TokenKind::String;
    t.lineno = start_line;
    t.col = start_col;
    t.end_lineno = line_;
    t.end_col = col();
    t.is_bytes = prefix.find('b') != std::string::npos;
    t.is_fstring = prefix.find('f') != std::string::npos;
    bool raw = prefix.find('r') != std::string::npos;
    t.is_raw = raw;
    // f-strings keep their source text: the parser splits fields before decoding escapes.
    // So do bytes, whose escapes mean bytes, not code points (the parser decodes them).
    t.text = (raw || t.is_fstring || t.is_bytes) ? std::string(body) : decode_escapes(body);
    t.body_col = body_col_start;
    out_.push_back(std::move(t));
    return true;
  }

  bool op() {
    for (std::string_view candidate : kOperators) {
      if (src_.substr(pos_, candidate.size()) != candidate) continue;
      int start_col = col();
      pos_ += candidate.size();
      std::string text(candidate);
      if (text == "(" || text == "[" || text == "{") {
        // CPython's tokenizer stops at 200 open brackets (MAXLEVEL), before the parser
        // could recurse that deep.
        if (brackets_.size() >= kMaxBracketDepth) {
          fail("too many nested parentheses", line_, start_col, 0);
          error_.end_offset = error_.offset;
          return false;
        }
        Token t;
        t.kind = TokenKind::Op;
        t.text = text;
        t.lineno = line_;
        t.col = start_col;
        brackets_.push_back(t);
      } else if (text == ")" || text == "]" || text == "}") {
        if (brackets_.empty()) return fail("unmatched '" + text + "'", line_, start_col, 0);
        const Token open = brackets_.back();
        char expected = open.text == "(" ? ')' : open.text == "[" ? ']' : '}';
        if (text[0] != expected) {
          std::string msg = "closing parenthesis '" + text + "' does not match opening parenthesis '" + open.text + "'";
          if (open.lineno != line_) msg += " on line " + std::to_string(open.lineno);
          return fail(msg, line_, start_col, 0);
        }
        brackets_.pop_back();
      }
      emit(TokenKind::Op, text, line_, start_col, col());
      return true;
    }
    unsigned char c = static_cast<unsigned char>(peek());
    if (c == '!' ) return fail("invalid syntax", line_, col(), 0);
    if (c >= 0x80) {
      // A non-ASCII character that cannot start an identifier never reaches here
      // (is_ident_start accepts all non-ASCII bytes); kept for completeness.
      return fail("invalid character in identifier", line_, col(), 0);
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "invalid character '%c' (U+%04X)", c, c);
    if (c == '$' || c == '?' || c == '`') return fail("invalid syntax", line_, col(), 0);
    return fail(buf, line_, col(), 0);
  }

  std::string_view src_;
  std::vector<Token>& out_;
  SyntaxErrorInfo& error_;
  std::size_t pos_ = 0;
  std::size_t line_start_ = 0;
  int line_ = 1;
  bool at_line_start_ = true;
  std::vector<int> indents_{0};
  std::vector<Token> brackets_;
};

}  // namespace

bool tokenize(std::string_view source, std::vector<Token>& out, SyntaxErrorInfo& error) {
  return Tokenizer(source, out, error).run();
}

}  // namespace terrarium
