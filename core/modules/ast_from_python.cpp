// compile(tree, ...)'s first step: Python ast node objects back into our C++ syntax tree.
// Only the entry point lives here; the field readers are in ast_from_python.hpp and the
// node cases in ast_from_python_nodes.cpp. CPython: Python/Python-ast.c PyAST_obj2mod.
#include "modules/ast_from_python.hpp"

#include "objects/module.hpp"
#include "vm/import.hpp"

namespace terrarium {

bool module_from_ast_object(ThreadState* ts, Object* tree, std::string_view mode, Module& out) {
  Object* classes = import_module(ts, "_ast_nodes");
  if (!classes) return false;
  bool ok = FromPython(ts, module_dict(classes)).module(tree, mode, out);
  decref(classes);
  return ok;
}

}  // namespace terrarium
