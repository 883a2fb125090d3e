// Generator objects: a function frame kept alive between YIELD_VALUEs, resumed by
// next()/send()/throw()/close(). CPython: Objects/genobject.c.
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
};

extern TypeObject generator_type;

// RETURN_GENERATOR: moves `frame` (already off the frame stack) into a new generator.
[[nodiscard]] Object* new_generator(ThreadState* ts, Frame* frame);
enum class SendResult { Next, Return, Error };
// CPython: PyIter_Send. Sends `value` into a generator or iterator; *result is the
// yielded value (Next) or the return value (Return).
[[nodiscard]] SendResult iter_send(ThreadState* ts, Object* receiver, Object* value, Object** result);
inline bool is_generator(Object* o) { return o->ob_type == &generator_type; }

}  // namespace terrarium
