// super(): attribute lookup that starts after a given class in the instance's MRO.
// Zero-argument super() takes the class from the calling method's __class__ cell and the
// instance from its first argument, as CPython's super_init_without_args does.
#include <string>
#include "bytecode/code.hpp"
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/function.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"
#include "vm/frame.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

struct SuperObject : Object {
  TypeObject* type;      // the class whose successors are searched
  Object* obj;           // the instance (or class), or null when unbound
  TypeObject* obj_type;  // type(obj), or obj itself for classmethods
};

extern TypeObject super_type;

namespace {

void super_dealloc(Object* o) {
  auto* s = static_cast<SuperObject*>(o);
  xdecref(s->type);
  xdecref(s->obj);
  xdecref(s->obj_type);
  object_free(o);
}

TypeObject* supercheck(ThreadState* ts, TypeObject* type, Object* obj) {
  if (is_instance(obj, &type_type) && is_subtype(static_cast<TypeObject*>(obj), type))
    return static_cast<TypeObject*>(obj);
  if (is_subtype(obj->ob_type, type)) return obj->ob_type;
  raise(ts, &exc_TypeError, "super(type, obj): obj must be an instance or subtype of type");
  return nullptr;
}

Object* super_new(ThreadState* ts, TypeObject* type, Object* const*, std::size_t, Object*) {
  auto* s = static_cast<SuperObject*>(object_alloc(type, type->tp_basicsize));
  s->type = nullptr;
  s->obj = nullptr;
  s->obj_type = nullptr;
  return s;
}

int super_init(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  auto* s = static_cast<SuperObject*>(self);
  TypeObject* type = nullptr;
  Object* obj = nullptr;
  if (kwnames && tuple_size(kwnames)) {
    raise(ts, &exc_TypeError, "super() takes no keyword arguments");
    return -1;
  }
  if (nargs == 0) {
    Frame* f = ts->frame;
    if (!f || !f->func) {
      raise(ts, &exc_RuntimeError, "super(): no arguments");
      return -1;
    }
    CodeObject* code = f->code;
    if (code->co_argcount == 0 && !(code->co_flags & CO_VARARGS)) {
      raise(ts, &exc_RuntimeError, "super(): no arguments");
      return -1;
    }
    obj = f->localsplus[0];
    if (obj && (code->co_localspluskinds[0] & CO_FAST_CELL) && obj->ob_type == &cell_type)
      obj = static_cast<CellObject*>(obj)->contents;
    if (!obj) {
      raise(ts, &exc_RuntimeError, "super(): arg[0] deleted");
      return -1;
    }
    for (int i = 0; i < code->nlocalsplus(); ++i) {
      if (!(code->co_localspluskinds[static_cast<std::size_t>(i)] & CO_FAST_FREE)) continue;
      if (str_view(code->co_localsplusnames[static_cast<std::size_t>(i)]) != "__class__") continue;
      Object* cell = f->localsplus[i];
      Object* cls = cell ? static_cast<CellObject*>(cell)->contents : nullptr;
      if (!cls) {
        raise(ts, &exc_RuntimeError, "super(): empty __class__ cell");
        return -1;
      }
      if (!is_instance(cls, &type_type)) {
        raise(ts, &exc_RuntimeError, std::string("super(): __class__ is not a type (") + cls->ob_type->tp_name + ")");
        return -1;
      }
      type = static_cast<TypeObject*>(cls);
    }
    if (!type) {
      raise(ts, &exc_RuntimeError, "super(): __class__ cell not found");
      return -1;
    }
  } else {
    if (!is_instance(args[0], &type_type)) {
      raise(ts, &exc_TypeError, std::string("super() argument 1 must be a type, not ") + args[0]->ob_type->tp_name);
      return -1;
    }
    type = static_cast<TypeObject*>(args[0]);
    if (nargs > 1 && args[1] != py_none()) obj = args[1];
  }
  TypeObject* obj_type = nullptr;
  if (obj) {
    obj_type = supercheck(ts, type, obj);
    if (!obj_type) return -1;
  }
  xdecref(s->type);
  xdecref(s->obj);
  xdecref(s->obj_type);
  s->type = newref(type);
  s->obj = obj ? newref(obj) : nullptr;
  s->obj_type = obj_type ? newref(obj_type) : nullptr;
  return 0;
}

Object* super_getattro(ThreadState* ts, Object* self, Object* name) {
  auto* s = static_cast<SuperObject*>(self);
  // __class__ is the super object's own; everything else searches past `type`.
  if (!s->obj_type || str_view(name) == "__class__") return generic_getattr(ts, self, name);
  Object* mro = s->obj_type->tp_mro;
  Py_ssize_t n = tuple_size(mro), i = 0;
  while (i < n && tuple_get(mro, i) != s->type) ++i;
  for (++i; i < n; ++i) {
    auto* t = static_cast<TypeObject*>(tuple_get(mro, i));
    Object* v = dict_get_str(t->tp_dict, name);
    if (!v) continue;
    if (DescrGetFunc get = v->ob_type->tp_descr_get) {
      Object* obj = s->obj == reinterpret_cast<Object*>(s->obj_type) ? nullptr : s->obj;
      return get(ts, v, obj, s->obj_type);
    }
    return newref(v);
  }
  return generic_getattr(ts, self, name);
}

Object* super_repr(ThreadState* ts, Object* self) {
  auto* s = static_cast<SuperObject*>(self);
  std::string type = s->type ? s->type->tp_name : "NULL";
  if (s->obj_type)
    return new_str(ts, "<super: <class '" + type + "'>, <" + std::string(s->obj_type->tp_name) + " object>>");
  return new_str(ts, "<super: <class '" + type + "'>, NULL>");
}

}  // namespace

TypeObject super_type = [] {
  TypeObject t = make_static_type("super", sizeof(SuperObject), &object_type);
  t.tp_flags = TPFLAGS_BASETYPE;
  t.tp_dealloc = super_dealloc;
  t.tp_new = super_new;
  t.tp_init = super_init;
  t.tp_getattro = super_getattro;
  t.tp_repr = super_repr;
  return t;
}();

}  // namespace terrarium
