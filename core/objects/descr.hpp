// Descriptors for built-in types: method descriptors (list.append), getset descriptors
// (function.__name__), slot wrappers (int.__add__, object.__init__) and the bound
// built-in methods they produce. CPython: Objects/descrobject.c, methodobject.c.
#pragma once
#include "objects/object.hpp"

namespace terrarium {

struct SlotDef;

struct MethodDescriptorObject : Object {
  TypeObject* owner;
  const MethodDef* def;
};
struct GetSetDescriptorObject : Object {
  TypeObject* owner;
  const GetSetDef* def;
};
struct WrapperDescriptorObject : Object {
  TypeObject* owner;
  const SlotDef* slot;
};
// A built-in method bound to its self: [1, 2].append, or a wrapper bound to an instance.
struct BoundBuiltinObject : Object {
  Object* self;         // strong
  Object* descriptor;   // strong: the method or wrapper descriptor
};

extern TypeObject method_descriptor_type;
extern TypeObject classmethod_descriptor_type;
extern TypeObject getset_descriptor_type;
extern TypeObject wrapper_descriptor_type;
extern TypeObject bound_builtin_type;       // builtin_function_or_method bound to self
extern TypeObject method_wrapper_type;      // a slot wrapper bound to self

[[nodiscard]] Object* new_method_descriptor(ThreadState* ts, TypeObject* owner, const MethodDef* def);
[[nodiscard]] Object* new_getset_descriptor(ThreadState* ts, TypeObject* owner, const GetSetDef* def);
[[nodiscard]] Object* new_wrapper_descriptor(ThreadState* ts, TypeObject* owner, const SlotDef* slot);
// Whether LOAD_METHOD may call this class attribute unbound with self prepended.
bool is_method_like(Object* descr);
// A builtin_function_or_method calling a method descriptor with `self` bound.
[[nodiscard]] Object* bind_builtin(ThreadState* ts, Object* method_descriptor, Object* self);
// Calls a method-like class attribute with self prepended (args[-1] must be writable? no:
// builds its own argument array). Used by slot functions calling dunders.
[[nodiscard]] Object* call_unbound(ThreadState* ts, Object* func, Object* self, Object* const* args, std::size_t nargs);

}  // namespace terrarium
