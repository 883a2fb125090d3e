// aiter() and anext(), and the anext_awaitable that anext(it, default) returns: it
// awaits it.__anext__() and turns StopAsyncIteration into StopIteration(default).
// CPython: Python/bltinmodule.c builtin_aiter/builtin_anext, Objects/iterobject.c.
#include <string>
#include "modules/builtins_registry.hpp"
#include "objects/abstract.hpp"
#include "objects/coroutine.hpp"
#include "objects/descr.hpp"
#include "objects/exceptions.hpp"
#include "objects/generator.hpp"
#include "objects/singletons.hpp"
#include "objects/typeobject.hpp"
#include "vm/call.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

struct AnextAwaitable : Object {
  Object* wrapped;        // what __anext__() returned
  Object* default_value;
};
AnextAwaitable* as_anext(Object* o) { return static_cast<AnextAwaitable*>(o); }

// The iterator driving the wrapped awaitable (a coroutine is entered through __await__).
// CPython: anextawaitable_getiter.
Object* awaitable_iter(ThreadState* ts, AnextAwaitable* a) {
  Object* it = get_awaitable_iter(ts, a->wrapped);
  if (!it || it->ob_type->tp_iternext) return it;
  Object* await = type_lookup_str(it->ob_type, "__await__");
  Object* inner = await ? call_unbound(ts, await, it, nullptr, 0) : nullptr;
  decref(it);
  if (inner && !inner->ob_type->tp_iternext) {
    decref(inner);
    return raise(ts, &exc_TypeError, "__await__ returned a non-iterable");
  }
  return inner;
}

Object* finish(ThreadState* ts, AnextAwaitable* a, Object* r) {
  if (!r && ts->curexc && is_instance(ts->curexc, &exc_StopAsyncIteration)) {
    clear_error(ts);
    Object* exc = call_object(ts, &exc_StopIteration, &a->default_value, 1, nullptr);
    if (exc) raise_object(ts, exc);
  }
  return r;
}

Object* anext_iternext(ThreadState* ts, Object* self) {
  AnextAwaitable* a = as_anext(self);
  Object* it = awaitable_iter(ts, a);
  if (!it) return nullptr;
  Object* r = it->ob_type->tp_iternext(ts, it);
  decref(it);
  return finish(ts, a, r);
}

Object* proxy(ThreadState* ts, Object* self, const char* method, Object* const* args, std::size_t n) {
  AnextAwaitable* a = as_anext(self);
  Object* it = awaitable_iter(ts, a);
  if (!it) return nullptr;
  Object* meth = get_attr_str(ts, it, method);
  decref(it);
  if (!meth) return nullptr;
  Object* r = call_object(ts, meth, args, n, nullptr);
  decref(meth);
  return finish(ts, a, r);
}
Object* anext_send(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  return proxy(ts, self, "send", a, n);
}
Object* anext_throw(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  return proxy(ts, self, "throw", a, n);
}
Object* anext_close(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  return proxy(ts, self, "close", a, n);
}
Object* self_iter(ThreadState*, Object* o) { return newref(o); }
Object* self_await(ThreadState*, Object* o, Object* const*, std::size_t, Object*) { return newref(o); }

void anext_traverse(Object* o, VisitProc visit, void* arg) {
  visit(as_anext(o)->wrapped, arg);
  visit(as_anext(o)->default_value, arg);
}
void anext_dealloc(Object* o) {
  decref(as_anext(o)->wrapped);
  decref(as_anext(o)->default_value);
  object_free(o);
}
const MethodDef kAnextMethods[] = {
    {"send", anext_send, METH_INSTANCE}, {"throw", anext_throw, METH_INSTANCE},
    {"close", anext_close, METH_INSTANCE}, {"__await__", self_await, METH_INSTANCE}, {nullptr, nullptr, 0},
};

}  // namespace

TypeObject anext_awaitable_type = [] {
  TypeObject t = make_static_type("anext_awaitable", sizeof(AnextAwaitable), &object_type);
  t.tp_flags |= TPFLAGS_HAVE_GC;
  t.tp_dealloc = anext_dealloc;
  t.tp_traverse = anext_traverse;
  t.tp_iter = self_iter;
  t.tp_iternext = anext_iternext;
  t.tp_methods = kAnextMethods;
  return t;
}();

namespace {

Object* builtin_aiter(ThreadState* ts, Object*, Object* const* a, std::size_t n, Object* kw) {
  if (kw || n != 1) return raise(ts, &exc_TypeError, "aiter() takes exactly one argument (" + std::to_string(n) + " given)");
  Object* aiter = type_lookup_str(a[0]->ob_type, "__aiter__");
  if (!aiter) return raise(ts, &exc_TypeError, std::string("'") + a[0]->ob_type->tp_name + "' object is not an async iterable");
  Object* it = call_unbound(ts, aiter, a[0], nullptr, 0);
  if (it && !type_lookup_str(it->ob_type, "__anext__")) {
    std::string name = it->ob_type->tp_name;
    decref(it);
    return raise(ts, &exc_TypeError, "aiter() returned not an async iterator of type '" + name + "'");
  }
  return it;
}

Object* builtin_anext(ThreadState* ts, Object*, Object* const* a, std::size_t n, Object* kw) {
  if (kw) return raise(ts, &exc_TypeError, "anext() takes no keyword arguments");
  if (n < 1) return raise(ts, &exc_TypeError, "anext expected at least 1 argument, got 0");
  if (n > 2) return raise(ts, &exc_TypeError, "anext expected at most 2 arguments, got " + std::to_string(n));
  Object* anext = type_lookup_str(a[0]->ob_type, "__anext__");
  if (!anext) return raise(ts, &exc_TypeError, std::string("'") + a[0]->ob_type->tp_name + "' object is not an async iterator");
  Object* awaitable = call_unbound(ts, anext, a[0], nullptr, 0);
  if (!awaitable || n == 1) return awaitable;
  auto* w = static_cast<AnextAwaitable*>(object_alloc(&anext_awaitable_type, sizeof(AnextAwaitable)));
  w->wrapped = awaitable;
  w->default_value = newref(a[1]);
  return w;
}

}  // namespace

bool register_async_builtins(ThreadState* ts, Object* dict) {
  return add_builtin_function(ts, dict, "aiter", builtin_aiter) && add_builtin_function(ts, dict, "anext", builtin_anext);
}

}  // namespace terrarium
