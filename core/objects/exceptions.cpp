// The built-in exception types (one static type each, from the X-macro list) and the
// raise helpers. CPython: Objects/exceptions.c, Python/errors.c.
#include <cstdlib>
#include "bytecode/code.hpp"
#include "objects/abstract.hpp"
#include "objects/exceptions.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

void exception_dealloc(Object* o) {
  auto* e = static_cast<ExceptionObject*>(o);
  xdecref(e->args);
  xdecref(e->name);
  if (e->traceback) {
    for (auto& entry : *e->traceback) {
      decref(entry.code);
      xdecref(entry.globals);
    }
    delete e->traceback;
  }
  std::free(e);
}

// CPython's BaseException.__repr__: Name('msg') / Name() / Name(a, b).
Object* exception_repr(ThreadState* ts, Object* o) {
  auto* e = static_cast<ExceptionObject*>(o);
  std::string out = o->ob_type->tp_name;
  Py_ssize_t n = tuple_size(e->args);
  if (n == 1) {
    std::string item;
    if (!repr_string(ts, tuple_get(e->args, 0), item)) return nullptr;
    return new_str(ts, out + "(" + item + ")");
  }
  std::string args;
  if (!repr_string(ts, e->args, args)) return nullptr;
  return new_str(ts, out + args);
}

// CPython's BaseException.__str__: '' / str(arg) / str(args).
Object* exception_str(ThreadState* ts, Object* o) {
  auto* e = static_cast<ExceptionObject*>(o);
  Py_ssize_t n = tuple_size(e->args);
  if (n == 0) return new_str(ts, "");
  if (n == 1) return object_str(ts, tuple_get(e->args, 0));
  return object_str(ts, e->args);
}

TypeObject make_exception_type(const char* name, TypeObject* base) {
  TypeObject t = make_static_type(name, sizeof(ExceptionObject), base);
  t.tp_dealloc = exception_dealloc;
  t.tp_repr = exception_repr;
  t.tp_str = exception_str;
  return t;
}

}  // namespace

TypeObject exc_BaseException = make_exception_type("BaseException", &object_type);
#define TERRARIUM_DEFINE_EXC(c_name, py_name, base) \
  TypeObject exc_##c_name = make_exception_type(py_name, &exc_##base);
TERRARIUM_EXCEPTIONS(TERRARIUM_DEFINE_EXC)
#undef TERRARIUM_DEFINE_EXC

Object* new_exception(ThreadState* ts, TypeObject* type, const std::string& message) {
  auto* e = static_cast<ExceptionObject*>(std::malloc(sizeof(ExceptionObject)));
  e->ob_refcnt = 1;
  e->ob_type = type;
  e->traceback = nullptr;
  e->name = nullptr;
  // Like CPython's PyErr_SetString: one str argument, or none for a bare raise.
  if (message.empty() && type == &exc_KeyboardInterrupt) {
    e->args = new_tuple(ts, 0);
  } else {
    e->args = new_tuple(ts, 1);
    tuple_set(e->args, 0, new_str(ts, message));
  }
  return e;
}

std::nullptr_t raise_object(ThreadState* ts, Object* exc) {
  Object* old = ts->curexc;
  ts->curexc = exc;
  xdecref(old);
  return nullptr;
}

std::nullptr_t raise(ThreadState* ts, TypeObject* type, const std::string& message) {
  return raise_object(ts, new_exception(ts, type, message));
}

std::string exception_message(ThreadState* ts, Object* exc) {
  Object* s = object_str(ts, exc);
  if (!s) {
    clear_error(ts);
    return "<exception str() failed>";
  }
  std::string out(str_view(s));
  decref(s);
  return out;
}

void add_traceback_entry(Object* exc, CodeObject* code, int offset, Object* globals) {
  auto* e = static_cast<ExceptionObject*>(exc);
  if (!e->traceback) e->traceback = new std::vector<TracebackEntry>();
  incref(code);
  xincref(globals);
  e->traceback->push_back(TracebackEntry{code, offset, globals});
}

}  // namespace terrarium
