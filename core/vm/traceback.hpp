// Printing of uncaught exceptions and syntax errors in CPython 3.11's exact format,
// including the source line and the ~~~^^^~~~ position markers.
// CPython: Python/traceback.c tb_displayline, Python/pythonrun.c print_error_text.
#pragma once
#include <string>
#include <string_view>
#include "compiler/syntax_error.hpp"
#include "objects/object.hpp"

namespace terrarium {

// The whole report for an uncaught exception: "Traceback (most recent call last):" ...
std::string format_exception(ThreadState* ts, Object* exc);
// The report for a syntax error in `source` (whose lines it quotes).
std::string format_syntax_error(const SyntaxErrorInfo& error, const std::string& filename, std::string_view source);

}  // namespace terrarium
