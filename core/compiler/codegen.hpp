// Compiles a module's AST to a code object: AST constant folding, code generation into a
// control-flow graph, CFG optimisation and assembly, each a separate step as in CPython.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include "bytecode/code.hpp"
#include "compiler/ast.hpp"
#include "compiler/syntax_error.hpp"

namespace terrarium {

struct CompileResult {
  CodeObject* code = nullptr;  // owned reference on success
  SyntaxErrorInfo error;       // filled on failure
};

// Parses and compiles `source` as a module. `keep_source` stores the text for tracebacks
// (CPython shows no source lines for `-c` code).
[[nodiscard]] CompileResult compile_module(ThreadState* ts, std::string_view source, const std::string& filename,
                                           bool keep_source);

// compile(source, filename, "eval"): one expression whose value the code returns.
[[nodiscard]] CompileResult compile_expression(ThreadState* ts, std::string_view source, const std::string& filename);

// The steps after parsing, for a tree from the parser or from compile(ast_tree, ...).
// `is_expression`: the module holds one expression statement whose value the code returns.
[[nodiscard]] CompileResult compile_module_tree(ThreadState* ts, Module& module, std::string_view source,
                                               const std::string& filename, bool is_expression);

}  // namespace terrarium
