// The _weakref module, which weakref.py builds on: the ref type and the counts.
// CPython: Modules/_weakref.c.
#include <string>
#include "modules/builtins_registry.hpp"
#include "modules/module_registry.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/int.hpp"
#include "objects/module.hpp"
#include "objects/singletons.hpp"
#include "objects/weakref.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

Object* getweakrefcount(ThreadState* ts, Object*, Object* const* a, std::size_t n, Object*) {
  if (n != 1) return raise(ts, &exc_TypeError, "getweakrefcount() takes exactly one argument (" + std::to_string(n) + " given)");
  return new_int(ts, weakref_count(a[0]));
}

Object* getweakrefs(ThreadState* ts, Object*, Object* const* a, std::size_t n, Object*) {
  if (n != 1) return raise(ts, &exc_TypeError, "getweakrefs() takes exactly one argument (" + std::to_string(n) + " given)");
  return weakrefs_of(ts, a[0]);
}

// _remove_dead_weakref(dict, key): drops dict[key] if it is a dead weak reference,
// atomically with respect to the callback that calls it.
Object* remove_dead_weakref(ThreadState* ts, Object*, Object* const* a, std::size_t n, Object*) {
  if (n != 2 || !is_instance(a[0], &dict_type))
    return raise(ts, &exc_TypeError, "_remove_dead_weakref() expects a dict and a key");
  Object* value = dict_get_item(ts, a[0], a[1]);
  if (!value) {
    if (error_occurred(ts)) return nullptr;
    return newref(py_none());
  }
  if (is_instance(value, &weakref_type) && !static_cast<WeakRefObject*>(value)->referent)
    if (dict_del_item(ts, a[0], a[1]) < 0) return nullptr;
  return newref(py_none());
}

}  // namespace

Object* init_weakref_module(ThreadState* ts) {
  Object* m = new_module(ts, "_weakref");
  if (!m) return nullptr;
  Object* d = module_dict(m);
  bool ok = add_builtin_function(ts, d, "getweakrefcount", getweakrefcount) &&
            add_builtin_function(ts, d, "getweakrefs", getweakrefs) &&
            add_builtin_function(ts, d, "_remove_dead_weakref", remove_dead_weakref) &&
            add_builtin_object(ts, d, "ref", newref<Object>(&weakref_type)) &&
            add_builtin_object(ts, d, "ReferenceType", newref<Object>(&weakref_type));
  if (!ok) {
    decref(m);
    return nullptr;
  }
  return m;
}

}  // namespace terrarium
