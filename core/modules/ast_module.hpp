// The `_ast` built-in module's interface to the rest of the core: turning our C++ syntax
// tree into Python node objects (ast_to_python.cpp) for compile(..., PyCF_ONLY_AST), and
// back (ast_from_python.cpp) for compile(tree, ...). The node classes themselves are
// Python classes from core/pylib/_ast_nodes.py.
#pragma once
#include <string>
#include <string_view>
#include "compiler/ast.hpp"
#include "compiler/codegen.hpp"
#include "compiler/syntax_error.hpp"

namespace terrarium {

// CPython: Include/cpython/compile.h.
constexpr int kPyCF_ONLY_AST = 0x0400;
constexpr int kPyCF_TYPE_COMMENTS = 0x1000;
constexpr int kPyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000;

// Parses `source` in `mode` ("exec", "eval", "single") into a tree of ast node objects.
// Null with `error` filled (a SyntaxError to raise) or with a Python error set.
[[nodiscard]] Object* parse_to_ast_object(ThreadState* ts, std::string_view source, std::string_view mode,
                                          SyntaxErrorInfo& error);

// 1 if `o` is an instance of ast.AST, 0 if not, -1 on error.
[[nodiscard]] int is_ast_object(ThreadState* ts, Object* o);

// compile(tree, filename, mode): code from a Module/Expression/Interactive tree. On failure
// result.code is null and either a Python error is set (a malformed tree) or result.error
// holds a SyntaxError found while compiling.
[[nodiscard]] CompileResult compile_ast_object(ThreadState* ts, Object* tree, const std::string& filename,
                                               std::string_view mode);

// ast_from_python.cpp: the C++ tree of a Python mod node; false with a Python error set.
[[nodiscard]] bool module_from_ast_object(ThreadState* ts, Object* tree, std::string_view mode, Module& out);

// ast_to_python.cpp: the Python node for a parsed module in `mode` (new reference).
[[nodiscard]] Object* module_to_ast_object(ThreadState* ts, Module& module, std::string_view mode);

}  // namespace terrarium
