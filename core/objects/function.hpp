// Function objects: built-in functions (print), Python functions made by `def`/`lambda`,
// bound methods, and the cells closures share. CPython: Objects/funcobject.c,
// Objects/methodobject.c, Objects/classobject.c, Objects/cellobject.c.
#pragma once
#include "objects/object.hpp"

namespace terrarium {

struct CodeObject;

struct BuiltinFunctionObject : Object {
  const char* name;
  CallFunc impl;
  Object* module_name;  // str or null
};

struct FunctionObject : Object {
  CodeObject* code;      // strong
  Object* globals;       // dict
  Object* builtins;      // dict
  Object* name;          // str
  Object* qualname;      // str
  Object* defaults;      // tuple or null
  Object* kwdefaults;    // dict or null
  Object* closure;       // tuple of cells or null
  Object* doc;           // or None
  Object* module;        // __module__ or None
  Object* annotations;   // dict or null
  Object* dict;          // __dict__ or null
  Object* weaklist;      // head of the weak references to the function (not owned)
};

struct MethodObject : Object {  // a function bound to an instance: obj.method
  Object* func;
  Object* self;
};

struct CellObject : Object {
  Object* contents;  // null: empty cell
};

extern TypeObject builtin_function_type;
extern TypeObject function_type;
extern TypeObject method_type;
extern TypeObject cell_type;
extern TypeObject staticmethod_type;
extern TypeObject classmethod_type;
extern TypeObject property_type;

[[nodiscard]] Object* new_builtin_function(ThreadState* ts, const char* name, CallFunc impl);
[[nodiscard]] Object* new_function(ThreadState* ts, CodeObject* code, Object* globals, Object* builtins,
                                   Object* qualname);
[[nodiscard]] Object* new_method(ThreadState* ts, Object* func, Object* self);
[[nodiscard]] Object* new_cell(ThreadState* ts, Object* contents);  // takes a new reference to contents

}  // namespace terrarium
