#include "objects/member_descriptor.hpp"

#include <string>
#include "objects/abstract.hpp"
#include "objects/exceptions.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/typeobject.hpp"

namespace terrarium {

namespace {

struct MemberDescriptorObject : Object {
  TypeObject* owner;  // borrowed: the class owns its namespace, which owns this
  Object* name;       // str
  std::size_t offset;
};

MemberDescriptorObject* as_member(Object* o) { return static_cast<MemberDescriptorObject*>(o); }
Object** field(Object* descr, Object* obj) {
  return reinterpret_cast<Object**>(reinterpret_cast<char*>(obj) + as_member(descr)->offset);
}

bool check_owner(ThreadState* ts, Object* descr, Object* obj) {
  if (is_instance(obj, as_member(descr)->owner)) return true;
  raise(ts, &exc_TypeError, "descriptor '" + std::string(str_view(as_member(descr)->name)) + "' for '" +
                                as_member(descr)->owner->tp_name + "' objects doesn't apply to a '" +
                                obj->ob_type->tp_name + "' object");
  return false;
}

void member_dealloc(Object* o) {
  decref(as_member(o)->name);
  object_free(o);
}

Object* member_get(ThreadState* ts, Object* descr, Object* obj, Object*) {
  if (!obj || obj == py_none()) return newref(descr);
  if (!check_owner(ts, descr, obj)) return nullptr;
  Object* v = *field(descr, obj);
  if (!v) return raise_attribute_error(ts, obj, as_member(descr)->name);
  return newref(v);
}

int member_set(ThreadState* ts, Object* descr, Object* obj, Object* value) {
  if (!check_owner(ts, descr, obj)) return -1;
  Object** slot = field(descr, obj);
  Object* old = *slot;
  if (!value && !old) {
    raise(ts, &exc_AttributeError, std::string(str_view(as_member(descr)->name)));
    return -1;
  }
  *slot = value ? newref(value) : nullptr;
  xdecref(old);
  return 0;
}

Object* member_repr(ThreadState* ts, Object* o) {
  return new_str(ts, "<member '" + std::string(str_view(as_member(o)->name)) + "' of '" +
                         type_qualname(as_member(o)->owner) + "' objects>");
}

Object* member_get_name(ThreadState*, Object* o) { return newref(as_member(o)->name); }
Object* member_get_objclass(ThreadState*, Object* o) { return newref<Object>(as_member(o)->owner); }
const GetSetDef kMemberGetSet[] = {{"__name__", member_get_name, nullptr},
                                   {"__qualname__", member_get_name, nullptr},
                                   {"__objclass__", member_get_objclass, nullptr},
                                   {nullptr, nullptr, nullptr}};

}  // namespace

TypeObject member_descriptor_type = [] {
  TypeObject t = make_static_type("member_descriptor", sizeof(MemberDescriptorObject), &object_type);
  t.tp_dealloc = member_dealloc;
  t.tp_descr_get = member_get;
  t.tp_descr_set = member_set;
  t.tp_repr = member_repr;
  t.tp_getset = kMemberGetSet;
  return t;
}();

Object* new_member_descriptor(ThreadState* ts, TypeObject* owner, Object* name, std::size_t offset) {
  auto* d = static_cast<MemberDescriptorObject*>(object_alloc(&member_descriptor_type, sizeof(MemberDescriptorObject)));
  d->owner = owner;
  d->name = newref(name);
  d->offset = offset;
  (void)ts;
  return d;
}

}  // namespace terrarium
