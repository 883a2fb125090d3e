// The module type.
#include "objects/module.hpp"

#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/typeobject.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

void module_dealloc(Object* o) {
  xdecref(static_cast<ModuleObject*>(o)->dict);
  object_free(o);
}

// A module's namespace holds its functions, whose globals are that namespace: the
// collector breaks such cycles by clearing the dict, so the module needs no tp_clear.
void module_traverse(Object* o, VisitProc visit, void* arg) {
  if (Object* d = static_cast<ModuleObject*>(o)->dict) visit(d, arg);
}

std::string module_name(Object* m) {
  Object* key = new_str(nullptr, "__name__");
  Object* n = dict_get_str(module_dict(m), key);
  decref(key);
  return n && is_str(n) ? std::string(str_view(n)) : "?";
}

Object* module_getattro(ThreadState* ts, Object* o, Object* name) {
  Object* r = generic_getattr_or_null(ts, o, name);
  if (r || ts->curexc) return r;
  if (Object* v = dict_get_str(module_dict(o), name)) return newref(v);
  // PEP 562: a module-level __getattr__ is consulted for missing names.
  Object* key = new_str(ts, "__getattr__");
  Object* hook = dict_get_str(module_dict(o), key);
  decref(key);
  if (hook) return call_object(ts, hook, &name, 1, nullptr);
  Object* exc = new_exception(ts, &exc_AttributeError,
                              "module '" + module_name(o) + "' has no attribute '" + std::string(str_view(name)) + "'");
  static_cast<ExceptionObject*>(exc)->name = newref(name);
  return raise_object(ts, exc);
}

int module_setattro(ThreadState* ts, Object* o, Object* name, Object* value) {
  if (value) return dict_set_item(ts, module_dict(o), name, value) ? 0 : -1;
  int r = dict_del_item(ts, module_dict(o), name);
  if (r == 0) {
    raise(ts, &exc_AttributeError, "module '" + module_name(o) + "' has no attribute '" + std::string(str_view(name)) + "'");
    return -1;
  }
  return r > 0 ? 0 : -1;
}

Object* module_repr(ThreadState* ts, Object* o) {
  Object* key = new_str(ts, "__file__");
  Object* file = dict_get_str(module_dict(o), key);
  decref(key);
  if (file && is_str(file)) return new_str(ts, "<module '" + module_name(o) + "' from '" + std::string(str_view(file)) + "'>");
  return new_str(ts, "<module '" + module_name(o) + "' (built-in)>");
}

Object* module_get_dict(ThreadState*, Object* o) { return newref(module_dict(o)); }
const GetSetDef kModuleGetSet[] = {{"__dict__", module_get_dict, nullptr}, {nullptr, nullptr, nullptr}};

}  // namespace

TypeObject module_type = [] {
  TypeObject t = make_static_type("module", sizeof(ModuleObject), &object_type);
  t.tp_flags = TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC;
  t.tp_traverse = module_traverse;
  t.tp_dealloc = module_dealloc;
  t.tp_getattro = module_getattro;
  t.tp_setattro = module_setattro;
  t.tp_repr = module_repr;
  t.tp_getset = kModuleGetSet;
  return t;
}();

Object* new_module(ThreadState* ts, const std::string& name) {
  auto* m = static_cast<ModuleObject*>(object_alloc(&module_type, sizeof(ModuleObject)));
  m->dict = new_dict(ts);
  Object* n = new_str(ts, name);
  const char* nones[] = {"__doc__", "__package__", "__loader__", "__spec__"};
  Object* key = new_str(ts, "__name__");
  bool ok = dict_set_item(ts, m->dict, key, n);
  decref(key);
  decref(n);
  for (const char* k : nones) {
    Object* kk = new_str(ts, k);
    ok = ok && dict_set_item(ts, m->dict, kk, py_none());
    decref(kk);
  }
  if (!ok) {
    decref(m);
    return nullptr;
  }
  return m;
}

}  // namespace terrarium
