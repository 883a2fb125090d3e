// Generators: next/send/throw/close with CPython 3.11's rules and messages, PEP 479
// (StopIteration inside becomes RuntimeError), and close() on finalisation.
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
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

GeneratorObject* as_gen(Object* o) { return static_cast<GeneratorObject*>(o); }

// Runs the generator until it yields or finishes. CPython: gen_send_ex2.
SendResult gen_send_ex(ThreadState* ts, GeneratorObject* g, Object* arg, bool throwing, Object** result) {
  *result = nullptr;
  if (g->running) {
    raise(ts, &exc_ValueError, "generator already executing");
    return SendResult::Error;
  }
  if (!g->frame) {
    if (throwing) return SendResult::Error;  // the pending exception propagates as is
    // A finished generator just stops again.
    return SendResult::Return;
  }
  if (!g->started && arg && arg != py_none() && !throwing) {
    raise(ts, &exc_TypeError, "can't send non-None value to a just-started generator");
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
  // PEP 479: a StopIteration escaping the generator becomes RuntimeError.
  if (ts->curexc && is_instance(ts->curexc, &exc_StopIteration)) {
    Object* cause = fetch_error(ts);
    Object* exc = new_exception(ts, &exc_RuntimeError, "generator raised StopIteration");
    set_exception_cause(exc, cause);
    set_exception_context(exc, cause);
    decref(cause);
    raise_object(ts, exc);
  }
  return SendResult::Error;
}

std::nullptr_t stop_iteration(ThreadState* ts, Object* value) {
  Object* exc = call_object(ts, &exc_StopIteration, &value, 1, nullptr);
  if (!exc) return nullptr;
  return raise_object(ts, exc);
}

Object* gen_iternext(ThreadState* ts, Object* self) {
  Object* r;
  SendResult s = gen_send_ex(ts, as_gen(self), py_none(), false, &r);
  if (s == SendResult::Next) return r;
  if (s == SendResult::Return) {
    // A return value other than None travels in StopIteration; None just ends iteration.
    if (r && r != py_none()) stop_iteration(ts, r);
    xdecref(r);
  }
  return nullptr;
}

Object* gen_send(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  if (n != 1) return raise(ts, &exc_TypeError, "generator.send() takes exactly one argument (" + std::to_string(n) + " given)");
  Object* r;
  SendResult s = gen_send_ex(ts, as_gen(self), a[0], false, &r);
  if (s == SendResult::Next) return r;
  if (s == SendResult::Return) {
    stop_iteration(ts, r ? r : py_none());
    xdecref(r);
  }
  return nullptr;
}

Object* gen_close_impl(ThreadState* ts, GeneratorObject* g);

// The sub-iterator a generator suspended in `yield from` delegates to (borrowed), or
// null. Suspended there, the next instruction is RESUME 2 (RESUME 3 after await) and the
// receiver is on top of the stack. CPython: _PyGen_yf.
Object* delegate_of(GeneratorObject* g) {
  Frame* f = g->frame;
  if (!f || !f->suspended || f->stack_depth < 1) return nullptr;
  const CodeUnit& next = f->code->co_code[static_cast<std::size_t>(f->resume)];
  if (next.opcode != op::RESUME || next.arg < 2) return nullptr;
  return f->stack_base()[f->stack_depth - 1];
}

// Resumes `g` with the pending exception raised at its suspension point.
Object* throw_pending(ThreadState* ts, GeneratorObject* g) {
  Object* r;
  SendResult s = gen_send_ex(ts, g, nullptr, true, &r);
  if (s == SendResult::Next) return r;
  if (s == SendResult::Return) {
    stop_iteration(ts, r ? r : py_none());
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
    Object* r;
    SendResult s = gen_send_ex(ts, g, value, false, &r);
    decref(value);
    if (s == SendResult::Next) return r;
    if (s == SendResult::Return) {
      stop_iteration(ts, r ? r : py_none());
      xdecref(r);
    }
    return nullptr;
  }
  return throw_pending(ts, g);
}

// Raises `exc` (a new reference) inside `g`, passing it down a `yield from` chain first.
Object* throw_into(ThreadState* ts, GeneratorObject* g, Object* exc) {
  if (Object* yf = delegate_of(g)) {
    incref(yf);
    Object* ret = nullptr;
    bool delegated = true;
    g->running = true;
    if (is_instance(exc, &exc_GeneratorExit)) {
      // close() the delegate, then raise GeneratorExit here (or the error close raised).
      Object* closed = is_generator(yf) ? gen_close_impl(ts, as_gen(yf)) : nullptr;
      if (!is_generator(yf)) {
        Object* close = get_attr_str_or_null(ts, yf, "close");
        closed = close ? call_object(ts, close, nullptr, 0, nullptr) : (has_error(ts) ? nullptr : newref(py_none()));
        xdecref(close);
      }
      g->running = false;
      decref(yf);
      if (!closed) {
        decref(exc);
        return throw_pending(ts, g);
      }
      decref(closed);
      delegated = false;
    } else if (is_generator(yf)) {
      ret = throw_into(ts, as_gen(yf), exc);
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
  if (!g->frame) return nullptr;
  return throw_pending(ts, g);
}

// throw(exc) / throw(type[, value[, tb]]). CPython: _gen_throw.
Object* gen_throw(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  if (n < 1 || n > 3) return raise(ts, &exc_TypeError, "throw expected at least 1 argument, got " + std::to_string(n));
  Object* typ = a[0];
  Object* val = n > 1 ? a[1] : nullptr;
  Object* exc;
  if (is_instance(typ, &type_type) && is_exception_type(static_cast<TypeObject*>(typ))) {
    if (val && is_instance(val, static_cast<TypeObject*>(typ))) exc = newref(val);
    else if (val && val != py_none()) exc = call_object(ts, typ, &val, 1, nullptr);
    else exc = call_object(ts, typ, nullptr, 0, nullptr);
    if (!exc) return nullptr;
  } else if (is_instance(typ, &exc_BaseException)) {
    if (val && val != py_none()) return raise(ts, &exc_TypeError, "instance exception may not have a separate value");
    exc = newref(typ);
  } else {
    return raise(ts, &exc_TypeError, std::string("exceptions must be classes or instances deriving from BaseException, not ") +
                                         typ->ob_type->tp_name);
  }
  GeneratorObject* g = as_gen(self);
  if (g->running) {
    decref(exc);
    return raise(ts, &exc_ValueError, "generator already executing");
  }
  return throw_into(ts, g, exc);
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
  if (Object* yf = delegate_of(g)) {
    incref(yf);
    g->running = true;
    Object* closed;
    if (is_generator(yf)) {
      closed = gen_close_impl(ts, as_gen(yf));
    } else {
      Object* close = get_attr_str_or_null(ts, yf, "close");
      closed = close ? call_object(ts, close, nullptr, 0, nullptr) : (has_error(ts) ? nullptr : newref(py_none()));
      xdecref(close);
    }
    g->running = false;
    decref(yf);
    if (closed) decref(closed);
    else close_failed = true;
  }
  if (!close_failed) raise_object(ts, new_exception(ts, &exc_GeneratorExit, ""));
  Object* r;
  SendResult s = gen_send_ex(ts, g, nullptr, true, &r);
  if (s == SendResult::Next) {
    decref(r);
    return raise(ts, &exc_RuntimeError, "generator ignored GeneratorExit");
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

Object* gen_close(ThreadState* ts, Object* self, Object* const*, std::size_t, Object*) {
  return gen_close_impl(ts, as_gen(self));
}

void gen_dealloc(Object* o) {
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

Object* self_iter(ThreadState*, Object* o) { return newref(o); }

Object* gen_repr(ThreadState* ts, Object* o) {
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(o));
  return new_str(ts, "<generator object " + std::string(str_view(as_gen(o)->qualname)) + " at " + addr + ">");
}

Object* gen_get_name(ThreadState*, Object* o) { return newref(as_gen(o)->name); }
Object* gen_get_qualname(ThreadState*, Object* o) { return newref(as_gen(o)->qualname); }
Object* gen_get_running(ThreadState*, Object* o) { return new_bool(as_gen(o)->running); }
Object* gen_get_code(ThreadState*, Object* o) { return newref(as_gen(o)->code); }
Object* gen_get_suspended(ThreadState*, Object* o) {
  GeneratorObject* g = as_gen(o);
  return new_bool(g->frame && g->frame->suspended);
}
const GetSetDef kGenGetSet[] = {
    {"__name__", gen_get_name, nullptr},   {"__qualname__", gen_get_qualname, nullptr},
    {"gi_running", gen_get_running, nullptr}, {"gi_code", gen_get_code, nullptr},
    {"gi_suspended", gen_get_suspended, nullptr}, {nullptr, nullptr, nullptr},
};
const MethodDef kGenMethods[] = {
    {"send", gen_send, METH_INSTANCE}, {"throw", gen_throw, METH_INSTANCE}, {"close", gen_close, METH_INSTANCE},
    {nullptr, nullptr, 0},
};

}  // namespace

TypeObject generator_type = [] {
  TypeObject t = make_static_type("generator", sizeof(GeneratorObject), &object_type);
  t.tp_dealloc = gen_dealloc;
  t.tp_iter = self_iter;
  t.tp_iternext = gen_iternext;
  t.tp_repr = gen_repr;
  t.tp_getset = kGenGetSet;
  t.tp_methods = kGenMethods;
  return t;
}();

Object* new_generator(ThreadState* ts, Frame* frame) {
  auto* g = static_cast<GeneratorObject*>(object_alloc(&generator_type, sizeof(GeneratorObject)));
  g->frame = frame;
  frame->owner = ts;
  CodeObject* code = frame->code;
  g->code = newref<Object>(code);
  FunctionObject* f = frame->func;
  g->name = f ? newref(f->name) : new_str(ts, code->co_name);
  g->qualname = f ? newref(f->qualname) : new_str(ts, code->co_qualname);
  g->running = false;
  g->started = false;
  return g;
}

SendResult iter_send(ThreadState* ts, Object* receiver, Object* value, Object** result) {
  if (is_generator(receiver)) return gen_send_ex(ts, as_gen(receiver), value, false, result);
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
