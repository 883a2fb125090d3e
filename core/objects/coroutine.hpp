// Coroutines (`async def`), their __await__ wrapper, and the await protocol the eval
// loop uses: what may follow `await`, and the warning for a coroutine never awaited.
// CPython: Objects/genobject.c (PyCoro_Type, _PyCoro_GetAwaitableIter).
#pragma once
#include "objects/object.hpp"

namespace terrarium {

extern TypeObject coroutine_wrapper_type;

// CPython: _PyCoro_GetAwaitableIter. The iterator `await o` drives: a coroutine (or a
// types.coroutine generator) itself, else what o.__await__() returns. TypeError otherwise.
[[nodiscard]] Object* get_awaitable_iter(ThreadState* ts, Object* o);
// GET_AWAITABLE: get_awaitable_iter with the `async with` wording for where = 1
// (__aenter__) or 2 (__aexit__), and "coroutine is being awaited already".
[[nodiscard]] Object* get_awaitable(ThreadState* ts, Object* o, int where);

}  // namespace terrarium
