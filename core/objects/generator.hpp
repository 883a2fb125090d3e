// Generator objects: a function frame kept alive between YIELD_VALUEs, resumed by
// next()/send()/throw()/close(). Coroutines and async generators share this layout and
// the resume machinery, as CPython's PyCoroObject and PyAsyncGenObject share PyGenObject's.
// CPython: Objects/genobject.c.
#pragma once
#include "objects/object.hpp"

namespace terrarium {

struct Frame;

struct GeneratorObject : Object {
  Frame* frame;        // owned; null once finished
  Object* name;
  Object* qualname;
  Object* code;        // strong: gi_code stays available after the frame is gone
  bool running;
  bool started;
  // Async generators only: finished (StopAsyncIteration seen, or aclose() begun), and an
  // asend()/athrow() awaitable is part-way through. CPython: ag_closed, ag_running_async.
  bool ag_closed;
  bool ag_running_async;
};

extern TypeObject generator_type;
extern TypeObject coroutine_type;
extern TypeObject async_generator_type;

// RETURN_GENERATOR: moves `frame` (already off the frame stack) into a new generator,
// coroutine or async generator, as the code's flags say.
[[nodiscard]] Object* new_generator(ThreadState* ts, Frame* frame);
enum class SendResult { Next, Return, Error };
// CPython: PyIter_Send. Sends `value` into a generator or iterator; *result is the
// yielded value (Next) or the return value (Return).
[[nodiscard]] SendResult iter_send(ThreadState* ts, Object* receiver, Object* value, Object** result);
inline bool is_generator(Object* o) { return o->ob_type == &generator_type; }
inline bool is_coroutine(Object* o) { return o->ob_type == &coroutine_type; }
inline bool is_async_generator(Object* o) { return o->ob_type == &async_generator_type; }
// Any of the three frame-owning kinds.
inline bool is_gen_like(Object* o) { return is_generator(o) || is_coroutine(o) || is_async_generator(o); }

// The resume machinery the three kinds share (generator.cpp).
// Runs `g` until it yields or finishes; `throwing` raises the pending exception at the
// suspension point; `closing` keeps a finished coroutine silent. CPython: gen_send_ex2.
[[nodiscard]] SendResult gen_send_ex(ThreadState* ts, GeneratorObject* g, Object* arg, bool throwing, bool closing,
                                     Object** result);
// Raises `exc` (a new reference) inside `g`, passing it down an await/yield-from chain;
// with close_on_genexit a GeneratorExit closes the delegate instead. CPython: _gen_throw.
[[nodiscard]] Object* gen_throw_exc(ThreadState* ts, GeneratorObject* g, Object* exc, bool close_on_genexit);
// Builds the exception of throw(type[, value[, tb]]) (new reference) or fails.
[[nodiscard]] Object* exception_from_throw_args(ThreadState* ts, Object* const* a, std::size_t n);
[[nodiscard]] Object* gen_close_impl(ThreadState* ts, GeneratorObject* g);
// The iterator a generator suspended in `yield from`/`await` delegates to (borrowed) or
// null. CPython: _PyGen_yf.
Object* gen_delegate(GeneratorObject* g);
// send(value) as Python sees it: the yielded value, or StopIteration(return value).
[[nodiscard]] Object* gen_send_value(ThreadState* ts, GeneratorObject* g, Object* value);
// "generator", "coroutine" or "async generator", for messages.
const char* gen_kind_name(Object* g);
// Generators whose code has CO_ITERABLE_COROUTINE (types.coroutine) may be awaited.
bool is_iterable_coroutine(Object* o);
// The collector's view of a suspended frame (locals and saved stack).
void gen_traverse(Object* o, VisitProc visit, void* arg);
// gi_frame/cr_frame/ag_frame: the frame object, or None once finished.
[[nodiscard]] Object* gen_frame_object(ThreadState* ts, GeneratorObject* g);
// Raises type() with no arguments, as CPython's PyErr_SetNone (StopIteration().value is None).
std::nullptr_t raise_without_args(ThreadState* ts, TypeObject* type);
// The generator type's methods and slots, reused by the coroutine and async generator types.
Object* gen_method_send(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw);
Object* gen_method_throw(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw);
Object* gen_method_close(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw);
Object* gen_iternext_slot(ThreadState* ts, Object* self);
Object* gen_repr_slot(ThreadState* ts, Object* o);
// The collector's finalizer for a generator in unreachable garbage: close() a suspended
// frame so its finally blocks run and the cycle through its locals breaks (PEP 442).
// CPython: _PyGen_Finalize.
bool gen_has_finalizer(Object* o);
void gen_finalize(ThreadState* ts, Object* o);
// Common finalisation: closes a started frame (PEP 442), then frees the fields.
void gen_finalize_and_free(Object* o);

}  // namespace terrarium
