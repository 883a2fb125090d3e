// The `_ast` built-in module: the node classes (defined in core/pylib/_ast_nodes.py and
// re-exported here, as CPython's _ast holds them) and the compile() flags, plus the two
// bridges compile() uses: source to node objects, node objects to code.
// CPython: Python/Python-ast.c (module init), Python/pythonrun.c (PyCF_ONLY_AST).
#include "modules/ast_module.hpp"

#include "compiler/parser.hpp"
#include "modules/builtins_registry.hpp"
#include "modules/module_registry.hpp"
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/int.hpp"
#include "objects/module.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/typeobject.hpp"
#include "vm/import.hpp"

namespace terrarium {

Object* init_ast_module(ThreadState* ts) {
  Object* nodes = import_module(ts, "_ast_nodes");
  if (!nodes) return nullptr;
  Object* m = new_module(ts, "_ast");
  bool ok = m != nullptr;
  if (ok) {
    // Every public name of _ast_nodes: AST and the node classes.
    Object* d = module_dict(m);
    ok = for_each_item(ts, module_dict(nodes), [&](Object* key) {
      if (!is_str(key) || str_view(key).substr(0, 1) == "_") return true;
      Object* value = dict_get_str(module_dict(nodes), key);
      return !value || !is_instance(value, &type_type) || dict_set_item(ts, d, key, value);
    });
    ok = ok && add_builtin_object(ts, d, "PyCF_ONLY_AST", new_int(ts, kPyCF_ONLY_AST)) &&
         add_builtin_object(ts, d, "PyCF_TYPE_COMMENTS", new_int(ts, kPyCF_TYPE_COMMENTS)) &&
         add_builtin_object(ts, d, "PyCF_ALLOW_TOP_LEVEL_AWAIT", new_int(ts, kPyCF_ALLOW_TOP_LEVEL_AWAIT));
  }
  decref(nodes);
  if (!ok) {
    xdecref(m);
    return nullptr;
  }
  return m;
}

Object* parse_to_ast_object(ThreadState* ts, std::string_view source, std::string_view mode, SyntaxErrorInfo& error) {
  Module module;
  if (!parse_module(ts, source, module, error)) return nullptr;
  if (mode == "eval" && (module.body.size() != 1 || module.body[0]->kind != StmtKind::Expr)) {
    error.type = "SyntaxError";
    error.message = "invalid syntax";
    error.lineno = module.body.empty() ? 1 : module.body[0]->loc.lineno;
    error.offset = module.body.empty() ? 1 : module.body[0]->loc.col_offset + 1;
    return nullptr;
  }
  return module_to_ast_object(ts, module, mode);
}

int is_ast_object(ThreadState* ts, Object* o) {
  Object* nodes = import_module(ts, "_ast_nodes");
  if (!nodes) return -1;
  Object* base = get_attr_str(ts, nodes, "AST");
  decref(nodes);
  if (!base) return -1;
  int r = object_isinstance(ts, o, base);
  decref(base);
  return r;
}

CompileResult compile_ast_object(ThreadState* ts, Object* tree, const std::string& filename, std::string_view mode) {
  CompileResult result;
  Module module;
  if (!module_from_ast_object(ts, tree, mode, module)) return result;
  return compile_module_tree(ts, module, "", filename, mode == "eval");
}

}  // namespace terrarium
