// A compile-time error (SyntaxError or IndentationError) with CPython's location fields,
// produced by the tokenizer, parser and code generator and printed by the host exactly
// as CPython's print_error_text does.
#pragma once
#include <string>

namespace terrarium {

struct SyntaxErrorInfo {
  // Or "IndentationError", or "RecursionError"/"MemoryError" for source nested too deeply
  // to compile or parse (then only the message matters and no location is printed).
  std::string type = "SyntaxError";
  std::string message;
  int lineno = 0;
  int offset = 0;       // 1-based character offset; 0 or less: no caret
  int end_lineno = 0;
  int end_offset = 0;   // 1-based, exclusive; 0: a single caret
};

}  // namespace terrarium
