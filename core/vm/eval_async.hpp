// Slow paths of the async opcodes: `async for` (GET_AITER, GET_ANEXT) and `async with`
// (BEFORE_ASYNC_WITH), with CPython 3.11's messages. CPython: Python/ceval.c.
#pragma once
#include "objects/object.hpp"

namespace terrarium {

// GET_AITER: obj.__aiter__(), checked to have __anext__.
[[nodiscard]] Object* get_aiter(ThreadState* ts, Object* obj);
// GET_ANEXT: the awaitable of aiter.__anext__().
[[nodiscard]] Object* get_anext(ThreadState* ts, Object* aiter);
// BEFORE_ASYNC_WITH: returns the bound __aexit__ and sets *enter_result to __aenter__().
[[nodiscard]] Object* before_async_with(ThreadState* ts, Object* mgr, Object** enter_result);

}  // namespace terrarium
