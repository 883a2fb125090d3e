// The generator type: next/send/throw/close with CPython 3.11's rules and messages, the
// gi_* attributes, RETURN_GENERATOR's constructor for all three frame-owning kinds, and
// iter_send (SEND). The resume machinery is in generator_resume.cpp.
#include "objects/generator.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include "bytecode/code.hpp"
#include "bytecode/opcodes.hpp"
#include "objects/abstract.hpp"
#include "objects/exceptions.hpp"
#include "objects/function.hpp"
#include "objects/singletons.hpp"
#include "objects/slots.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"
#include "vm/call.hpp"
#include "vm/eval.hpp"
#include "vm/frame_object.hpp"
#include "vm/thread_state.hpp"


namespace terrarium {

namespace {

GeneratorObject* as_gen(Object* o) { return static_cast<GeneratorObject*>(o); }

void stop_iteration(ThreadState* ts, Object* value) {
  if (Object* exc = call_object(ts, &exc_StopIteration, &value, 1, nullptr)) raise_object(ts, exc);
}

Object* gen_iternext(ThreadState* ts, Object* self) {
  Object* r;
  SendResult s = gen_send_ex(ts, as_gen(self), py_none(), false, false, &r);
  if (s == SendResult::Next) return r;
  if (s == SendResult::Return) {
    // A return value other than None travels in StopIteration; None just ends iteration.
    if (r && r != py_none()) stop_iteration(ts, r);
    xdecref(r);
  }
  return nullptr;
}

Object* gen_send(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  if (n != 1) return raise(ts, &exc_TypeError, std::string(self->ob_type->tp_name) + ".send() takes exactly one argument (" + std::to_string(n) + " given)");
  return gen_send_value(ts, as_gen(self), a[0]);
}


// throw(exc) / throw(type[, value[, tb]]). CPython: _gen_throw.
Object* gen_throw(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  Object* exc = exception_from_throw_args(ts, a, n);
  if (!exc) return nullptr;
  GeneratorObject* g = as_gen(self);
  if (g->running) {
    decref(exc);
    return raise(ts, &exc_ValueError, std::string(gen_kind_name(g)) + " already executing");
  }
  return gen_throw_exc(ts, g, exc, true);
}


Object* gen_close(ThreadState* ts, Object* self, Object* const*, std::size_t, Object*) {
  return gen_close_impl(ts, as_gen(self));
}

}  // namespace

Object* gen_frame_object(ThreadState* ts, GeneratorObject* g) {
  if (!g->frame) return newref(py_none());
  Object* fo = frame_object_for(ts, g->frame);
  return fo ? newref(fo) : nullptr;
}

namespace {

Object* self_iter(ThreadState*, Object* o) { return newref(o); }

Object* gen_repr(ThreadState* ts, Object* o) {
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(o));
  return new_str(ts, std::string("<") + o->ob_type->tp_name + " object " + std::string(str_view(as_gen(o)->qualname)) +
                         " at " + addr + ">");
}

Object* gen_get_name(ThreadState*, Object* o) { return newref(as_gen(o)->name); }
Object* gen_get_qualname(ThreadState*, Object* o) { return newref(as_gen(o)->qualname); }
Object* gen_get_running(ThreadState*, Object* o) { return new_bool(as_gen(o)->running); }
Object* gen_get_code(ThreadState*, Object* o) { return newref(as_gen(o)->code); }
Object* gen_get_frame(ThreadState* ts, Object* o) { return gen_frame_object(ts, as_gen(o)); }
Object* gen_get_yieldfrom(ThreadState*, Object* o) {
  Object* yf = gen_delegate(as_gen(o));
  return newref(yf ? yf : py_none());
}
Object* gen_get_suspended(ThreadState*, Object* o) {
  GeneratorObject* g = as_gen(o);
  return new_bool(g->frame && g->frame->suspended);
}
const GetSetDef kGenGetSet[] = {
    {"__name__", gen_get_name, nullptr},   {"__qualname__", gen_get_qualname, nullptr},
    {"gi_running", gen_get_running, nullptr}, {"gi_code", gen_get_code, nullptr},
    {"gi_frame", gen_get_frame, nullptr}, {"gi_yieldfrom", gen_get_yieldfrom, nullptr},
    {"gi_suspended", gen_get_suspended, nullptr}, {nullptr, nullptr, nullptr},
};
const MethodDef kGenMethods[] = {
    {"send", gen_send, METH_INSTANCE}, {"throw", gen_throw, METH_INSTANCE}, {"close", gen_close, METH_INSTANCE},
    {nullptr, nullptr, 0},
};

}  // namespace

// Shared by coroutine.cpp and async_generator.cpp for their getters and methods.
Object* gen_method_send(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return gen_send(ts, self, a, n, kw);
}
Object* gen_method_throw(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return gen_throw(ts, self, a, n, kw);
}
Object* gen_method_close(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  return gen_close(ts, self, a, n, kw);
}
Object* gen_iternext_slot(ThreadState* ts, Object* self) { return gen_iternext(ts, self); }
Object* gen_repr_slot(ThreadState* ts, Object* o) { return gen_repr(ts, o); }

TypeObject generator_type = [] {
  TypeObject t = make_static_type("generator", sizeof(GeneratorObject), &object_type);
  t.tp_flags |= TPFLAGS_HAVE_GC;
  t.tp_dealloc = gen_finalize_and_free;
  t.tp_traverse = gen_traverse;
  t.tp_iter = self_iter;
  t.tp_iternext = gen_iternext;
  t.tp_repr = gen_repr;
  t.tp_getset = kGenGetSet;
  t.tp_methods = kGenMethods;
  return t;
}();

Object* new_generator(ThreadState* ts, Frame* frame) {
  CodeObject* code = frame->code;
  TypeObject* type = (code->co_flags & CO_COROUTINE)         ? &coroutine_type
                     : (code->co_flags & CO_ASYNC_GENERATOR) ? &async_generator_type
                                                             : &generator_type;
  auto* g = static_cast<GeneratorObject*>(object_alloc(type, sizeof(GeneratorObject)));
  g->frame = frame;
  frame->owner = ts;
  g->code = newref<Object>(code);
  FunctionObject* f = frame->func;
  g->name = f ? newref(f->name) : new_str(ts, code->co_name);
  g->qualname = f ? newref(f->qualname) : new_str(ts, code->co_qualname);
  g->running = false;
  g->started = false;
  g->ag_closed = false;
  g->ag_running_async = false;
  return g;
}

SendResult iter_send(ThreadState* ts, Object* receiver, Object* value, Object** result) {
  if (is_generator(receiver) || is_coroutine(receiver))
    return gen_send_ex(ts, as_gen(receiver), value, false, false, result);
  *result = nullptr;
  if (value == py_none() && receiver->ob_type->tp_iternext) {
    Object* r = receiver->ob_type->tp_iternext(ts, receiver);
    if (r) {
      *result = r;
      return SendResult::Next;
    }
    if (!ts->curexc) {
      *result = newref(py_none());
      return SendResult::Return;
    }
  } else {
    Object* r = call_dunder(ts, receiver, "send", &value, 1);
    if (r) {
      *result = r;
      return SendResult::Next;
    }
  }
  // StopIteration(value) ends the delegation with that value.
  if (ts->curexc && is_instance(ts->curexc, &exc_StopIteration)) {
    Object* exc = fetch_error(ts);
    auto* e = static_cast<ExceptionObject*>(exc);
    *result = newref(tuple_size(e->args) ? tuple_get(e->args, 0) : py_none());
    decref(exc);
    return SendResult::Return;
  }
  return SendResult::Error;
}


}  // namespace terrarium
