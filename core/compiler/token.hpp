// Tokens as CPython's tokenizer produces them, with byte-offset positions.
#pragma once
#include <string>

namespace terrarium {

enum class TokenKind { Name, Number, String, Op, Newline, Indent, Dedent, EndMarker };

struct Token {
  TokenKind kind;
  std::string text;      // source text (for strings: the decoded value, see below)
  int lineno = 0;
  int col = 0;           // byte offset of the first character
  int end_lineno = 0;
  int end_col = 0;       // byte offset just past the last character
  // String literals: which prefixes were given (the value in `text` is decoded).
  bool is_bytes = false;
  bool is_fstring = false;
  bool is_raw = false;
  int body_col = 0;  // f-strings: byte column where the text after the quote starts
};

}  // namespace terrarium
