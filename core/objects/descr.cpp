// Built-in descriptors and bound built-in methods.
#include "objects/descr.hpp"

#include <cstdio>
#include <string>
#include <vector>
#include "objects/abstract.hpp"
#include "objects/exceptions.hpp"
#include "objects/function.hpp"
#include "objects/singletons.hpp"
#include "objects/slots.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

std::string address_of(Object* o) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(o));
  return buf;
}

// "descriptor 'append' for 'list' objects doesn't apply to a 'int' object"
bool check_self(ThreadState* ts, const char* name, TypeObject* owner, Object* self) {
  if (is_instance(self, owner)) return true;
  raise(ts, &exc_TypeError, std::string("descriptor '") + name + "' for '" + owner->tp_name +
                                "' objects doesn't apply to a '" + self->ob_type->tp_name + "' object");
  return false;
}

void descr_dealloc(Object* o) { object_free(o); }

Object* method_descr_call(ThreadState* ts, Object* callable, Object* const* args, std::size_t nargs, Object* kwnames) {
  auto* d = static_cast<MethodDescriptorObject*>(callable);
  if (nargs < 1)
    return raise(ts, &exc_TypeError, std::string("unbound method ") + d->owner->tp_name + "." + d->def->name +
                                         "() needs an argument");
  if (!check_self(ts, d->def->name, d->owner, args[0])) return nullptr;
  return d->def->impl(ts, args[0], args + 1, nargs - 1, kwnames);
}

Object* new_bound(ThreadState* ts, TypeObject* type, Object* self, Object* descriptor) {
  auto* b = static_cast<BoundBuiltinObject*>(object_alloc(type, sizeof(BoundBuiltinObject)));
  b->self = newref(self);
  b->descriptor = newref(descriptor);
  return b;
}

Object* method_descr_get(ThreadState* ts, Object* descr, Object* obj, Object* type) {
  if (!obj) return newref(descr);
  auto* d = static_cast<MethodDescriptorObject*>(descr);
  if (!check_self(ts, d->def->name, d->owner, obj)) return nullptr;
  return new_bound(ts, &bound_builtin_type, obj, descr);
}

Object* method_descr_repr(ThreadState* ts, Object* o) {
  auto* d = static_cast<MethodDescriptorObject*>(o);
  return new_str(ts, std::string("<method '") + d->def->name + "' of '" + d->owner->tp_name + "' objects>");
}

// A class method defined in C (dict.fromkeys): binds to the class.
Object* classmethod_descr_get(ThreadState* ts, Object* descr, Object* obj, Object* type) {
  Object* cls = type ? type : reinterpret_cast<Object*>(obj->ob_type);
  return new_bound(ts, &bound_builtin_type, cls, descr);
}

Object* bound_call(ThreadState* ts, Object* callable, Object* const* args, std::size_t nargs, Object* kwnames) {
  auto* b = static_cast<BoundBuiltinObject*>(callable);
  if (b->descriptor->ob_type == &wrapper_descriptor_type) {
    auto* w = static_cast<WrapperDescriptorObject*>(b->descriptor);
    return call_slot_wrapper(ts, w->slot, w->owner, b->self, args, nargs, kwnames);
  }
  auto* d = static_cast<MethodDescriptorObject*>(b->descriptor);
  return d->def->impl(ts, b->self, args, nargs, kwnames);
}

void bound_dealloc(Object* o) {
  auto* b = static_cast<BoundBuiltinObject*>(o);
  decref(b->self);
  decref(b->descriptor);
  object_free(o);
}

Object* bound_repr(ThreadState* ts, Object* o) {
  auto* b = static_cast<BoundBuiltinObject*>(o);
  if (b->descriptor->ob_type == &wrapper_descriptor_type) {
    auto* w = static_cast<WrapperDescriptorObject*>(b->descriptor);
    return new_str(ts, std::string("<method-wrapper '") + w->slot->name + "' of " + b->self->ob_type->tp_name +
                           " object at " + address_of(b->self) + ">");
  }
  auto* d = static_cast<MethodDescriptorObject*>(b->descriptor);
  if (is_instance(b->self, &type_type))
    return new_str(ts, std::string("<built-in method ") + d->def->name + " of type object at " +
                           address_of(b->self) + ">");
  return new_str(ts, std::string("<built-in method ") + d->def->name + " of " + b->self->ob_type->tp_name +
                         " object at " + address_of(b->self) + ">");
}

Object* getset_get(ThreadState* ts, Object* descr, Object* obj, Object* type) {
  auto* d = static_cast<GetSetDescriptorObject*>(descr);
  if (!obj) return newref(descr);
  if (!check_self(ts, d->def->name, d->owner, obj)) return nullptr;
  return d->def->get(ts, obj);
}

int getset_set(ThreadState* ts, Object* descr, Object* obj, Object* value) {
  auto* d = static_cast<GetSetDescriptorObject*>(descr);
  if (!d->def->set) {
    raise(ts, &exc_AttributeError, std::string("attribute '") + d->def->name + "' of '" + d->owner->tp_name +
                                       "' objects is not writable");
    return -1;
  }
  if (!value) {
    raise(ts, &exc_TypeError, std::string("cannot delete attribute '") + d->def->name + "'");
    return -1;
  }
  return d->def->set(ts, obj, value);
}

Object* getset_repr(ThreadState* ts, Object* o) {
  auto* d = static_cast<GetSetDescriptorObject*>(o);
  return new_str(ts, std::string("<attribute '") + d->def->name + "' of '" + d->owner->tp_name + "' objects>");
}

Object* wrapper_call(ThreadState* ts, Object* callable, Object* const* args, std::size_t nargs, Object* kwnames) {
  auto* w = static_cast<WrapperDescriptorObject*>(callable);
  if (nargs < 1)
    return raise(ts, &exc_TypeError, std::string("descriptor '") + w->slot->name + "' of '" + w->owner->tp_name +
                                         "' object needs an argument");
  if (!check_self(ts, w->slot->name, w->owner, args[0])) return nullptr;
  return call_slot_wrapper(ts, w->slot, w->owner, args[0], args + 1, nargs - 1, kwnames);
}

Object* wrapper_get(ThreadState* ts, Object* descr, Object* obj, Object* type) {
  if (!obj) return newref(descr);
  auto* w = static_cast<WrapperDescriptorObject*>(descr);
  if (!check_self(ts, w->slot->name, w->owner, obj)) return nullptr;
  return new_bound(ts, &method_wrapper_type, obj, descr);
}

Object* wrapper_repr(ThreadState* ts, Object* o) {
  auto* w = static_cast<WrapperDescriptorObject*>(o);
  return new_str(ts, std::string("<slot wrapper '") + w->slot->name + "' of '" + w->owner->tp_name + "' objects>");
}

TypeObject make_descr_type(const char* name, std::size_t size) {
  TypeObject t = make_static_type(name, size, &object_type);
  t.tp_dealloc = descr_dealloc;
  return t;
}

}  // namespace

TypeObject method_descriptor_type = [] {
  TypeObject t = make_descr_type("method_descriptor", sizeof(MethodDescriptorObject));
  t.tp_call = method_descr_call;
  t.tp_descr_get = method_descr_get;
  t.tp_repr = method_descr_repr;
  return t;
}();
TypeObject classmethod_descriptor_type = [] {
  TypeObject t = make_descr_type("classmethod_descriptor", sizeof(MethodDescriptorObject));
  t.tp_descr_get = classmethod_descr_get;
  t.tp_repr = method_descr_repr;
  return t;
}();
TypeObject getset_descriptor_type = [] {
  TypeObject t = make_descr_type("getset_descriptor", sizeof(GetSetDescriptorObject));
  t.tp_descr_get = getset_get;
  t.tp_descr_set = getset_set;
  t.tp_repr = getset_repr;
  return t;
}();
TypeObject wrapper_descriptor_type = [] {
  TypeObject t = make_descr_type("wrapper_descriptor", sizeof(WrapperDescriptorObject));
  t.tp_call = wrapper_call;
  t.tp_descr_get = wrapper_get;
  t.tp_repr = wrapper_repr;
  return t;
}();
namespace {
// [].append.__self__, __name__ ('append') and __qualname__ ('list.append'); asyncio
// names callbacks by them. Bound builtins hold a method descriptor.
const MethodDescriptorObject* bound_method_descr(Object* o) {
  Object* d = static_cast<BoundBuiltinObject*>(o)->descriptor;
  bool is_method = d->ob_type == &method_descriptor_type || d->ob_type == &classmethod_descriptor_type;
  return is_method ? static_cast<const MethodDescriptorObject*>(d) : nullptr;
}
Object* bound_get_self(ThreadState*, Object* o) { return newref(static_cast<BoundBuiltinObject*>(o)->self); }
Object* bound_get_name(ThreadState* ts, Object* o) {
  const MethodDescriptorObject* d = bound_method_descr(o);
  return d ? new_str(ts, d->def->name) : newref(py_none());
}
Object* bound_get_qualname(ThreadState* ts, Object* o) {
  const MethodDescriptorObject* d = bound_method_descr(o);
  if (!d) return newref(py_none());
  return new_str(ts, std::string(d->owner->tp_name) + "." + d->def->name);
}
const GetSetDef kBoundBuiltinGetSet[] = {{"__self__", bound_get_self, nullptr},
                                         {"__name__", bound_get_name, nullptr},
                                         {"__qualname__", bound_get_qualname, nullptr},
                                         {nullptr, nullptr, nullptr}};
}  // namespace

TypeObject bound_builtin_type = [] {
  TypeObject t = make_static_type("builtin_function_or_method", sizeof(BoundBuiltinObject), &object_type);
  t.tp_getset = kBoundBuiltinGetSet;
  t.tp_dealloc = bound_dealloc;
  t.tp_call = bound_call;
  t.tp_repr = bound_repr;
  return t;
}();
TypeObject method_wrapper_type = [] {
  TypeObject t = make_static_type("method-wrapper", sizeof(BoundBuiltinObject), &object_type);
  t.tp_dealloc = bound_dealloc;
  t.tp_call = bound_call;
  t.tp_repr = bound_repr;
  return t;
}();

Object* new_method_descriptor(ThreadState* ts, TypeObject* owner, const MethodDef* def) {
  TypeObject* type = def->flags == METH_CLASS ? &classmethod_descriptor_type : &method_descriptor_type;
  auto* d = static_cast<MethodDescriptorObject*>(object_alloc(type, sizeof(MethodDescriptorObject)));
  d->owner = owner;
  d->def = def;
  return d;
}

Object* new_getset_descriptor(ThreadState* ts, TypeObject* owner, const GetSetDef* def) {
  auto* d = static_cast<GetSetDescriptorObject*>(object_alloc(&getset_descriptor_type, sizeof(GetSetDescriptorObject)));
  d->owner = owner;
  d->def = def;
  return d;
}

Object* new_wrapper_descriptor(ThreadState* ts, TypeObject* owner, const SlotDef* slot) {
  auto* d =
      static_cast<WrapperDescriptorObject*>(object_alloc(&wrapper_descriptor_type, sizeof(WrapperDescriptorObject)));
  d->owner = owner;
  d->slot = slot;
  return d;
}

Object* bind_builtin(ThreadState* ts, Object* method_descriptor, Object* self) {
  return new_bound(ts, &bound_builtin_type, self, method_descriptor);
}

bool is_method_like(Object* descr) {
  TypeObject* t = descr->ob_type;
  return t == &function_type || t == &method_descriptor_type || t == &wrapper_descriptor_type;
}

Object* call_unbound(ThreadState* ts, Object* func, Object* self, Object* const* args, std::size_t nargs) {
  if (is_method_like(func)) {
    Object* small[8];
    std::vector<Object*> big;
    Object** full = small;
    if (nargs + 1 > 8) {
      big.resize(nargs + 1);
      full = big.data();
    }
    full[0] = self;
    for (std::size_t i = 0; i < nargs; ++i) full[i + 1] = args[i];
    return call_object(ts, func, full, nargs + 1, nullptr);
  }
  if (DescrGetFunc get = func->ob_type->tp_descr_get) {
    Object* bound = get(ts, func, self, reinterpret_cast<Object*>(self->ob_type));
    if (!bound) return nullptr;
    Object* r = call_object(ts, bound, args, nargs, nullptr);
    decref(bound);
    return r;
  }
  return call_object(ts, func, args, nargs, nullptr);
}

}  // namespace terrarium
