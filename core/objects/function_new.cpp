// types.FunctionType(code, globals, name=None, argdefs=None, closure=None): building a
// function from a code object by hand, with CPython's argument checks and messages.
// CPython: Objects/funcobject.c func_new_impl().
#include <string>
#include "bytecode/code.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/function.hpp"
#include "objects/getargs.hpp"
#include "objects/module.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "vm/interpreter_state.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

// The builtins a function made in `globals` sees: globals["__builtins__"] (a module
// stands for its dict), else the interpreter's. CPython: _PyEval_BuiltinsFromGlobals.
Object* builtins_for(ThreadState* ts, Object* globals) {
  Object* key = new_str(ts, "__builtins__");
  Object* b = dict_get_str(globals, key);
  decref(key);
  if (b && is_module(b)) b = module_dict(b);
  return b && is_instance(b, &dict_type) ? b : ts->interp->builtins;
}

// The closure must hold one cell per free variable of the code.
bool check_closure(ThreadState* ts, CodeObject* code, Object* closure) {
  std::size_t nfree = code->co_freevars.size();
  if (closure == py_none() && nfree > 0) {
    raise(ts, &exc_TypeError, "arg 5 (closure) must be tuple");
    return false;
  }
  if (closure != py_none() && !is_tuple(closure)) {
    raise(ts, &exc_TypeError, nfree ? "arg 5 (closure) must be tuple" : "arg 5 (closure) must be None or tuple");
    return false;
  }
  std::size_t given = closure == py_none() ? 0 : static_cast<std::size_t>(tuple_size(closure));
  if (given != nfree) {
    raise(ts, &exc_ValueError, code->co_name + " requires closure of length " + std::to_string(nfree) + ", not " +
                                   std::to_string(given));
    return false;
  }
  for (std::size_t i = 0; i < given; ++i) {
    Object* cell = tuple_get(closure, static_cast<Py_ssize_t>(i));
    if (cell->ob_type != &cell_type) {
      raise(ts, &exc_TypeError, std::string("arg 5 (closure) expected cell, found ") + cell->ob_type->tp_name);
      return false;
    }
  }
  return true;
}

}  // namespace

Object* function_new(ThreadState* ts, TypeObject*, Object* const* args, std::size_t nargs, Object* kwnames) {
  static const char* const kNames[] = {"code", "globals", "name", "argdefs", "closure"};
  static const KwSpec kSpec{"function", kNames, 5, 0, 5, 2};
  Object* a[5];
  if (!unpack_keywords(ts, kSpec, args, nargs, kwnames, a)) return nullptr;
  Object* name = a[2] ? a[2] : py_none();
  Object* defaults = a[3] ? a[3] : py_none();
  Object* closure = a[4] ? a[4] : py_none();
  if (a[0]->ob_type != &code_type)
    return raise(ts, &exc_TypeError, std::string("function() argument 'code' must be code, not ") + clinic_type_name(a[0]));
  if (!is_instance(a[1], &dict_type))
    return raise(ts, &exc_TypeError, std::string("function() argument 'globals' must be dict, not ") +
                                         clinic_type_name(a[1]));
  if (name != py_none() && !is_str(name)) return raise(ts, &exc_TypeError, "arg 3 (name) must be None or string");
  if (defaults != py_none() && !is_tuple(defaults))
    return raise(ts, &exc_TypeError, "arg 4 (defaults) must be None or tuple");
  auto* code = static_cast<CodeObject*>(a[0]);
  if (!check_closure(ts, code, closure)) return nullptr;
  auto* f = static_cast<FunctionObject*>(new_function(ts, code, a[1], builtins_for(ts, a[1]), nullptr));
  if (!f) return nullptr;
  if (name != py_none()) {
    decref(f->name);
    f->name = newref(name);
  }
  if (defaults != py_none()) f->defaults = newref(defaults);
  if (closure != py_none()) f->closure = newref(closure);
  return f;
}

}  // namespace terrarium
