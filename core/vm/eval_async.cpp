// Slow paths of the async opcodes, outlined from the eval loop: looking up __aiter__,
// __anext__, __aenter__ and __aexit__ on the type, as CPython's special-method lookup does.
#include "vm/eval_async.hpp"

#include <string>
#include "objects/abstract.hpp"
#include "objects/async_generator.hpp"
#include "objects/coroutine.hpp"
#include "objects/descr.hpp"
#include "objects/exceptions.hpp"
#include "objects/generator.hpp"
#include "objects/typeobject.hpp"
#include "vm/eval_helpers.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

Object* get_aiter(ThreadState* ts, Object* obj) {
  Object* aiter = type_lookup_str(obj->ob_type, "__aiter__");
  if (!aiter)
    return raise(ts, &exc_TypeError, std::string("'async for' requires an object with __aiter__ method, got ") +
                                         obj->ob_type->tp_name);
  Object* it = call_unbound(ts, aiter, obj, nullptr, 0);
  if (!it) return nullptr;
  if (!type_lookup_str(it->ob_type, "__anext__")) {
    std::string name = it->ob_type->tp_name;
    decref(it);
    return raise(ts, &exc_TypeError,
                 "'async for' received an object from __aiter__ that does not implement __anext__: " + name);
  }
  return it;
}

Object* get_anext(ThreadState* ts, Object* aiter) {
  if (is_async_generator(aiter)) return async_gen_anext(ts, aiter);
  Object* anext = type_lookup_str(aiter->ob_type, "__anext__");
  if (!anext)
    return raise(ts, &exc_TypeError, std::string("'async for' requires an iterator with __anext__ method, got ") +
                                         aiter->ob_type->tp_name);
  Object* next = call_unbound(ts, anext, aiter, nullptr, 0);
  if (!next) return nullptr;
  Object* awaitable = get_awaitable_iter(ts, next);
  if (!awaitable) {
    // CPython: _PyErr_FormatFromCause, the TypeError about __await__ as the cause.
    Object* cause = fetch_error(ts);
    Object* exc = new_exception(ts, &exc_TypeError,
                                std::string("'async for' received an invalid object from __anext__: ") + next->ob_type->tp_name);
    set_exception_cause(exc, cause);
    set_exception_context(exc, cause);
    decref(cause);
    raise_object(ts, exc);
  }
  decref(next);
  return awaitable;
}

Object* before_async_with(ThreadState* ts, Object* mgr, Object** enter_result) {
  static constexpr ContextProtocol async_with{"__aenter__", "__aexit__", "asynchronous context manager protocol"};
  return enter_context(ts, mgr, async_with, enter_result);
}

}  // namespace terrarium
