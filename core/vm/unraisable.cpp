#include "vm/unraisable.hpp"

#include "objects/abstract.hpp"
#include "vm/interpreter_state.hpp"
#include "vm/traceback.hpp"

namespace terrarium {

void write_unraisable(ThreadState* ts, Object* where) { write_unraisable_msg(ts, "in", where); }

void write_unraisable_msg(ThreadState* ts, const char* msg, Object* where) {
  Object* exc = fetch_error(ts);
  if (!exc) return;
  std::string text = std::string("Exception ignored ") + msg + ": ";
  std::string where_repr;
  if (where && repr_string(ts, where, where_repr)) {
    text += where_repr;
  } else {
    clear_error(ts);
    text += "<object repr() failed>";
  }
  text += "\n" + format_exception(ts, exc);
  decref(exc);
  if (ts->interp && ts->interp->out) ts->interp->out->write(2, text);
}

}  // namespace terrarium
