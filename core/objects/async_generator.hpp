// Async generators (`async def` with `yield`): asend()/athrow()/aclose() return
// awaitables that resume the generator; a value it yields travels out wrapped (see
// ASYNC_GEN_WRAP) so the awaitable can tell it from values its awaits pass through.
// CPython: Objects/genobject.c (PyAsyncGen_Type and its helpers).
#pragma once
#include "objects/object.hpp"

namespace terrarium {

// ASYNC_GEN_WRAP: marks `value` (borrowed) as yielded by the async generator itself.
[[nodiscard]] Object* new_async_gen_wrapped_value(ThreadState* ts, Object* value);
// __anext__() of an async generator: its asend(None) awaitable. CPython: async_gen_anext.
[[nodiscard]] Object* async_gen_anext(ThreadState* ts, Object* gen);

}  // namespace terrarium
