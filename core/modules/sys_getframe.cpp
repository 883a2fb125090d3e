// sys._getframe(depth=0): the frame object `depth` calls up from the caller.
// CPython: Python/sysmodule.c sys__getframe_impl.
#include <string>
#include "objects/abstract.hpp"
#include "objects/exceptions.hpp"
#include "objects/int.hpp"
#include "vm/frame.hpp"
#include "vm/frame_object.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

Object* sys_getframe(ThreadState* ts, Object*, Object* const* a, std::size_t n, Object* kw) {
  if (kw) return raise(ts, &exc_TypeError, "_getframe() takes no keyword arguments");
  if (n > 1) return raise(ts, &exc_TypeError, "_getframe expected at most 1 argument, got " + std::to_string(n));
  std::int64_t depth = 0;
  if (n == 1) {
    if (!is_int(a[0]))
      return raise(ts, &exc_TypeError, "'" + std::string(a[0]->ob_type->tp_name) + "' object cannot be interpreted as an integer");
    depth = int_value(a[0]);
  }
  Frame* f = ts->frame;
  for (; f && depth > 0; --depth) f = f->previous;
  if (!f) return raise(ts, &exc_ValueError, "call stack is not deep enough");
  Object* fo = frame_object_for(ts, f);
  return fo ? newref(fo) : nullptr;
}

}  // namespace terrarium
