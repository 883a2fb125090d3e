// Module objects: a namespace dict with CPython's attribute rules (module __getattr__,
// "module 'x' has no attribute 'y'") and reprs. CPython: Objects/moduleobject.c.
#pragma once
#include <string>
#include "objects/object.hpp"

namespace terrarium {

struct ModuleObject : Object {
  Object* dict;  // the module's globals
};

extern TypeObject module_type;

// A new module whose __name__ is `name` (and __doc__/__package__/__loader__/__spec__ None).
[[nodiscard]] Object* new_module(ThreadState* ts, const std::string& name);
inline Object* module_dict(Object* m) { return static_cast<ModuleObject*>(m)->dict; }
inline bool is_module(Object* o) { return is_instance(o, &module_type); }

}  // namespace terrarium
