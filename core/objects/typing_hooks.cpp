// Hands `list[int]` and `int | str` to the Python-written types.GenericAlias and
// types.UnionType (see typing_hooks.hpp). The modules are imported on first use, so a
// program that never subscripts a built-in class or ORs two classes never loads them.
#include "objects/typing_hooks.hpp"

#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/list.hpp"
#include "objects/set.hpp"
#include "objects/singletons.hpp"
#include "objects/tuple.hpp"
#include "vm/import.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

// module.function(a, b): the pylib module is imported (and cached in sys.modules) once.
Object* call_pylib(ThreadState* ts, const char* module, const char* function, Object* a, Object* b) {
  Object* m = import_module(ts, module);
  if (!m) return nullptr;
  Object* fn = get_attr_str_or_null(ts, m, function);
  decref(m);
  if (!fn) {
    if (!ts->curexc) raise(ts, &exc_ImportError, std::string("cannot import name '") + function + "' from '" + module + "'");
    return nullptr;
  }
  Object* args[2] = {a, b};
  Object* r = call_object(ts, fn, args, 2, nullptr);
  decref(fn);
  return r;
}

}  // namespace

bool is_builtin_generic(TypeObject* type) {
  return type == &list_type || type == &dict_type || type == &tuple_type || type == &set_type ||
         type == &frozenset_type || type == &type_type;
}

Object* new_builtin_generic_alias(ThreadState* ts, Object* origin, Object* args) {
  return call_pylib(ts, "_generic_alias", "GenericAlias", origin, args);
}

Object* type_or(ThreadState* ts, Object* a, Object* b) { return call_pylib(ts, "_union_type", "type_or", a, b); }

}  // namespace terrarium
