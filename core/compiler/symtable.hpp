// The symbol table: which names each scope binds, declares global/nonlocal or uses, and
// where each use resolves (fast local, cell, free variable, global or name lookup).
// CPython: Python/symtable.c (symtable_visit_*, analyze_block, drop_class_free).
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>
#include "compiler/ast.hpp"
#include "compiler/syntax_error.hpp"

namespace terrarium {

enum class BlockKind { Module, Function, Class };
enum class Scope { Unknown, Local, GlobalExplicit, GlobalImplicit, Free, Cell };

enum SymbolFlags : unsigned {
  DEF_LOCAL = 1u << 0,     // assigned in the block
  DEF_GLOBAL = 1u << 1,    // `global` statement
  DEF_NONLOCAL = 1u << 2,  // `nonlocal` statement
  DEF_PARAM = 1u << 3,     // a parameter
  DEF_IMPORT = 1u << 4,
  USE = 1u << 5,
  DEF_FREE_CLASS = 1u << 6,  // free in a nested block's view of a class
};

struct Symbol {
  unsigned flags = 0;
  Scope scope = Scope::Unknown;
};

struct SymbolTableEntry {
  BlockKind kind;
  std::string name;
  const void* node;          // the AST node that opened the block
  int lineno = 0;
  bool nested = false;       // inside a function
  bool is_comprehension = false;
  bool is_lambda = false;
  bool is_generator = false;
  bool is_coroutine = false;   // async def (or an async comprehension)
  bool needs_class_closure = false;  // a method uses super()/__class__
  bool has_varargs = false;
  bool has_varkeywords = false;
  std::map<std::string, Symbol> symbols;
  std::vector<std::string> order;        // names in order of first mention
  std::vector<std::string> params;       // parameter names in CPython's slot order
  std::vector<std::unique_ptr<SymbolTableEntry>> children;
  std::string private_name;              // enclosing class name for __mangling

  Scope scope_of(const std::string& name) const {
    auto it = symbols.find(name);
    return it == symbols.end() ? Scope::Unknown : it->second.scope;
  }
};

class SymbolTable {
 public:
  // Walks the module and analyses every scope. False with `error` filled on a
  // SyntaxError (e.g. "name 'x' is used prior to global declaration").
  [[nodiscard]] bool build(Module& module, std::string_view source, SyntaxErrorInfo& error);
  SymbolTableEntry* lookup(const void* node) const;
  SymbolTableEntry* top() const { return top_.get(); }

 private:
  std::unique_ptr<SymbolTableEntry> top_;
  std::map<const void*, SymbolTableEntry*> by_node_;
  friend class SymtableBuilder;
};

// CPython: _Py_Mangle. `__x` inside class `A` becomes `_A__x`.
std::string mangle(const std::string& private_name, const std::string& name);

}  // namespace terrarium
