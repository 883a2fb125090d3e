// _thread._local: an object whose attributes are per thread. Each thread keeps the
// attribute dicts of the locals it touched in its ThreadState::dict under the local's
// key; an access first swaps the current thread's dict into the instance's __dict__
// slot, then does generic attribute access. A thread's first access runs __init__
// again with the arguments the local was made with. CPython: Modules/_threadmodule.c
// local_* (which keys per-thread dicts the same way).
#include <string>
#include "modules/thread_lock.hpp"
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"
#include "vm/eval_helpers.hpp"
#include "vm/gc_state.hpp"
#include "vm/interpreter_state.hpp"

namespace terrarium {

extern TypeObject thread_local_type;

namespace {

struct LocalObject : Object {
  Object* key;     // str naming this local in every thread's dict
  Object* args;    // tuple given at creation, for __init__ in other threads
  Object* kwargs;  // dict or null
};

LocalObject* as_local(Object* o) { return static_cast<LocalObject*>(o); }

bool init_overridden(TypeObject* type) {
  return type_lookup_str(type, "__init__") != type_lookup_str(&object_type, "__init__");
}

void install_dict(Object* self, Object* dict) {
  Object** slot = managed_dict_slot(self);
  if (*slot == dict) return;
  Object* old = *slot;
  *slot = newref(dict);
  xdecref(old);
}

// The calling thread's attribute dict for `self` (borrowed), installed in its __dict__
// slot; made (and __init__ run) on the thread's first access. Null with an error set.
Object* thread_dict_for(ThreadState* ts, Object* self) {
  LocalObject* local = as_local(self);
  if (!ts->dict) ts->dict = new_dict(ts);
  if (Object* dict = dict_get_str(ts->dict, local->key)) {
    install_dict(self, dict);
    return dict;
  }
  Object* dict = new_dict(ts);
  bool ok = dict_set_item(ts, ts->dict, local->key, dict);
  decref(dict);
  if (!ok) return nullptr;
  install_dict(self, dict);
  if (init_overridden(self->ob_type)) {
    Object* init = type_lookup_str(self->ob_type, "__init__");
    Py_ssize_t n = tuple_size(local->args);
    Object* args = new_tuple(ts, n + 1);
    tuple_set(args, 0, newref(self));
    for (Py_ssize_t i = 0; i < n; ++i) tuple_set(args, i + 1, newref(tuple_get(local->args, i)));
    Object* result = call_with_tuple_and_dict(ts, init, args, local->kwargs);
    decref(args);
    if (!result) {
      if (dict_del_item(ts, ts->dict, local->key) < 0) clear_error(ts);
      return nullptr;
    }
    decref(result);
  }
  return dict;
}

Object* local_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  std::size_t nkw = kwnames ? static_cast<std::size_t>(tuple_size(kwnames)) : 0;
  if ((nargs || nkw) && !init_overridden(type))
    return raise(ts, &exc_TypeError, "Initialization arguments are not supported");
  auto* local = static_cast<LocalObject*>(object_alloc(type, type->tp_basicsize));
  local->key = new_str(ts, "_thread._local." + object_address(local));
  local->args = new_tuple(ts, static_cast<Py_ssize_t>(nargs));
  for (std::size_t i = 0; i < nargs; ++i) tuple_set(local->args, static_cast<Py_ssize_t>(i), newref(args[i]));
  local->kwargs = nullptr;
  if (nkw) {
    local->kwargs = new_dict(ts);
    for (std::size_t i = 0; i < nkw; ++i)
      if (!dict_set_item(ts, local->kwargs, tuple_get(kwnames, static_cast<Py_ssize_t>(i)), args[nargs + i])) {
        decref(local);
        return nullptr;
      }
  }
  // The creating thread's dict; type.__call__ runs __init__ for it.
  if (!ts->dict) ts->dict = new_dict(ts);
  Object* dict = new_dict(ts);
  bool ok = dict_set_item(ts, ts->dict, local->key, dict);
  install_dict(local, dict);
  decref(dict);
  if (!ok) {
    decref(local);
    return nullptr;
  }
  return local;
}

// Forgets this local in every thread still alive (their dicts would keep its
// attributes until they end).
void local_dealloc(Object* o) {
  LocalObject* local = as_local(o);
  if (ThreadState* ts = current_thread_state(); ts && ts->interp && local->key) {
    auto forget = [&](ThreadState* t) {
      if (t->dict && dict_get_str(t->dict, local->key) && dict_del_item(ts, t->dict, local->key) < 0) clear_error(ts);
    };
    forget(&ts->interp->main_thread);
    for (ThreadState* t : ts->interp->threads) forget(t);
  }
  xdecref(local->key);
  xdecref(local->args);
  xdecref(local->kwargs);
  object_free(o);
}

Object* local_getattro(ThreadState* ts, Object* self, Object* name) {
  if (!thread_dict_for(ts, self)) return nullptr;
  return generic_getattr(ts, self, name);
}

int local_setattro(ThreadState* ts, Object* self, Object* name, Object* value) {
  if (!thread_dict_for(ts, self)) return -1;
  if (is_str(name) && str_view(name) == "__dict__") {
    raise(ts, &exc_AttributeError,
          "'" + std::string(self->ob_type->tp_name) + "' object attribute '__dict__' is read-only");
    return -1;
  }
  return generic_setattr(ts, self, name, value);
}

Object* local_get_dict(ThreadState* ts, Object* self) {
  Object* dict = thread_dict_for(ts, self);
  return dict ? newref(dict) : nullptr;
}

const GetSetDef kLocalGetSet[] = {
    {"__dict__", local_get_dict, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

TypeObject thread_local_type = [] {
  TypeObject t = make_static_type("_thread._local", sizeof(LocalObject), &object_type);
  t.tp_flags |= TPFLAGS_BASETYPE | TPFLAGS_MANAGED_DICT;
  t.tp_dealloc = local_dealloc;
  t.tp_getattro = local_getattro;
  t.tp_setattro = local_setattro;
  t.tp_getset = kLocalGetSet;
  t.tp_new = local_new;
  return t;
}();

}  // namespace terrarium
