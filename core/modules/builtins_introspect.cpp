// vars() and dir(): the namespaces an object exposes. CPython: Python/bltinmodule.c
// builtin_vars, Objects/object.c _dir_object, Objects/typeobject.c type___dir__ and
// object___dir__.
#include <algorithm>
#include <string>
#include <vector>
#include "modules/builtins_registry.hpp"
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/list.hpp"
#include "objects/module.hpp"
#include "objects/singletons.hpp"
#include "objects/slots.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

// obj.name() with no arguments.
Object* call_no_args(ThreadState* ts, Object* obj, const char* name) {
  Object* method = get_attr_str(ts, obj, name);
  if (!method) return nullptr;
  Object* r = call_object(ts, method, nullptr, 0, nullptr);
  decref(method);
  return r;
}

Object* builtin_vars(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (kwnames && tuple_size(kwnames) > 0) return raise(ts, &exc_TypeError, "vars() takes no keyword arguments");
  if (nargs > 1) return raise(ts, &exc_TypeError, "vars expected at most 1 argument, got " + std::to_string(nargs));
  if (nargs == 0) return current_locals(ts);
  Object* d = get_attr_str(ts, args[0], "__dict__");
  if (!d && is_instance(ts->curexc, &exc_AttributeError)) {
    clear_error(ts);
    return raise(ts, &exc_TypeError, "vars() argument must have __dict__ attribute");
  }
  return d;
}

// Adds the str keys of a mapping's dict to `names` (duplicates removed later).
void collect_keys(Object* dict, std::vector<Object*>& names) {
  if (!dict || !is_instance(dict, &dict_type)) return;
  for (const DictEntry& e : *static_cast<DictObject*>(dict)->entries)
    if (e.key && is_str(e.key)) names.push_back(e.key);
}

void collect_class_keys(TypeObject* type, std::vector<Object*>& names) {
  Object* mro = type->tp_mro;
  if (!mro) {
    collect_keys(type->tp_dict, names);
    return;
  }
  for (Py_ssize_t i = 0; i < tuple_size(mro); ++i)
    collect_keys(static_cast<TypeObject*>(tuple_get(mro, i))->tp_dict, names);
}

// The default __dir__ of modules, classes and instances, sorted and without duplicates.
Object* default_dir(ThreadState* ts, Object* obj) {
  std::vector<Object*> names;
  Object* own = nullptr;
  if (is_instance(obj, &type_type)) {
    collect_class_keys(static_cast<TypeObject*>(obj), names);
  } else if (is_instance(obj, &module_type)) {
    collect_keys(module_dict(obj), names);
  } else {
    own = get_attr_str_or_null(ts, obj, "__dict__");
    if (!own && has_error(ts)) return nullptr;
    collect_keys(own, names);
    collect_class_keys(obj->ob_type, names);
  }
  std::sort(names.begin(), names.end(), [](Object* a, Object* b) { return str_view(a) < str_view(b); });
  names.erase(std::unique(names.begin(), names.end(), [](Object* a, Object* b) { return str_view(a) == str_view(b); }),
              names.end());
  Object* result = new_list(ts);
  bool ok = result != nullptr;
  for (Object* name : names) ok = ok && list_append(ts, result, name);
  xdecref(own);
  if (!ok) {
    xdecref(result);
    return nullptr;
  }
  return result;
}

Object* builtin_dir(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (kwnames && tuple_size(kwnames) > 0) return raise(ts, &exc_TypeError, "dir() takes no keyword arguments");
  if (nargs > 1) return raise(ts, &exc_TypeError, "dir expected at most 1 argument, got " + std::to_string(nargs));
  if (nargs == 0) {
    Object* locals = current_locals(ts);
    if (!locals) return nullptr;
    Object* keys = new_list(ts);
    bool ok = keys && list_extend(ts, keys, locals);
    decref(locals);
    if (!ok) {
      xdecref(keys);
      return nullptr;
    }
    Object* sorted = call_no_args(ts, keys, "sort");
    if (!sorted) {
      decref(keys);
      return nullptr;
    }
    decref(sorted);
    return keys;
  }
  Object* obj = args[0];
  // A class's own __dir__ (looked up on the type, as special methods are) wins.
  Object* custom = type_lookup_str(obj->ob_type, "__dir__");
  if (!custom) return default_dir(ts, obj);
  Object* listed = call_dunder(ts, obj, "__dir__", nullptr, 0);
  if (!listed) return nullptr;
  Object* result = new_list(ts);
  bool ok = result && list_extend(ts, result, listed);
  decref(listed);
  Object* sorted = ok ? call_no_args(ts, result, "sort") : nullptr;
  if (!sorted) {
    xdecref(result);
    return nullptr;
  }
  decref(sorted);
  return result;
}

}  // namespace

bool register_introspection_builtins(ThreadState* ts, Object* dict) {
  return add_builtin_function(ts, dict, "vars", builtin_vars) && add_builtin_function(ts, dict, "dir", builtin_dir);
}

}  // namespace terrarium
