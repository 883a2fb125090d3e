// The two roots, `object` and `type`: instance creation (type.__call__, object.__new__,
// object.__init__ with CPython's excess-argument rules), attribute access on classes, and
// their reprs. Class creation lives in class_builder.cpp. CPython: Objects/typeobject.c.
#include <cstdio>
#include <string>
#include "objects/abstract.hpp"
#include "objects/descr.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/function.hpp"
#include "objects/singletons.hpp"
#include "objects/slots.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"
#include "objects/typing_hooks.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

bool excess_args(std::size_t nargs, Object* kwnames) { return nargs > 0 || (kwnames && tuple_size(kwnames) > 0); }

int object_init(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames);

Object* object_new(ThreadState* ts, TypeObject* type, Object* const*, std::size_t nargs, Object* kwnames) {
  if (excess_args(nargs, kwnames)) {
    if (type->tp_new != object_new)
      return raise(ts, &exc_TypeError, "object.__new__() takes exactly one argument (the type to instantiate)");
    if (type->tp_init == object_init)
      return raise(ts, &exc_TypeError, std::string(type->tp_name) + "() takes no arguments");
  }
  return object_alloc(type, type->tp_basicsize);
}

int object_init(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  TypeObject* type = self->ob_type;
  if (excess_args(nargs, kwnames)) {
    if (type->tp_init != object_init) {
      raise(ts, &exc_TypeError, "object.__init__() takes exactly one argument (the instance to initialize)");
      return -1;
    }
    if (type->tp_new == object_new) {
      raise(ts, &exc_TypeError, std::string(type->tp_name) + "() takes no arguments");
      return -1;
    }
  }
  return 0;
}

// object.__eq__ is identity; __ne__ inverts the type's own __eq__ unless NotImplemented.
Object* object_richcompare(ThreadState* ts, Object* self, Object* other, CompareOp op) {
  if (op == CompareOp::Eq) return newref(self == other ? py_true() : py_not_implemented());
  if (op == CompareOp::Ne) {
    RichCompareFunc f = self->ob_type->tp_richcompare;
    if (!f) return newref(py_not_implemented());
    Object* r = f(ts, self, other, CompareOp::Eq);
    if (!r || r == py_not_implemented()) return r;
    int t = object_is_true(ts, r);
    decref(r);
    if (t < 0) return nullptr;
    return new_bool(!t);
  }
  return newref(py_not_implemented());
}

Object* object_str_slot(ThreadState* ts, Object* self) { return object_repr(ts, self); }

Object* object_get_class(ThreadState*, Object* self) { return newref<Object>(self->ob_type); }

Object* object_format(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object*) {
  if (nargs != 1 || !is_str(args[0]))
    return raise(ts, &exc_TypeError, "__format__() argument must be str");
  if (!str_view(args[0]).empty())
    return raise(ts, &exc_TypeError, std::string("unsupported format string passed to ") + self->ob_type->tp_name +
                                         ".__format__");
  return object_str(ts, self);
}

Object* object_init_subclass(ThreadState* ts, Object*, Object* const*, std::size_t nargs, Object* kwnames) {
  if (nargs || (kwnames && tuple_size(kwnames)))
    return raise(ts, &exc_TypeError, "object.__init_subclass__() takes no keyword arguments");
  return newref(py_none());
}

const MethodDef kObjectMethods[] = {
    {"__format__", object_format, METH_INSTANCE},
    {"__init_subclass__", object_init_subclass, METH_CLASS},
    {nullptr, nullptr, 0},
};
const GetSetDef kObjectGetSet[] = {
    {"__class__", object_get_class, nullptr},
    {nullptr, nullptr, nullptr},
};

// ---- type ----------------------------------------------------------------------------

Object* type_call(ThreadState* ts, Object* callable, Object* const* args, std::size_t nargs, Object* kwnames) {
  auto* type = static_cast<TypeObject*>(callable);
  if (type == &type_type && nargs == 1 && !excess_args(0, kwnames)) return newref<Object>(args[0]->ob_type);
  if (!type->tp_new) return raise(ts, &exc_TypeError, std::string("cannot create '") + type->tp_name + "' instances");
  Object* obj = type->tp_new(ts, type, args, nargs, kwnames);
  if (!obj || !is_instance(obj, type)) return obj;
  if (type->tp_init && obj->ob_type->tp_init(ts, obj, args, nargs, kwnames) < 0) {
    decref(obj);
    return nullptr;
  }
  return obj;
}

Object* type_new_entry(ThreadState* ts, TypeObject* meta, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (nargs == 1 && !excess_args(0, kwnames) && meta == &type_type) return newref<Object>(args[0]->ob_type);
  if (nargs != 3) return raise(ts, &exc_TypeError, "type() takes 1 or 3 arguments");
  if (!is_str(args[0]) || !is_tuple(args[1]) || !is_instance(args[2], &dict_type))
    return raise(ts, &exc_TypeError, "type.__new__() argument 1 must be str, not " +
                                         std::string(args[0]->ob_type->tp_name));
  // Class keywords (other than metaclass) reach __init_subclass__.
  return type_new_with_keywords(ts, meta, args[0], args[1], args[2], args + 3, kwnames);
}

int type_init(ThreadState* ts, Object*, Object* const*, std::size_t nargs, Object*) {
  if (nargs != 1 && nargs != 3) {
    raise(ts, &exc_TypeError, "type.__init__() takes 1 or 3 arguments");
    return -1;
  }
  return 0;
}

Object* type_repr(ThreadState* ts, Object* o) {
  return new_str(ts, "<class '" + qualified_type_name(static_cast<TypeObject*>(o)) + "'>");
}

Object* type_getattro(ThreadState* ts, Object* obj, Object* name) {
  auto* type = static_cast<TypeObject*>(obj);
  TypeObject* meta = obj->ob_type;
  Object* meta_attr = type_lookup(meta, name);
  DescrGetFunc meta_get = nullptr;
  if (meta_attr) {
    meta_get = meta_attr->ob_type->tp_descr_get;
    if (meta_get && meta_attr->ob_type->tp_descr_set) return meta_get(ts, meta_attr, obj, meta);
  }
  if (Object* attr = type_lookup(type, name)) {
    if (DescrGetFunc get = attr->ob_type->tp_descr_get) return get(ts, attr, nullptr, obj);
    return newref(attr);
  }
  if (meta_get) return meta_get(ts, meta_attr, obj, meta);
  if (meta_attr) return newref(meta_attr);
  return raise_attribute_error(ts, obj, name);
}

int type_setattro(ThreadState* ts, Object* obj, Object* name, Object* value) {
  auto* type = static_cast<TypeObject*>(obj);
  if (!(type->tp_flags & TPFLAGS_HEAPTYPE)) {
    raise(ts, &exc_TypeError, "cannot set '" + std::string(str_view(name)) + "' attribute of immutable type '" +
                                  type->tp_name + "'");
    return -1;
  }
  Object* meta_attr = type_lookup(obj->ob_type, name);
  if (meta_attr && meta_attr->ob_type->tp_descr_set) return meta_attr->ob_type->tp_descr_set(ts, meta_attr, obj, value);
  if (value) {
    if (!dict_set_item(ts, type->tp_dict, name, value)) return -1;
  } else {
    int r = dict_del_item(ts, type->tp_dict, name);
    if (r <= 0) {
      if (r == 0) raise_attribute_error(ts, obj, name);
      return -1;
    }
  }
  std::string_view n = str_view(name);
  if (n.size() > 4 && n.substr(0, 2) == "__" && n.substr(n.size() - 2) == "__") fixup_slots(type);
  return 0;
}

Object* type_get_name(ThreadState* ts, Object* o) {
  auto* t = static_cast<TypeObject*>(o);
  if (t->ht_name) return newref(t->ht_name);
  std::string_view full = t->tp_name;
  return new_str(ts, full.substr(full.rfind('.') == std::string_view::npos ? 0 : full.rfind('.') + 1));
}
Object* type_get_qualname(ThreadState* ts, Object* o) {
  auto* t = static_cast<TypeObject*>(o);
  return t->ht_qualname ? newref(t->ht_qualname) : type_get_name(ts, o);
}
Object* type_get_module(ThreadState* ts, Object* o) {
  auto* t = static_cast<TypeObject*>(o);
  if (t->tp_flags & TPFLAGS_HEAPTYPE) {
    Object* key = new_str(ts, "__module__");
    Object* m = dict_get_str(t->tp_dict, key);
    decref(key);
    if (m) return newref(m);
  }
  return new_str(ts, "builtins");
}
Object* type_get_mro(ThreadState*, Object* o) { return newref(static_cast<TypeObject*>(o)->tp_mro); }
Object* type_get_bases(ThreadState*, Object* o) { return newref(static_cast<TypeObject*>(o)->tp_bases); }
Object* type_get_base(ThreadState*, Object* o) {
  TypeObject* b = static_cast<TypeObject*>(o)->tp_base;
  return b ? newref<Object>(b) : newref(py_none());
}
Object* type_get_dict(ThreadState*, Object* o) { return newref(static_cast<TypeObject*>(o)->tp_dict); }

int type_set_name(ThreadState* ts, Object* o, Object* value) {
  auto* t = static_cast<TypeObject*>(o);
  if (!(t->tp_flags & TPFLAGS_HEAPTYPE) || !is_str(value)) {
    raise(ts, &exc_TypeError, "can only assign string to " + std::string(t->tp_name) + ".__name__");
    return -1;
  }
  Object* old = t->ht_name;
  t->ht_name = newref(value);
  t->tp_name = static_cast<StrObject*>(value)->data;
  decref(old);
  return 0;
}
int type_set_qualname(ThreadState* ts, Object* o, Object* value) {
  auto* t = static_cast<TypeObject*>(o);
  if (!(t->tp_flags & TPFLAGS_HEAPTYPE) || !is_str(value)) {
    raise(ts, &exc_TypeError, "can only assign string to " + std::string(t->tp_name) + ".__qualname__");
    return -1;
  }
  Object* old = t->ht_qualname;
  t->ht_qualname = newref(value);
  xdecref(old);
  return 0;
}

// C.__module__ = "pkg": heap types keep it in their dict, as CPython's type_set_module().
int type_set_module(ThreadState* ts, Object* o, Object* value) {
  auto* t = static_cast<TypeObject*>(o);
  if (!(t->tp_flags & TPFLAGS_HEAPTYPE)) {
    raise(ts, &exc_TypeError, "cannot set '__module__' attribute of immutable type '" + std::string(t->tp_name) + "'");
    return -1;
  }
  if (!value) {
    raise(ts, &exc_TypeError, "cannot delete '__module__' attribute of immutable type '" + std::string(t->tp_name) + "'");
    return -1;
  }
  Object* key = new_str(ts, "__module__");
  bool ok = dict_set_item(ts, t->tp_dict, key, value);
  decref(key);
  return ok ? 0 : -1;
}

Object* type_mro_method(ThreadState* ts, Object* self, Object* const*, std::size_t, Object*) {
  Object* mro = static_cast<TypeObject*>(self)->tp_mro;
  // type.mro() returns a list; lists arrive with the container types.
  return newref(mro);
}

const GetSetDef kTypeGetSet[] = {
    {"__name__", type_get_name, type_set_name},
    {"__qualname__", type_get_qualname, type_set_qualname},
    {"__module__", type_get_module, type_set_module},
    {"__mro__", type_get_mro, nullptr},
    {"__bases__", type_get_bases, nullptr},
    {"__base__", type_get_base, nullptr},
    {"__dict__", type_get_dict, nullptr},
    {nullptr, nullptr, nullptr},
};
// Static types live forever; classes made at run time are freed like any object.
void type_dealloc(Object* o) {
  if (static_cast<TypeObject*>(o)->tp_flags & TPFLAGS_HEAPTYPE) heap_type_dealloc(o);
  else never_dealloc(o);
}

const MethodDef kTypeMethods[] = {
    {"mro", type_mro_method, METH_INSTANCE},
    {nullptr, nullptr, 0},
};

}  // namespace

std::string qualified_type_name(TypeObject* type) {
  if (!(type->tp_flags & TPFLAGS_HEAPTYPE)) return type->tp_name;
  std::string qualname = type_qualname(type);
  Object* key = new_str(nullptr, "__module__");
  Object* module = type->tp_dict ? dict_get_str(type->tp_dict, key) : nullptr;
  decref(key);
  if (module && is_str(module) && str_view(module) != "builtins") return std::string(str_view(module)) + "." + qualname;
  return qualname;
}

TypeObject object_type = [] {
  TypeObject t = make_static_type("object", sizeof(Object), nullptr);
  t.tp_flags = TPFLAGS_BASETYPE;
  t.tp_new = object_new;
  t.tp_init = object_init;
  t.tp_richcompare = object_richcompare;
  t.tp_str = object_str_slot;
  t.tp_methods = kObjectMethods;
  t.tp_getset = kObjectGetSet;
  t.tp_doc = "The base class of the class hierarchy.";
  return t;
}();

TypeObject type_type = [] {
  TypeObject t = make_static_type("type", sizeof(TypeObject), &object_type);
  // Static types have no collector header (has_gc_header skips immortal objects).
  t.tp_flags = TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC;
  t.tp_traverse = heap_type_traverse;
  t.tp_clear = heap_type_clear;
  t.tp_repr = type_repr;
  t.tp_call = type_call;
  t.tp_new = type_new_entry;
  t.tp_init = type_init;
  t.tp_getattro = type_getattro;
  t.tp_setattro = type_setattro;
  t.tp_getset = kTypeGetSet;
  t.tp_methods = kTypeMethods;
  t.tp_dealloc = type_dealloc;
  t.nb_binary[static_cast<int>(BinaryOp::Or)] = type_or;  // int | str -> types.UnionType
  return t;
}();

}  // namespace terrarium
