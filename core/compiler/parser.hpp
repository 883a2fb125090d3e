// A recursive-descent parser following CPython 3.11's grammar (Grammar/python.gram) for
// the statements and expressions supported so far. Constructs not supported yet are
// rejected with "SyntaxError: <construct> is not supported yet", never mis-parsed.
#pragma once
#include <string_view>
#include "compiler/ast.hpp"
#include "compiler/syntax_error.hpp"

namespace terrarium {

[[nodiscard]] bool parse_module(ThreadState* ts, std::string_view source, Module& out, SyntaxErrorInfo& error);

}  // namespace terrarium
