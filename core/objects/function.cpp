// Built-in functions, Python functions, bound methods, cells, and the staticmethod,
// classmethod and property descriptors.
#include "objects/function.hpp"

#include <cstdio>
#include <string>
#include "bytecode/code.hpp"
#include "objects/abstract.hpp"
#include "objects/descr.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/weakref.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"
#include "vm/call.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

std::string address_of(Object* o) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(o));
  return buf;
}

// ---- built-in functions ----------------------------------------------------------
Object* builtin_call(ThreadState* ts, Object* callable, Object* const* args, std::size_t nargs, Object* kwnames) {
  return static_cast<BuiltinFunctionObject*>(callable)->impl(ts, callable, args, nargs, kwnames);
}
Object* builtin_repr(ThreadState* ts, Object* o) {
  return new_str(ts, std::string("<built-in function ") + static_cast<BuiltinFunctionObject*>(o)->name + ">");
}
Object* builtin_get_name(ThreadState* ts, Object* o) { return new_str(ts, static_cast<BuiltinFunctionObject*>(o)->name); }
const GetSetDef kBuiltinGetSet[] = {{"__name__", builtin_get_name, nullptr}, {"__qualname__", builtin_get_name, nullptr},
                                    {nullptr, nullptr, nullptr}};

// ---- Python functions -------------------------------------------------------------
void function_dealloc(Object* o) {
  auto* f = static_cast<FunctionObject*>(o);
  clear_weakrefs(o);
  decref(f->code);
  xdecref(f->globals);
  xdecref(f->builtins);
  decref(f->name);
  decref(f->qualname);
  xdecref(f->defaults);
  xdecref(f->kwdefaults);
  xdecref(f->closure);
  xdecref(f->doc);
  xdecref(f->module);
  xdecref(f->annotations);
  xdecref(f->dict);
  object_free(o);
}

void function_traverse(Object* o, VisitProc visit, void* arg) {
  auto* f = static_cast<FunctionObject*>(o);
  for (Object* r : {f->globals, f->builtins, f->defaults, f->kwdefaults, f->closure, f->doc, f->module,
                    f->annotations, f->dict})
    if (r) visit(r, arg);
}

// What may close a cycle: defaults, closure cells, the function's __dict__ and the
// like. The globals stay: a cycle through a module's namespace is broken by clearing
// the namespace (a dict), and a function keeps working until it is freed.
void function_clear(Object* o) {
  auto* f = static_cast<FunctionObject*>(o);
  Object* refs[] = {f->defaults, f->kwdefaults, f->closure, f->doc, f->module, f->annotations, f->dict};
  f->defaults = f->kwdefaults = f->closure = f->annotations = f->dict = nullptr;
  f->doc = newref(py_none());
  f->module = newref(py_none());
  for (Object* r : refs) xdecref(r);
}

Object* function_repr(ThreadState* ts, Object* o) {
  auto* f = static_cast<FunctionObject*>(o);
  return new_str(ts, "<function " + std::string(str_view(f->qualname)) + " at " + address_of(o) + ">");
}

// A function found on a class binds to the instance; on the class itself it stays plain.
Object* function_descr_get(ThreadState* ts, Object* func, Object* obj, Object*) {
  if (!obj) return newref(func);
  return new_method(ts, func, obj);
}

#define TERRARIUM_FUNC_FIELD_GETTER(field)                                  \
  Object* function_get_##field(ThreadState*, Object* o) {                   \
    Object* v = static_cast<FunctionObject*>(o)->field;                     \
    return newref(v ? v : py_none());                                       \
  }
TERRARIUM_FUNC_FIELD_GETTER(name)
TERRARIUM_FUNC_FIELD_GETTER(qualname)
TERRARIUM_FUNC_FIELD_GETTER(doc)
TERRARIUM_FUNC_FIELD_GETTER(module)
TERRARIUM_FUNC_FIELD_GETTER(defaults)
TERRARIUM_FUNC_FIELD_GETTER(kwdefaults)
TERRARIUM_FUNC_FIELD_GETTER(closure)
TERRARIUM_FUNC_FIELD_GETTER(globals)
#undef TERRARIUM_FUNC_FIELD_GETTER

Object* function_get_code(ThreadState*, Object* o) { return newref<Object>(static_cast<FunctionObject*>(o)->code); }
Object* function_get_dict(ThreadState* ts, Object* o) {
  auto* f = static_cast<FunctionObject*>(o);
  if (!f->dict) f->dict = new_dict(ts);
  return newref(f->dict);
}
Object* function_get_annotations(ThreadState* ts, Object* o) {
  auto* f = static_cast<FunctionObject*>(o);
  if (!f->annotations) f->annotations = new_dict(ts);
  return newref(f->annotations);
}

int set_str_field(ThreadState* ts, Object*& field, Object* value, const char* what) {
  if (!is_str(value)) {
    raise(ts, &exc_TypeError, std::string(what) + " must be set to a string object");
    return -1;
  }
  Object* old = field;
  field = newref(value);
  xdecref(old);
  return 0;
}
int function_set_name(ThreadState* ts, Object* o, Object* v) {
  return set_str_field(ts, static_cast<FunctionObject*>(o)->name, v, "__name__");
}
int function_set_qualname(ThreadState* ts, Object* o, Object* v) {
  return set_str_field(ts, static_cast<FunctionObject*>(o)->qualname, v, "__qualname__");
}
int replace_field(Object*& field, Object* value) {
  Object* old = field;
  field = newref(value);
  xdecref(old);
  return 0;
}
int function_set_doc(ThreadState*, Object* o, Object* v) { return replace_field(static_cast<FunctionObject*>(o)->doc, v); }
int function_set_module(ThreadState*, Object* o, Object* v) {
  return replace_field(static_cast<FunctionObject*>(o)->module, v);
}
int function_set_defaults(ThreadState* ts, Object* o, Object* v) {
  if (v != py_none() && !is_tuple(v)) {
    raise(ts, &exc_TypeError, "__defaults__ must be set to a tuple object");
    return -1;
  }
  return replace_field(static_cast<FunctionObject*>(o)->defaults, v == py_none() ? nullptr : v);
}
int function_set_kwdefaults(ThreadState* ts, Object* o, Object* v) {
  if (v != py_none() && !is_instance(v, &dict_type)) {
    raise(ts, &exc_TypeError, "__kwdefaults__ must be set to a dict object");
    return -1;
  }
  return replace_field(static_cast<FunctionObject*>(o)->kwdefaults, v == py_none() ? nullptr : v);
}
// CPython: func_set_code(). Running frames keep their own reference to the old code.
int function_set_code(ThreadState* ts, Object* o, Object* v) {
  auto* f = static_cast<FunctionObject*>(o);
  if (!v || !is_instance(v, &code_type)) {
    raise(ts, &exc_TypeError, "__code__ must be set to a code object");
    return -1;
  }
  std::size_t want = f->closure ? static_cast<std::size_t>(tuple_size(f->closure)) : 0;
  std::size_t got = static_cast<CodeObject*>(v)->co_freevars.size();
  if (want != got) {
    raise(ts, &exc_ValueError, std::string(str_view(f->name)) + "() requires a code object with " +
                                   std::to_string(want) + " free vars, not " + std::to_string(got));
    return -1;
  }
  CodeObject* old = f->code;
  f->code = newref(static_cast<CodeObject*>(v));
  decref(old);
  return 0;
}
int function_set_dict(ThreadState*, Object* o, Object* v) { return replace_field(static_cast<FunctionObject*>(o)->dict, v); }
int function_set_annotations(ThreadState*, Object* o, Object* v) {
  return replace_field(static_cast<FunctionObject*>(o)->annotations, v);
}

const GetSetDef kFunctionGetSet[] = {
    {"__name__", function_get_name, function_set_name},
    {"__qualname__", function_get_qualname, function_set_qualname},
    {"__doc__", function_get_doc, function_set_doc},
    {"__module__", function_get_module, function_set_module},
    {"__defaults__", function_get_defaults, function_set_defaults},
    {"__kwdefaults__", function_get_kwdefaults, function_set_kwdefaults},
    {"__closure__", function_get_closure, nullptr},
    {"__globals__", function_get_globals, nullptr},
    {"__code__", function_get_code, function_set_code},
    {"__dict__", function_get_dict, function_set_dict},
    {"__annotations__", function_get_annotations, function_set_annotations},
    {nullptr, nullptr, nullptr},
};

// Functions accept arbitrary attributes (f.calls = 0), kept in their __dict__.
Object* function_getattro(ThreadState* ts, Object* o, Object* name) {
  Object* r = generic_getattr_or_null(ts, o, name);
  if (r || error_occurred(ts)) return r;
  auto* f = static_cast<FunctionObject*>(o);
  if (f->dict)
    if (Object* v = dict_get_str(f->dict, name)) return newref(v);
  return raise_attribute_error(ts, o, name);
}
int function_setattro(ThreadState* ts, Object* o, Object* name, Object* value) {
  if (Object* descr = type_lookup(o->ob_type, name)) {
    if (descr->ob_type->tp_descr_set) return descr->ob_type->tp_descr_set(ts, descr, o, value);
  }
  auto* f = static_cast<FunctionObject*>(o);
  if (!f->dict) f->dict = new_dict(ts);
  if (value) return dict_set_item(ts, f->dict, name, value) ? 0 : -1;
  int r = dict_del_item(ts, f->dict, name);
  if (r == 0) raise_attribute_error(ts, o, name);
  return r > 0 ? 0 : -1;
}

// ---- bound methods ------------------------------------------------------------------
void method_dealloc(Object* o) {
  auto* m = static_cast<MethodObject*>(o);
  decref(m->func);
  decref(m->self);
  object_free(o);
}
void method_traverse(Object* o, VisitProc visit, void* arg) {
  auto* m = static_cast<MethodObject*>(o);
  if (m->func) visit(m->func, arg);
  if (m->self) visit(m->self, arg);
}
Object* method_call(ThreadState* ts, Object* callable, Object* const* args, std::size_t nargs, Object* kwnames) {
  auto* m = static_cast<MethodObject*>(callable);
  std::size_t nkw = kwnames ? static_cast<std::size_t>(tuple_size(kwnames)) : 0;
  Object* small[9];
  std::vector<Object*> big;
  Object** full = small;
  if (nargs + nkw + 1 > 9) {
    big.resize(nargs + nkw + 1);
    full = big.data();
  }
  full[0] = m->self;
  for (std::size_t i = 0; i < nargs + nkw; ++i) full[i + 1] = args[i];
  return call_object(ts, m->func, full, nargs + 1, kwnames);
}
Object* method_repr(ThreadState* ts, Object* o) {
  auto* m = static_cast<MethodObject*>(o);
  Object* qualname = get_attr_str(ts, m->func, "__qualname__");
  if (!qualname) return nullptr;
  std::string self_repr;
  if (!repr_string(ts, m->self, self_repr)) {
    decref(qualname);
    return nullptr;
  }
  std::string q = is_str(qualname) ? std::string(str_view(qualname)) : "?";
  decref(qualname);
  return new_str(ts, "<bound method " + q + " of " + self_repr + ">");
}
Object* method_get_func(ThreadState*, Object* o) { return newref(static_cast<MethodObject*>(o)->func); }
Object* method_get_self(ThreadState*, Object* o) { return newref(static_cast<MethodObject*>(o)->self); }
Object* method_getattro(ThreadState* ts, Object* o, Object* name) {
  Object* r = generic_getattr_or_null(ts, o, name);
  if (r || error_occurred(ts)) return r;
  return get_attr(ts, static_cast<MethodObject*>(o)->func, name);  // m.__name__ is the function's
}
Object* method_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || a->ob_type != b->ob_type) return newref(py_not_implemented());
  auto* x = static_cast<MethodObject*>(a);
  auto* y = static_cast<MethodObject*>(b);
  bool eq = x->func == y->func && x->self == y->self;
  return new_bool(op == CompareOp::Eq ? eq : !eq);
}
const GetSetDef kMethodGetSet[] = {{"__func__", method_get_func, nullptr}, {"__self__", method_get_self, nullptr},
                                   {nullptr, nullptr, nullptr}};

// ---- cells ---------------------------------------------------------------------------
void cell_dealloc(Object* o) {
  xdecref(static_cast<CellObject*>(o)->contents);
  object_free(o);
}
void cell_traverse(Object* o, VisitProc visit, void* arg) {
  if (Object* c = static_cast<CellObject*>(o)->contents) visit(c, arg);
}
void cell_clear(Object* o) {
  auto* cell = static_cast<CellObject*>(o);
  Object* c = cell->contents;
  cell->contents = nullptr;
  xdecref(c);
}
Object* cell_get_contents(ThreadState* ts, Object* o) {
  Object* c = static_cast<CellObject*>(o)->contents;
  if (!c) return raise(ts, &exc_ValueError, "Cell is empty");
  return newref(c);
}
Object* cell_repr(ThreadState* ts, Object* o) {
  Object* c = static_cast<CellObject*>(o)->contents;
  if (!c) return new_str(ts, "<cell at " + address_of(o) + ": empty>");
  return new_str(ts, "<cell at " + address_of(o) + ": " + c->ob_type->tp_name + " object at " + address_of(c) + ">");
}
const GetSetDef kCellGetSet[] = {{"cell_contents", cell_get_contents, nullptr}, {nullptr, nullptr, nullptr}};

// ---- staticmethod / classmethod / property -------------------------------------------
struct WrapperObject : Object {  // staticmethod and classmethod
  Object* callable;
  Object* dict;
};
void wrapper_dealloc(Object* o) {
  auto* w = static_cast<WrapperObject*>(o);
  xdecref(w->callable);
  xdecref(w->dict);
  object_free(o);
}
void wrapper_traverse(Object* o, VisitProc visit, void* arg) {
  auto* w = static_cast<WrapperObject*>(o);
  if (w->callable) visit(w->callable, arg);
  if (w->dict) visit(w->dict, arg);
}
void wrapper_clear(Object* o) {
  auto* w = static_cast<WrapperObject*>(o);
  Object* callable = w->callable;
  Object* dict = w->dict;
  w->callable = w->dict = nullptr;
  xdecref(callable);
  xdecref(dict);
}
Object* wrapper_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (nargs != 1 || (kwnames && tuple_size(kwnames)))
    return raise(ts, &exc_TypeError, std::string(type->tp_name) + " expected 1 argument, got " + std::to_string(nargs));
  auto* w = static_cast<WrapperObject*>(object_alloc(type, type->tp_basicsize));
  w->callable = newref(args[0]);
  w->dict = nullptr;
  return w;
}
int wrapper_init(ThreadState*, Object*, Object* const*, std::size_t, Object*) { return 0; }
Object* staticmethod_get(ThreadState*, Object* self, Object*, Object*) {
  return newref(static_cast<WrapperObject*>(self)->callable);
}
Object* staticmethod_call(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  return call_object(ts, static_cast<WrapperObject*>(self)->callable, args, nargs, kwnames);
}
Object* classmethod_get(ThreadState* ts, Object* self, Object* obj, Object* type) {
  Object* cls = type && type != py_none() ? type : reinterpret_cast<Object*>(obj->ob_type);
  Object* callable = static_cast<WrapperObject*>(self)->callable;
  // A classmethod wrapping a descriptor (e.g. a property) chains, as 3.11 does.
  if (DescrGetFunc get = callable->ob_type->tp_descr_get; get && callable->ob_type != &function_type)
    return get(ts, callable, cls, cls);
  return new_method(ts, callable, cls);
}
Object* wrapper_get_func(ThreadState*, Object* o) { return newref(static_cast<WrapperObject*>(o)->callable); }
Object* wrapper_getattro(ThreadState* ts, Object* o, Object* name) {
  Object* r = generic_getattr_or_null(ts, o, name);
  if (r || error_occurred(ts)) return r;
  // staticmethod/classmethod copy the wrapped function's metadata (3.10+): __name__, __doc__ ...
  return get_attr(ts, static_cast<WrapperObject*>(o)->callable, name);
}
const GetSetDef kWrapperGetSet[] = {{"__func__", wrapper_get_func, nullptr},
                                    {"__wrapped__", wrapper_get_func, nullptr},
                                    {nullptr, nullptr, nullptr}};

struct PropertyObject : Object {
  Object* fget;
  Object* fset;
  Object* fdel;
  Object* doc;
  Object* name;  // set by __set_name__, for error messages
};
void property_dealloc(Object* o) {
  auto* p = static_cast<PropertyObject*>(o);
  xdecref(p->fget);
  xdecref(p->fset);
  xdecref(p->fdel);
  xdecref(p->doc);
  xdecref(p->name);
  object_free(o);
}
Object* none_to_null(Object* o) { return o == py_none() ? nullptr : o; }
Object* property_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* slots[4] = {nullptr, nullptr, nullptr, nullptr};
  static const char* const kNames[] = {"fget", "fset", "fdel", "doc"};
  if (nargs > 4) return raise(ts, &exc_TypeError, "property() takes at most 4 arguments (" + std::to_string(nargs) + " given)");
  for (std::size_t i = 0; i < nargs; ++i) slots[i] = args[i];
  for (Py_ssize_t k = 0; kwnames && k < tuple_size(kwnames); ++k) {
    std::string_view key = str_view(tuple_get(kwnames, k));
    bool found = false;
    for (int i = 0; i < 4; ++i)
      if (key == kNames[i]) slots[i] = args[nargs + k], found = true;
    if (!found) return raise(ts, &exc_TypeError, "property() got an unexpected keyword argument '" + std::string(key) + "'");
  }
  auto* p = static_cast<PropertyObject*>(object_alloc(type, type->tp_basicsize));
  p->fget = slots[0] && none_to_null(slots[0]) ? newref(slots[0]) : nullptr;
  p->fset = slots[1] && none_to_null(slots[1]) ? newref(slots[1]) : nullptr;
  p->fdel = slots[2] && none_to_null(slots[2]) ? newref(slots[2]) : nullptr;
  p->doc = nullptr;
  if (slots[3] && slots[3] != py_none()) p->doc = newref(slots[3]);
  else if (p->fget) {
    p->doc = get_attr_str(ts, p->fget, "__doc__");
    if (!p->doc) clear_error(ts);
  }
  p->name = nullptr;
  return p;
}
std::string property_label(PropertyObject* p, Object* obj) {
  std::string owner = std::string("'") + obj->ob_type->tp_name + "' object";
  if (p->name) return "property '" + std::string(str_view(p->name)) + "' of " + owner;
  return "property of " + owner;
}
Object* property_get(ThreadState* ts, Object* self, Object* obj, Object*) {
  auto* p = static_cast<PropertyObject*>(self);
  if (!obj) return newref(self);
  if (!p->fget) return raise(ts, &exc_AttributeError, property_label(p, obj) + " has no getter");
  return call_object(ts, p->fget, &obj, 1, nullptr);
}
int property_set(ThreadState* ts, Object* self, Object* obj, Object* value) {
  auto* p = static_cast<PropertyObject*>(self);
  Object* f = value ? p->fset : p->fdel;
  if (!f) {
    raise(ts, &exc_AttributeError, property_label(p, obj) + (value ? " has no setter" : " has no deleter"));
    return -1;
  }
  Object* args[2] = {obj, value};
  Object* r = call_object(ts, f, args, value ? 2 : 1, nullptr);
  if (!r) return -1;
  decref(r);
  return 0;
}
Object* property_copy_with(ThreadState* ts, Object* self, int which, Object* func) {
  auto* p = static_cast<PropertyObject*>(self);
  Object* args[4] = {p->fget ? p->fget : py_none(), p->fset ? p->fset : py_none(), p->fdel ? p->fdel : py_none(),
                     p->doc ? p->doc : py_none()};
  args[which] = func;
  if (which == 0) args[3] = py_none();  // a new getter brings its own docstring
  Object* copy = call_object(ts, self->ob_type, args, 4, nullptr);
  if (copy && p->name) static_cast<PropertyObject*>(copy)->name = newref(p->name);
  return copy;
}
Object* property_getter(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  if (n != 1) return raise(ts, &exc_TypeError, "getter() takes exactly one argument");
  return property_copy_with(ts, self, 0, a[0]);
}
Object* property_setter(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  if (n != 1) return raise(ts, &exc_TypeError, "setter() takes exactly one argument");
  return property_copy_with(ts, self, 1, a[0]);
}
Object* property_deleter(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  if (n != 1) return raise(ts, &exc_TypeError, "deleter() takes exactly one argument");
  return property_copy_with(ts, self, 2, a[0]);
}
Object* property_set_name(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  if (n != 2) return raise(ts, &exc_TypeError, "__set_name__() takes 2 positional arguments");
  auto* p = static_cast<PropertyObject*>(self);
  Object* old = p->name;
  p->name = newref(a[1]);
  xdecref(old);
  return newref(py_none());
}
Object* property_get_fget(ThreadState*, Object* o) {
  Object* f = static_cast<PropertyObject*>(o)->fget;
  return newref(f ? f : py_none());
}
Object* property_get_fset(ThreadState*, Object* o) {
  Object* f = static_cast<PropertyObject*>(o)->fset;
  return newref(f ? f : py_none());
}
Object* property_get_fdel(ThreadState*, Object* o) {
  Object* f = static_cast<PropertyObject*>(o)->fdel;
  return newref(f ? f : py_none());
}
Object* property_get_doc(ThreadState*, Object* o) {
  Object* d = static_cast<PropertyObject*>(o)->doc;
  return newref(d ? d : py_none());
}
const MethodDef kPropertyMethods[] = {{"getter", property_getter, METH_INSTANCE},
                                      {"setter", property_setter, METH_INSTANCE},
                                      {"deleter", property_deleter, METH_INSTANCE},
                                      {"__set_name__", property_set_name, METH_INSTANCE},
                                      {nullptr, nullptr, 0}};
const GetSetDef kPropertyGetSet[] = {{"fget", property_get_fget, nullptr}, {"fset", property_get_fset, nullptr},
                                     {"fdel", property_get_fdel, nullptr}, {"__doc__", property_get_doc, nullptr},
                                     {nullptr, nullptr, nullptr}};

}  // namespace

TypeObject builtin_function_type = [] {
  TypeObject t = make_static_type("builtin_function_or_method", sizeof(BuiltinFunctionObject), &object_type);
  t.tp_call = builtin_call;
  t.tp_repr = builtin_repr;
  t.tp_getset = kBuiltinGetSet;
  return t;
}();

Object* function_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames);

TypeObject function_type = [] {
  TypeObject t = make_static_type("function", sizeof(FunctionObject), &object_type);
  t.tp_flags = TPFLAGS_HAVE_GC;
  t.tp_traverse = function_traverse;
  t.tp_clear = function_clear;
  t.tp_new = function_new;  // objects/function_new.cpp
  t.tp_dealloc = function_dealloc;
  t.tp_call = function_call;
  t.tp_repr = function_repr;
  t.tp_descr_get = function_descr_get;
  t.tp_getset = kFunctionGetSet;
  t.tp_getattro = function_getattro;
  t.tp_setattro = function_setattro;
  return t;
}();

TypeObject method_type = [] {
  TypeObject t = make_static_type("method", sizeof(MethodObject), &object_type);
  t.tp_flags = TPFLAGS_HAVE_GC;
  t.tp_traverse = method_traverse;
  t.tp_dealloc = method_dealloc;
  t.tp_call = method_call;
  t.tp_repr = method_repr;
  t.tp_getset = kMethodGetSet;
  t.tp_getattro = method_getattro;
  t.tp_richcompare = method_richcompare;
  return t;
}();

TypeObject cell_type = [] {
  TypeObject t = make_static_type("cell", sizeof(CellObject), &object_type);
  t.tp_flags = TPFLAGS_HAVE_GC;
  t.tp_traverse = cell_traverse;
  t.tp_clear = cell_clear;
  t.tp_dealloc = cell_dealloc;
  t.tp_repr = cell_repr;
  t.tp_getset = kCellGetSet;
  return t;
}();

TypeObject staticmethod_type = [] {
  TypeObject t = make_static_type("staticmethod", sizeof(WrapperObject), &object_type);
  t.tp_flags = TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC;
  t.tp_traverse = wrapper_traverse;
  t.tp_clear = wrapper_clear;
  t.tp_dealloc = wrapper_dealloc;
  t.tp_new = wrapper_new;
  t.tp_init = wrapper_init;
  t.tp_descr_get = staticmethod_get;
  t.tp_call = staticmethod_call;
  t.tp_getset = kWrapperGetSet;
  t.tp_getattro = wrapper_getattro;
  return t;
}();

TypeObject classmethod_type = [] {
  TypeObject t = make_static_type("classmethod", sizeof(WrapperObject), &object_type);
  t.tp_flags = TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC;
  t.tp_traverse = wrapper_traverse;
  t.tp_clear = wrapper_clear;
  t.tp_dealloc = wrapper_dealloc;
  t.tp_new = wrapper_new;
  t.tp_init = wrapper_init;
  t.tp_descr_get = classmethod_get;
  t.tp_getset = kWrapperGetSet;
  t.tp_getattro = wrapper_getattro;
  return t;
}();

TypeObject property_type = [] {
  TypeObject t = make_static_type("property", sizeof(PropertyObject), &object_type);
  t.tp_flags = TPFLAGS_BASETYPE;
  t.tp_dealloc = property_dealloc;
  t.tp_new = property_new;
  t.tp_init = wrapper_init;
  t.tp_descr_get = property_get;
  t.tp_descr_set = property_set;
  t.tp_methods = kPropertyMethods;
  t.tp_getset = kPropertyGetSet;
  return t;
}();

Object* new_builtin_function(ThreadState*, const char* name, CallFunc impl) {
  auto* f = static_cast<BuiltinFunctionObject*>(object_alloc(&builtin_function_type, sizeof(BuiltinFunctionObject)));
  f->name = name;
  f->impl = impl;
  f->module_name = nullptr;
  return f;
}

Object* new_function(ThreadState* ts, CodeObject* code, Object* globals, Object* builtins, Object* qualname) {
  auto* f = static_cast<FunctionObject*>(object_alloc(&function_type, sizeof(FunctionObject)));
  f->code = newref(code);
  f->globals = newref(globals);
  f->builtins = newref(builtins);
  f->name = new_str(ts, code->co_name);
  f->qualname = qualname ? newref(qualname) : new_str(ts, code->co_qualname);
  f->defaults = nullptr;
  f->kwdefaults = nullptr;
  f->closure = nullptr;
  // A docstring is the first constant of a function whose body starts with one.
  f->doc = code->has_docstring && !code->co_consts.empty() ? newref(code->co_consts[0]) : newref(py_none());
  Object* key = new_str(ts, "__name__");
  Object* module = dict_get_str(globals, key);
  decref(key);
  f->module = newref(module ? module : py_none());
  f->annotations = nullptr;
  f->dict = nullptr;
  return f;
}

Object* new_method(ThreadState*, Object* func, Object* self) {
  auto* m = static_cast<MethodObject*>(object_alloc(&method_type, sizeof(MethodObject)));
  m->func = newref(func);
  m->self = newref(self);
  return m;
}

Object* new_cell(ThreadState*, Object* contents) {
  auto* c = static_cast<CellObject*>(object_alloc(&cell_type, sizeof(CellObject)));
  c->contents = contents ? newref(contents) : nullptr;
  return c;
}

}  // namespace terrarium
