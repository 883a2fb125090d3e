// The async_generator type and its awaitables: async_generator_asend (asend() and
// __anext__()), async_generator_athrow (athrow() and aclose()), and the wrapper that
// marks yielded values. Each awaitable runs once: INIT, then ITER while awaited, then
// CLOSED. Messages and states follow CPython 3.11's genobject.c.
#include "objects/async_generator.hpp"

#include <string>
#include "objects/abstract.hpp"
#include "objects/exceptions.hpp"
#include "objects/generator.hpp"
#include "objects/getargs.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"
#include "vm/call.hpp"
#include "vm/frame.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

GeneratorObject* as_gen(Object* o) { return static_cast<GeneratorObject*>(o); }

struct WrappedValue : Object {
  Object* value;
};
void wrapped_traverse(Object* o, VisitProc visit, void* arg) { visit(static_cast<WrappedValue*>(o)->value, arg); }
void wrapped_dealloc(Object* o) {
  decref(static_cast<WrappedValue*>(o)->value);
  object_free(o);
}

}  // namespace

TypeObject async_gen_wrapped_value_type = [] {
  TypeObject t = make_static_type("async_generator_wrapped_value", sizeof(WrappedValue), &object_type);
  t.tp_flags |= TPFLAGS_HAVE_GC;
  t.tp_dealloc = wrapped_dealloc;
  t.tp_traverse = wrapped_traverse;
  return t;
}();

Object* new_async_gen_wrapped_value(ThreadState*, Object* value) {
  auto* w = static_cast<WrappedValue*>(object_alloc(&async_gen_wrapped_value_type, sizeof(WrappedValue)));
  w->value = newref(value);
  return w;
}

namespace {

bool is_wrapped(Object* o) { return o && o->ob_type == &async_gen_wrapped_value_type; }

void raise_stop_iteration(ThreadState* ts, Object* value) {
  Object* exc = call_object(ts, &exc_StopIteration, &value, 1, nullptr);
  if (exc) raise_object(ts, exc);
}

// What one resumption of the generator means to the awaitable: a yielded (wrapped)
// value completes it with StopIteration(value); the end of the generator is
// StopAsyncIteration; anything else passes through to the event loop.
// CPython: async_gen_unwrap.
Object* unwrap(ThreadState* ts, GeneratorObject* g, Object* result) {
  if (!result) {
    if (!ts->curexc) raise_without_args(ts, &exc_StopAsyncIteration);
    if (is_instance(ts->curexc, &exc_StopAsyncIteration) || is_instance(ts->curexc, &exc_GeneratorExit))
      g->ag_closed = true;
    g->ag_running_async = false;
    return nullptr;
  }
  if (is_wrapped(result)) {
    raise_stop_iteration(ts, static_cast<WrappedValue*>(result)->value);
    decref(result);
    g->ag_running_async = false;
    return nullptr;
  }
  return result;
}

enum class AwaitableState { Init, Iter, Closed };

// asend()/__anext__() (args null for athrow means aclose()).
struct GenAwaitable : Object {
  Object* gen;
  Object* arg;   // asend: the value to send; athrow: the throw() arguments (a tuple); aclose: null
  AwaitableState state;
};
GenAwaitable* as_awaitable(Object* o) { return static_cast<GenAwaitable*>(o); }

void awaitable_traverse(Object* o, VisitProc visit, void* arg) {
  GenAwaitable* a = as_awaitable(o);
  visit(a->gen, arg);
  if (a->arg) visit(a->arg, arg);
}
void awaitable_dealloc(Object* o) {
  decref(as_awaitable(o)->gen);
  xdecref(as_awaitable(o)->arg);
  object_free(o);
}
Object* self_iter(ThreadState*, Object* o) { return newref(o); }
Object* self_await(ThreadState*, Object* o, Object* const*, std::size_t, Object*) { return newref(o); }
Object* awaitable_close(ThreadState*, Object* self, Object* const*, std::size_t, Object*) {
  as_awaitable(self)->state = AwaitableState::Closed;
  return newref(py_none());
}

// ---- async_generator_asend ----
Object* asend_send_impl(ThreadState* ts, GenAwaitable* a, Object* arg) {
  GeneratorObject* g = as_gen(a->gen);
  if (a->state == AwaitableState::Closed)
    return raise(ts, &exc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
  if (a->state == AwaitableState::Init) {
    if (g->ag_running_async) return raise(ts, &exc_RuntimeError, "anext(): asynchronous generator is already running");
    if (!arg || arg == py_none()) arg = a->arg;
    a->state = AwaitableState::Iter;
  }
  g->ag_running_async = true;
  Object* r = unwrap(ts, g, gen_send_value(ts, g, arg ? arg : py_none()));
  if (!r) a->state = AwaitableState::Closed;
  return r;
}
Object* asend_send(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  if (n != 1) return raise(ts, &exc_TypeError, "send() takes exactly one argument (" + std::to_string(n) + " given)");
  return asend_send_impl(ts, as_awaitable(self), a[0]);
}
Object* asend_next(ThreadState* ts, Object* self) { return asend_send_impl(ts, as_awaitable(self), nullptr); }
Object* asend_throw(ThreadState* ts, Object* self, Object* const* args, std::size_t n, Object* kw) {
  GenAwaitable* a = as_awaitable(self);
  if (a->state == AwaitableState::Closed)
    return raise(ts, &exc_RuntimeError, "cannot reuse already awaited __anext__()/asend()");
  Object* r = unwrap(ts, as_gen(a->gen), gen_method_throw(ts, a->gen, args, n, kw));
  if (!r) a->state = AwaitableState::Closed;
  return r;
}
const MethodDef kASendMethods[] = {
    {"send", asend_send, METH_INSTANCE}, {"throw", asend_throw, METH_INSTANCE},
    {"close", awaitable_close, METH_INSTANCE}, {"__await__", self_await, METH_INSTANCE}, {nullptr, nullptr, 0},
};

// ---- async_generator_athrow ----
// aclose() finished: a yield in response is an error; StopAsyncIteration or
// GeneratorExit mean it closed, reported as StopIteration (the await is done).
Object* athrow_finish(ThreadState* ts, GenAwaitable* a, Object* r) {
  GeneratorObject* g = as_gen(a->gen);
  if (r && is_wrapped(r)) {
    decref(r);
    g->ag_running_async = false;
    a->state = AwaitableState::Closed;
    return raise(ts, &exc_RuntimeError, "async generator ignored GeneratorExit");
  }
  if (r) return r;
  g->ag_running_async = false;
  a->state = AwaitableState::Closed;
  if (is_instance(ts->curexc, &exc_StopAsyncIteration) || is_instance(ts->curexc, &exc_GeneratorExit)) {
    if (!a->arg) {
      clear_error(ts);
      raise_without_args(ts, &exc_StopIteration);
    }
  }
  return nullptr;
}

Object* athrow_send_impl(ThreadState* ts, GenAwaitable* a, Object* arg) {
  GeneratorObject* g = as_gen(a->gen);
  if (a->state == AwaitableState::Closed)
    return raise(ts, &exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
  if (!g->frame) {
    a->state = AwaitableState::Closed;
    return raise_without_args(ts, &exc_StopIteration);
  }
  if (a->state == AwaitableState::Init) {
    if (g->ag_running_async) {
      a->state = AwaitableState::Closed;
      return raise(ts, &exc_RuntimeError, a->arg ? "athrow(): asynchronous generator is already running"
                                                 : "aclose(): asynchronous generator is already running");
    }
    if (g->ag_closed) {
      a->state = AwaitableState::Closed;
      return raise_without_args(ts, &exc_StopAsyncIteration);
    }
    if (arg && arg != py_none()) return raise(ts, &exc_RuntimeError, "can't send non-None value to a just-started coroutine");
    a->state = AwaitableState::Iter;
    g->ag_running_async = true;
    if (!a->arg) {  // aclose()
      g->ag_closed = true;
      Object* exc = new_exception(ts, &exc_GeneratorExit, "");
      if (!exc) return nullptr;
      return athrow_finish(ts, a, gen_throw_exc(ts, g, exc, false));
    }
    auto* t = static_cast<TupleObject*>(a->arg);
    Object* exc = exception_from_throw_args(ts, t->items, static_cast<std::size_t>(t->size));
    Object* r = exc ? gen_throw_exc(ts, g, exc, false) : nullptr;
    r = unwrap(ts, g, r);
    if (!r) athrow_finish(ts, a, nullptr);
    return r;
  }
  Object* r = gen_send_value(ts, g, arg ? arg : py_none());
  if (a->arg) return unwrap(ts, g, r);
  return athrow_finish(ts, a, r);
}
Object* athrow_send(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  if (n != 1) return raise(ts, &exc_TypeError, "send() takes exactly one argument (" + std::to_string(n) + " given)");
  return athrow_send_impl(ts, as_awaitable(self), a[0]);
}
Object* athrow_next(ThreadState* ts, Object* self) { return athrow_send_impl(ts, as_awaitable(self), nullptr); }
Object* athrow_throw(ThreadState* ts, Object* self, Object* const* args, std::size_t n, Object* kw) {
  GenAwaitable* a = as_awaitable(self);
  if (a->state == AwaitableState::Closed)
    return raise(ts, &exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
  Object* r = gen_method_throw(ts, a->gen, args, n, kw);
  if (a->arg) return unwrap(ts, as_gen(a->gen), r);
  if (r && is_wrapped(r)) return athrow_finish(ts, a, r);
  if (!r && (is_instance(ts->curexc, &exc_StopAsyncIteration) || is_instance(ts->curexc, &exc_GeneratorExit))) {
    clear_error(ts);
    raise_without_args(ts, &exc_StopIteration);
  }
  return r;
}
const MethodDef kAThrowMethods[] = {
    {"send", athrow_send, METH_INSTANCE}, {"throw", athrow_throw, METH_INSTANCE},
    {"close", awaitable_close, METH_INSTANCE}, {"__await__", self_await, METH_INSTANCE}, {nullptr, nullptr, 0},
};

}  // namespace

TypeObject async_gen_asend_type = [] {
  TypeObject t = make_static_type("async_generator_asend", sizeof(GenAwaitable), &object_type);
  t.tp_flags |= TPFLAGS_HAVE_GC;
  t.tp_dealloc = awaitable_dealloc;
  t.tp_traverse = awaitable_traverse;
  t.tp_iter = self_iter;
  t.tp_iternext = asend_next;
  t.tp_methods = kASendMethods;
  return t;
}();

TypeObject async_gen_athrow_type = [] {
  TypeObject t = make_static_type("async_generator_athrow", sizeof(GenAwaitable), &object_type);
  t.tp_flags |= TPFLAGS_HAVE_GC;
  t.tp_dealloc = awaitable_dealloc;
  t.tp_traverse = awaitable_traverse;
  t.tp_iter = self_iter;
  t.tp_iternext = athrow_next;
  t.tp_methods = kAThrowMethods;
  return t;
}();

namespace {

Object* new_awaitable(TypeObject* type, Object* gen, Object* arg) {
  auto* a = static_cast<GenAwaitable*>(object_alloc(type, sizeof(GenAwaitable)));
  a->gen = newref(gen);
  a->arg = arg;  // stolen
  a->state = AwaitableState::Init;
  return a;
}

Object* ag_asend(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  if (!one_arg(ts, "async_generator.asend", n, kw)) return nullptr;
  return new_awaitable(&async_gen_asend_type, self, newref(a[0]));
}
Object* ag_anext(ThreadState* ts, Object* self, Object* const*, std::size_t, Object*) { return async_gen_anext(ts, self); }
Object* ag_aiter(ThreadState*, Object* self, Object* const*, std::size_t, Object*) { return newref(self); }
Object* ag_athrow(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  if (n < 1 || n > 3) return raise(ts, &exc_TypeError, "athrow expected at least 1 argument, got " + std::to_string(n));
  Object* args = new_tuple(ts, static_cast<Py_ssize_t>(n));
  for (std::size_t i = 0; i < n; ++i) tuple_set(args, static_cast<Py_ssize_t>(i), newref(a[i]));
  return new_awaitable(&async_gen_athrow_type, self, args);
}
Object* ag_aclose(ThreadState*, Object* self, Object* const*, std::size_t, Object*) {
  return new_awaitable(&async_gen_athrow_type, self, nullptr);
}

Object* ag_get_name(ThreadState*, Object* o) { return newref(as_gen(o)->name); }
Object* ag_get_qualname(ThreadState*, Object* o) { return newref(as_gen(o)->qualname); }
Object* ag_get_running(ThreadState*, Object* o) { return new_bool(as_gen(o)->ag_running_async); }
Object* ag_get_code(ThreadState*, Object* o) { return newref(as_gen(o)->code); }
Object* ag_get_frame(ThreadState* ts, Object* o) { return gen_frame_object(ts, as_gen(o)); }
Object* ag_get_await(ThreadState*, Object* o) {
  Object* yf = gen_delegate(as_gen(o));
  return newref(yf ? yf : py_none());
}

const GetSetDef kAgGetSet[] = {
    {"__name__", ag_get_name, nullptr},    {"__qualname__", ag_get_qualname, nullptr},
    {"ag_running", ag_get_running, nullptr}, {"ag_code", ag_get_code, nullptr},
    {"ag_frame", ag_get_frame, nullptr},   {"ag_await", ag_get_await, nullptr},
    {nullptr, nullptr, nullptr},
};
const MethodDef kAgMethods[] = {
    {"asend", ag_asend, METH_INSTANCE},     {"athrow", ag_athrow, METH_INSTANCE},
    {"aclose", ag_aclose, METH_INSTANCE},   {"__aiter__", ag_aiter, METH_INSTANCE},
    {"__anext__", ag_anext, METH_INSTANCE}, {nullptr, nullptr, 0},
};

}  // namespace

TypeObject async_generator_type = [] {
  TypeObject t = make_static_type("async_generator", sizeof(GeneratorObject), &object_type);
  t.tp_flags |= TPFLAGS_HAVE_GC;
  t.tp_dealloc = gen_finalize_and_free;
  t.tp_traverse = gen_traverse;
  t.tp_repr = gen_repr_slot;
  t.tp_getset = kAgGetSet;
  t.tp_methods = kAgMethods;
  return t;
}();

Object* async_gen_anext(ThreadState*, Object* gen) {
  return new_awaitable(&async_gen_asend_type, gen, nullptr);
}

}  // namespace terrarium
