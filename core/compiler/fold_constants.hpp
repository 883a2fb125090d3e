// AST-level constant folding, as CPython's ast_opt.c does it before code generation:
// operators on constants are evaluated with the real object operations, and a result is
// used only if it raised nothing and stays within CPython's size limits.
#pragma once
#include "compiler/ast.hpp"
#include "compiler/syntax_error.hpp"

namespace terrarium {

// False with `error` filled (RecursionError) when the tree is nested too deeply.
[[nodiscard]] bool fold_constants(ThreadState* ts, Module& module, SyntaxErrorInfo& error);

}  // namespace terrarium
