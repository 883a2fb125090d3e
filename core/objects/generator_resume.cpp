// The resume machinery generators, coroutines and async generators share: running the
// frame to its next yield (gen_send_ex), throw() down an await/yield-from chain, close(),
// PEP 479, and finalisation (close() of a suspended frame, PEP 442).
// CPython: Objects/genobject.c gen_send_ex2, _gen_throw, gen_close, _PyGen_Finalize.
#include "objects/generator.hpp"

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


}  // namespace terrarium
