// Splits source text into tokens, producing INDENT/DEDENT from indentation, joining
// lines inside brackets and after backslashes, and decoding string literals.
// CPython: Parser/tokenizer.c.
#pragma once
#include <string_view>
#include <vector>
#include "compiler/syntax_error.hpp"
#include "compiler/token.hpp"

namespace terrarium {

// Returns false and fills `error` (CPython's message and location) on a bad token.
[[nodiscard]] bool tokenize(std::string_view source, std::vector<Token>& out, SyntaxErrorInfo& error);

}  // namespace terrarium
