// Generators: next/send/throw/close with CPython 3.11's rules and messages, PEP 479
// (StopIteration inside becomes RuntimeError), and close() on finalisation. The resume,
// throw and close machinery here also serves coroutines and async generators.
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

std::nullptr_t stop_iteration(ThreadState* ts, Object* value) {
  Object* exc = call_object(ts, &exc_StopIteration, &value, 1, nullptr);
  if (!exc) return nullptr;
  return raise_object(ts, exc);
}

// PEP 479: StopIteration (and, in async generators, StopAsyncIteration) escaping the
// frame becomes RuntimeError, the original as its cause.
void replace_stop_error(ThreadState* ts, GeneratorObject* g) {
  std::string kind = gen_kind_name(g);
  bool stop = is_instance(ts->curexc, &exc_StopIteration);
  bool async_stop = is_async_generator(g) && is_instance(ts->curexc, &exc_StopAsyncIteration);
  if (!stop && !async_stop) return;
  Object* cause = fetch_error(ts);
  Object* exc = new_exception(ts, &exc_RuntimeError, kind + (stop ? " raised StopIteration" : " raised StopAsyncIteration"));
  set_exception_cause(exc, cause);
  set_exception_context(exc, cause);
  decref(cause);
  raise_object(ts, exc);
}

}  // namespace

std::nullptr_t raise_without_args(ThreadState* ts, TypeObject* type) {
  Object* exc = call_object(ts, type, nullptr, 0, nullptr);
  return exc ? raise_object(ts, exc) : nullptr;
}

const char* gen_kind_name(Object* g) {
  return is_coroutine(g) ? "coroutine" : is_async_generator(g) ? "async generator" : "generator";
}

bool is_iterable_coroutine(Object* o) {
  return is_generator(o) && (static_cast<CodeObject*>(as_gen(o)->code)->co_flags & CO_ITERABLE_COROUTINE);
}

SendResult gen_send_ex(ThreadState* ts, GeneratorObject* g, Object* arg, bool throwing, bool closing, Object** result) {
  *result = nullptr;
  if (g->running) {
    raise(ts, &exc_ValueError, std::string(gen_kind_name(g)) + " already executing");
    return SendResult::Error;
  }
  if (!g->frame) {
    if (is_coroutine(g) && !closing) {
      raise(ts, &exc_RuntimeError, "cannot reuse already awaited coroutine");
      return SendResult::Error;
    }
    if (throwing) return SendResult::Error;  // the pending exception propagates as is
    // A finished generator just stops again.
    *result = newref(py_none());
    return SendResult::Return;
  }
  if (!g->started && arg && arg != py_none() && !throwing) {
    raise(ts, &exc_TypeError, std::string("can't send non-None value to a just-started ") + gen_kind_name(g));
    return SendResult::Error;
  }
  Frame* f = g->frame;
  // The sent value becomes the result of the YIELD_VALUE (or the POP_TOP after RETURN_GENERATOR).
  if (!throwing) f->stack_base()[f->stack_depth++] = newref(arg ? arg : py_none());
  g->started = true;
  g->running = true;
  ts->last_frame_yielded = false;
  Object* r = resume_frame(ts, f, throwing);
  g->running = false;
  if (ts->last_frame_yielded) {  // `f` is still alive only in this case
    ts->last_frame_yielded = false;
    *result = r;
    return SendResult::Next;
  }
  // Finished (returned or raised): the frame has been released by the eval loop.
  g->frame = nullptr;
  if (r) {
    *result = r;
    return SendResult::Return;
  }
  if (ts->curexc) replace_stop_error(ts, g);
  return SendResult::Error;
}

Object* gen_send_value(ThreadState* ts, GeneratorObject* g, Object* value) {
  Object* r;
  SendResult s = gen_send_ex(ts, g, value, false, false, &r);
  if (s == SendResult::Next) return r;
  if (s == SendResult::Return) {
    // Async generators end with StopAsyncIteration; the others carry the return value.
    if (is_async_generator(g)) raise_without_args(ts, &exc_StopAsyncIteration);
    else stop_iteration(ts, r);
    xdecref(r);
  }
  return nullptr;
}

namespace {

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

// Resumes `g` with the pending exception raised at its suspension point.
Object* throw_pending(ThreadState* ts, GeneratorObject* g) {
  Object* r;
  SendResult s = gen_send_ex(ts, g, nullptr, true, false, &r);
  if (s == SendResult::Next) return r;
  if (s == SendResult::Return) {
    if (is_async_generator(g)) raise_without_args(ts, &exc_StopAsyncIteration);
    else stop_iteration(ts, r ? r : py_none());
    xdecref(r);
  }
  return nullptr;
}

// The delegate finished while handling a throw: drop it and continue the outer
// generator after its SEND loop, with the delegate's return value or its exception.
// CPython: the `if (!ret)` branch of _gen_throw.
Object* leave_delegation(ThreadState* ts, GeneratorObject* g) {
  Frame* f = g->frame;
  decref(f->stack_base()[--f->stack_depth]);
  // The code is SEND, YIELD_VALUE, RESUME, ...: SEND jumps past the loop when done.
  int send_index = f->resume - 2;
  const CodeUnit& send = f->code->co_code[static_cast<std::size_t>(send_index)];
  f->resume = send_index + 1 + send.arg;
  if (ts->curexc && is_instance(ts->curexc, &exc_StopIteration)) {
    Object* stop = fetch_error(ts);
    Object* value = get_attr_str(ts, stop, "value");
    decref(stop);
    if (!value) return nullptr;
    Object* r = gen_send_value(ts, g, value);
    decref(value);
    return r;
  }
  return throw_pending(ts, g);
}

// close() on a delegate: generators and coroutines directly, others through .close().
Object* close_delegate(ThreadState* ts, Object* yf) {
  if (is_generator(yf) || is_coroutine(yf)) return gen_close_impl(ts, as_gen(yf));
  Object* close = get_attr_str_or_null(ts, yf, "close");
  Object* closed = close ? call_object(ts, close, nullptr, 0, nullptr) : (has_error(ts) ? nullptr : newref(py_none()));
  xdecref(close);
  return closed;
}

}  // namespace

Object* gen_delegate(GeneratorObject* g) {
  Frame* f = g->frame;
  if (!f || !f->suspended || f->stack_depth < 1) return nullptr;
  const CodeUnit& next = f->code->co_code[static_cast<std::size_t>(f->resume)];
  if (next.opcode != op::RESUME || next.arg < 2) return nullptr;
  return f->stack_base()[f->stack_depth - 1];
}

Object* gen_throw_exc(ThreadState* ts, GeneratorObject* g, Object* exc, bool close_on_genexit) {
  if (Object* yf = gen_delegate(g)) {
    incref(yf);
    Object* ret = nullptr;
    bool delegated = true;
    g->running = true;
    if (close_on_genexit && is_instance(exc, &exc_GeneratorExit)) {
      // close() the delegate, then raise GeneratorExit here (or the error close raised).
      Object* closed = close_delegate(ts, yf);
      g->running = false;
      decref(yf);
      if (!closed) {
        decref(exc);
        return throw_pending(ts, g);
      }
      decref(closed);
      delegated = false;
    } else if (is_generator(yf) || is_coroutine(yf)) {
      ret = gen_throw_exc(ts, as_gen(yf), exc, close_on_genexit);
      exc = nullptr;
    } else {
      Object* meth = get_attr_str_or_null(ts, yf, "throw");
      if (!meth && has_error(ts)) {
        g->running = false;
        decref(yf);
        decref(exc);
        return throw_pending(ts, g);
      }
      if (meth) {
        ret = call_object(ts, meth, &exc, 1, nullptr);
        decref(meth);
        decref(exc);
        exc = nullptr;
      } else {
        delegated = false;  // no throw(): raise here
      }
    }
    g->running = false;
    if (delegated) {
      decref(yf);
      return ret ? ret : leave_delegation(ts, g);
    }
    decref(yf);
  }
  raise_object(ts, exc);
  if (!g->frame && !is_coroutine(g)) return nullptr;
  return throw_pending(ts, g);
}

Object* exception_from_throw_args(ThreadState* ts, Object* const* a, std::size_t n) {
  if (n < 1 || n > 3) return raise(ts, &exc_TypeError, "throw expected at least 1 argument, got " + std::to_string(n));
  Object* typ = a[0];
  Object* val = n > 1 ? a[1] : nullptr;
  if (is_instance(typ, &type_type) && is_exception_type(static_cast<TypeObject*>(typ))) {
    if (val && is_instance(val, static_cast<TypeObject*>(typ))) return newref(val);
    if (val && val != py_none()) return call_object(ts, typ, &val, 1, nullptr);
    return call_object(ts, typ, nullptr, 0, nullptr);
  }
  if (is_instance(typ, &exc_BaseException)) {
    if (val && val != py_none()) return raise(ts, &exc_TypeError, "instance exception may not have a separate value");
    return newref(typ);
  }
  return raise(ts, &exc_TypeError, std::string("exceptions must be classes or instances deriving from BaseException, not ") +
                                       typ->ob_type->tp_name);
}

namespace {

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

}  // namespace

// close(): GeneratorExit at the suspension point; yielding again is an error.
Object* gen_close_impl(ThreadState* ts, GeneratorObject* g) {
  if (!g->frame || !g->started) {
    if (g->frame) {
      release_frame(ts, g->frame);
      g->frame = nullptr;
    }
    return newref(py_none());
  }
  // A delegate in `yield from` is closed first; an error from it replaces GeneratorExit.
  bool close_failed = false;
  if (Object* yf = gen_delegate(g)) {
    incref(yf);
    g->running = true;
    Object* closed = close_delegate(ts, yf);
    g->running = false;
    decref(yf);
    if (closed) decref(closed);
    else close_failed = true;
  }
  if (!close_failed) raise_object(ts, new_exception(ts, &exc_GeneratorExit, ""));
  Object* r;
  SendResult s = gen_send_ex(ts, g, nullptr, true, true, &r);
  if (s == SendResult::Next) {
    decref(r);
    return raise(ts, &exc_RuntimeError, std::string(gen_kind_name(g)) + " ignored GeneratorExit");
  }
  if (s == SendResult::Return) {
    xdecref(r);
    return newref(py_none());
  }
  if (ts->curexc && (is_instance(ts->curexc, &exc_GeneratorExit) || is_instance(ts->curexc, &exc_StopIteration))) {
    clear_error(ts);
    return newref(py_none());
  }
  return nullptr;
}

namespace {

Object* gen_close(ThreadState* ts, Object* self, Object* const*, std::size_t, Object*) {
  return gen_close_impl(ts, as_gen(self));
}

}  // namespace

bool gen_has_finalizer(Object* o) {
  GeneratorObject* g = as_gen(o);
  return g->frame && g->started;
}

void gen_finalize(ThreadState* ts, Object* o) {
  GeneratorObject* g = as_gen(o);
  if (!ts || !g->frame || !g->started || g->running) return;
  Object* saved = fetch_error(ts);
  Object* r = gen_close_impl(ts, g);
  if (r) decref(r);
  else clear_error(ts);  // CPython reports it as unraisable; the program continues
  ts->curexc = saved;
}

void gen_finalize_and_free(Object* o) {
  GeneratorObject* g = as_gen(o);
  if (g->frame) {
    // Finalisation runs pending finally blocks, as CPython's gen_finalize does (PEP 442).
    ThreadState* ts = g->frame->owner;
    if (ts && g->started && !g->running) {
      ++o->ob_refcnt;  // keep the object alive while close() runs
      Object* saved = fetch_error(ts);
      Object* r = gen_close_impl(ts, g);
      if (r) decref(r);
      else clear_error(ts);  // CPython reports it as unraisable; the program continues
      ts->curexc = saved;
      --o->ob_refcnt;
    }
    if (g->frame) {
      release_frame(ts, g->frame);
      g->frame = nullptr;
    }
  }
  decref(g->name);
  decref(g->qualname);
  decref(g->code);
  object_free(o);
}

void gen_traverse(Object* o, VisitProc visit, void* arg) {
  GeneratorObject* g = as_gen(o);
  visit(g->name, arg);
  visit(g->qualname, arg);
  visit(g->code, arg);
  Frame* f = g->frame;
  if (!f) return;
  if (f->func) visit(f->func, arg);
  if (f->locals) visit(f->locals, arg);
  if (f->frame_obj) visit(f->frame_obj, arg);
  int n = f->code->nlocalsplus();
  for (int i = 0; i < n; ++i)
    if (f->localsplus[i]) visit(f->localsplus[i], arg);
  // A running frame's saved stack depth may be stale; missing references only make
  // objects look reachable from outside, which is safe.
  if (g->running) return;
  Object** stack = f->stack_base();
  for (int i = 0; i < f->stack_depth; ++i)
    if (stack[i]) visit(stack[i], arg);
}

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
