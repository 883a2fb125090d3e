// sys.excepthook / sys.__excepthook__: print an exception's traceback report to
// sys.stderr in CPython's format (vm/traceback.cpp builds the text). threading's
// excepthook and concurrent.futures' error reports reuse it from Python.
// CPython: Python/sysmodule.c sys_excepthook_impl, Python/pythonrun.c _PyErr_Display.
#include <string>
#include "objects/abstract.hpp"
#include "objects/exceptions.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "vm/interpreter_state.hpp"
#include "vm/thread_state.hpp"
#include "vm/traceback.hpp"

namespace terrarium {

namespace {
// Writes through sys.stderr's own write() so a replaced sys.stderr receives the text.
[[nodiscard]] bool write_stderr(ThreadState* ts, const std::string& text) {
  Object* stream = get_attr_str_or_null(ts, ts->interp->sys_module, "stderr");
  if (!stream) return !has_error(ts);  // no sys.stderr: CPython drops the report too
  Object* write = get_attr_str_or_null(ts, stream, "write");
  decref(stream);
  if (!write) return !has_error(ts);
  Object* arg = new_str(ts, text);
  Object* res = arg ? call_object(ts, write, &arg, 1, nullptr) : nullptr;
  decref(write);
  if (arg) decref(arg);
  if (!res) return false;
  decref(res);
  return true;
}
}  // namespace

// The traceback argument is not consulted: the report follows value.__traceback__,
// which is what it holds whenever the hook is called with sys.exc_info().
Object* sys_excepthook(ThreadState* ts, Object*, Object* const* a, std::size_t n, Object* kw) {
  if (kw) return raise(ts, &exc_TypeError, "excepthook() takes no keyword arguments");
  if (n != 3) return raise(ts, &exc_TypeError, "excepthook expected 3 arguments, got " + std::to_string(n));
  std::string text;
  if (is_exception_type(a[1]->ob_type)) {
    text = format_exception(ts, a[1]);
  } else {
    text = std::string("TypeError: print_exception(): Exception expected for value, ") + a[1]->ob_type->tp_name +
           " found\n";
  }
  if (!write_stderr(ts, text)) return nullptr;
  return newref(py_none());
}

}  // namespace terrarium
