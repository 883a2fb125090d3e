// Built-in functions. Each follows CPython's argument rules and error messages.
#include "modules/builtins.hpp"

#include <string>
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/function.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "vm/interpreter_state.hpp"

namespace terrarium {

namespace {

std::nullptr_t no_keywords(ThreadState* ts, const char* fn) {
  return raise(ts, &exc_TypeError, std::string(fn) + "() takes no keyword arguments");
}

// print(*objects, sep=' ', end='\n', file=None, flush=False)
Object* builtin_print(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  std::string_view sep = " ", end = "\n";
  Py_ssize_t nkw = kwnames ? tuple_size(kwnames) : 0;
  for (Py_ssize_t i = 0; i < nkw; ++i) {
    std::string_view key = str_view(tuple_get(kwnames, i));
    Object* value = args[nargs + i];
    if (key == "sep" || key == "end") {
      if (value != py_none() && !is_str(value))
        return raise(ts, &exc_TypeError,
                     std::string(key) + " must be None or a string, not " + value->ob_type->tp_name);
      if (value != py_none()) (key == "sep" ? sep : end) = str_view(value);
    } else if (key == "flush") {
      // Output is handed to the sink as soon as print returns, so flushing is implied.
    } else if (key == "file") {
      if (value != py_none())
        return raise(ts, &exc_NotImplementedError, "print(file=...) is not supported yet");
    } else {
      return raise(ts, &exc_TypeError, "'" + std::string(key) + "' is an invalid keyword argument for print()");
    }
  }
  std::string out;
  for (std::size_t i = 0; i < nargs; ++i) {
    if (i > 0) out += sep;
    Object* s = object_str(ts, args[i]);
    if (!s) return nullptr;
    out += str_view(s);
    decref(s);
  }
  out += end;
  ts->interp->out->write(1, out);
  return newref(py_none());
}

Object* builtin_repr(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (kwnames) return no_keywords(ts, "repr");
  if (nargs != 1)
    return raise(ts, &exc_TypeError, "repr() takes exactly one argument (" + std::to_string(nargs) + " given)");
  return object_repr(ts, args[0]);
}

}  // namespace

Object* make_builtins(ThreadState* ts) {
  Object* d = new_dict(ts);
  struct Entry { const char* name; CallFunc fn; };
  static const Entry kFunctions[] = {{"print", builtin_print}, {"repr", builtin_repr}};
  for (const Entry& e : kFunctions) {
    Object* key = new_str(ts, e.name);
    Object* fn = new_builtin_function(ts, e.name, e.fn);
    bool ok = dict_set_item(ts, d, key, fn);
    decref(key);
    decref(fn);
    if (!ok) {
      decref(d);
      return nullptr;
    }
  }
  return d;
}

}  // namespace terrarium
