// The coroutine type (send/throw/close/__await__, the cr_* attributes), the
// coroutine_wrapper __await__ returns, the await protocol, and CPython's RuntimeWarning
// for a coroutine freed before it ever ran. The resume machinery is generator.cpp's.
#include "objects/coroutine.hpp"

#include <string>
#include "bytecode/code.hpp"
#include "objects/abstract.hpp"
#include "objects/descr.hpp"
#include "objects/exceptions.hpp"
#include "objects/generator.hpp"
#include "objects/singletons.hpp"
#include "objects/slots.hpp"
#include "objects/str.hpp"
#include "objects/typeobject.hpp"
#include "vm/frame.hpp"
#include "vm/interpreter_state.hpp"

namespace terrarium {

namespace {

GeneratorObject* as_gen(Object* o) { return static_cast<GeneratorObject*>(o); }

// CPython prints this through the warnings module (default action: once per location):
// the location is the Python code running when the coroutine is freed. With no Python
// code running (interpreter shutdown) CPython's warning machinery is gone and says
// nothing, and neither do we.
void warn_never_awaited(ThreadState* ts, GeneratorObject* g) {
  Frame* f = ts->frame;
  InterpreterState* interp = ts->interp;
  if (!f || !interp) return;
  std::string message = "coroutine '" + std::string(str_view(g->qualname)) + "' was never awaited";
  std::string where = f->code->co_filename + ":" + std::to_string(f->lineno());
  if (!interp->warned_once.insert(where + ":" + message).second) return;
  std::string source;
  std::string line;
  if (source_line(f->code, f->lineno(), line)) {
    std::size_t b = line.find_first_not_of(" \t\f\r\n");
    std::size_t e = line.find_last_not_of(" \t\f\r\n");
    if (b != std::string::npos) source = "  " + line.substr(b, e - b + 1) + "\n";
  }
  if (interp->out)
    interp->out->write(2, where + ": RuntimeWarning: " + message + "\n" + source +
                              "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
}

void coro_dealloc(Object* o) {
  GeneratorObject* g = as_gen(o);
  if (g->frame && !g->started && g->frame->owner) {
    ThreadState* ts = g->frame->owner;
    Object* saved = fetch_error(ts);
    warn_never_awaited(ts, g);
    ts->curexc = saved;
  }
  gen_finalize_and_free(o);
}

// __await__(): an iterator over the coroutine. CPython: coro_await.
struct CoroWrapper : Object {
  Object* coro;
};

Object* coro_await(ThreadState*, Object* self, Object* const*, std::size_t, Object*) {
  auto* w = static_cast<CoroWrapper*>(object_alloc(&coroutine_wrapper_type, sizeof(CoroWrapper)));
  w->coro = newref(self);
  return w;
}

Object* coro_get_name(ThreadState*, Object* o) { return newref(as_gen(o)->name); }
Object* coro_get_qualname(ThreadState*, Object* o) { return newref(as_gen(o)->qualname); }
Object* coro_get_running(ThreadState*, Object* o) { return new_bool(as_gen(o)->running); }
Object* coro_get_code(ThreadState*, Object* o) { return newref(as_gen(o)->code); }
Object* coro_get_frame(ThreadState* ts, Object* o) { return gen_frame_object(ts, as_gen(o)); }
Object* coro_get_await(ThreadState*, Object* o) {
  Object* yf = gen_delegate(as_gen(o));
  return newref(yf ? yf : py_none());
}
Object* coro_get_suspended(ThreadState*, Object* o) {
  GeneratorObject* g = as_gen(o);
  return new_bool(g->frame && g->frame->suspended);
}
Object* coro_get_origin(ThreadState*, Object*) { return newref(py_none()); }

const GetSetDef kCoroGetSet[] = {
    {"__name__", coro_get_name, nullptr},       {"__qualname__", coro_get_qualname, nullptr},
    {"cr_running", coro_get_running, nullptr},  {"cr_code", coro_get_code, nullptr},
    {"cr_frame", coro_get_frame, nullptr},      {"cr_await", coro_get_await, nullptr},
    {"cr_suspended", coro_get_suspended, nullptr}, {"cr_origin", coro_get_origin, nullptr},
    {nullptr, nullptr, nullptr},
};
const MethodDef kCoroMethods[] = {
    {"send", gen_method_send, METH_INSTANCE}, {"throw", gen_method_throw, METH_INSTANCE},
    {"close", gen_method_close, METH_INSTANCE}, {"__await__", coro_await, METH_INSTANCE},
    {nullptr, nullptr, 0},
};

// ---- coroutine_wrapper: send/throw/close and __next__ forwarded to the coroutine ----
Object* wrapped(Object* o) { return static_cast<CoroWrapper*>(o)->coro; }
Object* wrapper_send(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return gen_method_send(ts, wrapped(self), a, n, kw);
}
Object* wrapper_throw(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return gen_method_throw(ts, wrapped(self), a, n, kw);
}
Object* wrapper_close(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return gen_method_close(ts, wrapped(self), a, n, kw);
}
Object* wrapper_next(ThreadState* ts, Object* self) { return gen_iternext_slot(ts, wrapped(self)); }
Object* wrapper_iter(ThreadState*, Object* self) { return newref(self); }
void wrapper_traverse(Object* o, VisitProc visit, void* arg) { visit(wrapped(o), arg); }
void wrapper_dealloc(Object* o) {
  decref(wrapped(o));
  object_free(o);
}
const MethodDef kWrapperMethods[] = {
    {"send", wrapper_send, METH_INSTANCE}, {"throw", wrapper_throw, METH_INSTANCE},
    {"close", wrapper_close, METH_INSTANCE}, {nullptr, nullptr, 0},
};

}  // namespace

TypeObject coroutine_type = [] {
  TypeObject t = make_static_type("coroutine", sizeof(GeneratorObject), &object_type);
  t.tp_flags |= TPFLAGS_HAVE_GC;
  t.tp_dealloc = coro_dealloc;
  t.tp_traverse = gen_traverse;
  t.tp_repr = gen_repr_slot;
  t.tp_getset = kCoroGetSet;
  t.tp_methods = kCoroMethods;
  return t;
}();

TypeObject coroutine_wrapper_type = [] {
  TypeObject t = make_static_type("coroutine_wrapper", sizeof(CoroWrapper), &object_type);
  t.tp_flags |= TPFLAGS_HAVE_GC;
  t.tp_dealloc = wrapper_dealloc;
  t.tp_traverse = wrapper_traverse;
  t.tp_iter = wrapper_iter;
  t.tp_iternext = wrapper_next;
  t.tp_methods = kWrapperMethods;
  return t;
}();

Object* get_awaitable_iter(ThreadState* ts, Object* o) {
  if (is_coroutine(o) || is_iterable_coroutine(o)) return newref(o);
  Object* await = type_lookup_str(o->ob_type, "__await__");
  if (!await)
    return raise(ts, &exc_TypeError, std::string("object ") + o->ob_type->tp_name + " can't be used in 'await' expression");
  Object* res = call_unbound(ts, await, o, nullptr, 0);
  if (!res) return nullptr;
  if (is_coroutine(res) || is_iterable_coroutine(res)) {
    decref(res);
    return raise(ts, &exc_TypeError, "__await__() returned a coroutine");
  }
  if (!res->ob_type->tp_iternext) {
    std::string name = res->ob_type->tp_name;
    decref(res);
    return raise(ts, &exc_TypeError, "__await__() returned non-iterator of type '" + name + "'");
  }
  return res;
}

Object* get_awaitable(ThreadState* ts, Object* o, int where) {
  if (where != 0 && !is_coroutine(o) && !is_iterable_coroutine(o) && !type_lookup_str(o->ob_type, "__await__")) {
    return raise(ts, &exc_TypeError, std::string("'async with' received an object from ") +
                                         (where == 1 ? "__aenter__" : "__aexit__") +
                                         " that does not implement __await__: " + o->ob_type->tp_name);
  }
  Object* it = get_awaitable_iter(ts, o);
  if (it && is_coroutine(it) && gen_delegate(as_gen(it))) {
    decref(it);
    return raise(ts, &exc_RuntimeError, "coroutine is being awaited already");
  }
  return it;
}

}  // namespace terrarium
