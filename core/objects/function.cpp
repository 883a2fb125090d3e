// The builtin_function_or_method type: calling forwards to the C++ entry point.
// CPython: Objects/methodobject.c.
#include <cstdlib>
#include <string>
#include "objects/function.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"

namespace terrarium {

namespace {

Object* builtin_call(ThreadState* ts, Object* callable, Object* const* args, std::size_t nargs, Object* kwnames) {
  return static_cast<BuiltinFunctionObject*>(callable)->impl(ts, callable, args, nargs, kwnames);
}

Object* builtin_repr(ThreadState* ts, Object* o) {
  std::string s = "<built-in function ";
  s += static_cast<BuiltinFunctionObject*>(o)->name;
  return new_str(ts, s + ">");
}

}  // namespace

TypeObject builtin_function_type = [] {
  TypeObject t = make_static_type("builtin_function_or_method", sizeof(BuiltinFunctionObject), &object_type);
  t.tp_call = builtin_call;
  t.tp_repr = builtin_repr;
  return t;
}();

Object* new_builtin_function(ThreadState*, const char* name, CallFunc impl) {
  auto* f = static_cast<BuiltinFunctionObject*>(std::malloc(sizeof(BuiltinFunctionObject)));
  f->ob_refcnt = 1;
  f->ob_type = &builtin_function_type;
  f->name = name;
  f->impl = impl;
  return f;
}

}  // namespace terrarium
