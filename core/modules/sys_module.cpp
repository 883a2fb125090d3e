// The sys module: interpreter facts (version, limits, platform), sys.modules/path/argv,
// the standard streams (text streams writing to the host's output sink) and the
// recursion limit. CPython: Python/sysmodule.c.
#include <string>
#include "modules/builtins_registry.hpp"
#include "modules/module_registry.hpp"
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/int.hpp"
#include "objects/list.hpp"
#include "objects/module.hpp"
#include "objects/exceptions.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "vm/import.hpp"
#include "vm/gil.hpp"
#include "vm/interpreter_state.hpp"

namespace terrarium {

struct StdStreamObject : Object {
  int fd;  // 1 stdout, 2 stderr
};
extern TypeObject std_stream_type;

Object* sys_getframe(ThreadState* ts, Object*, Object* const* a, std::size_t n, Object* kw);  // sys_getframe.cpp
Object* sys_excepthook(ThreadState* ts, Object*, Object* const* a, std::size_t n, Object* kw);  // sys_excepthook.cpp

namespace {

Object* stream_write(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  if (n != 1) return raise(ts, &exc_TypeError, "write() takes exactly one argument (" + std::to_string(n) + " given)");
  if (!is_str(a[0]))
    return raise(ts, &exc_TypeError, std::string("write() argument must be str, not ") + a[0]->ob_type->tp_name);
  ts->interp->out->write(static_cast<StdStreamObject*>(self)->fd, str_view(a[0]));
  return new_int(ts, static_cast<StrObject*>(a[0])->length);
}
Object* stream_flush(ThreadState*, Object*, Object* const*, std::size_t, Object*) { return newref(py_none()); }
Object* stream_isatty(ThreadState*, Object*, Object* const*, std::size_t, Object*) { return new_bool(false); }
Object* stream_encoding(ThreadState* ts, Object*) { return new_str(ts, "utf-8"); }
Object* stream_name(ThreadState* ts, Object* self) {
  return new_str(ts, static_cast<StdStreamObject*>(self)->fd == 1 ? "<stdout>" : "<stderr>");
}
const MethodDef kStreamMethods[] = {{"write", stream_write, METH_INSTANCE},
                                   {"flush", stream_flush, METH_INSTANCE},
                                   {"isatty", stream_isatty, METH_INSTANCE},
                                   {nullptr, nullptr, 0}};
const GetSetDef kStreamGetSet[] = {{"encoding", stream_encoding, nullptr}, {"name", stream_name, nullptr},
                                   {nullptr, nullptr, nullptr}};

Object* new_stream(int fd) {
  auto* s = static_cast<StdStreamObject*>(object_alloc(&std_stream_type, sizeof(StdStreamObject)));
  s->fd = fd;
  return s;
}

Object* sys_getrecursionlimit(ThreadState* ts, Object*, Object* const*, std::size_t, Object*) {
  return new_int(ts, ts->recursion_limit);
}

Object* sys_setrecursionlimit(ThreadState* ts, Object*, Object* const* a, std::size_t n, Object*) {
  if (n != 1) return raise(ts, &exc_TypeError, "setrecursionlimit() takes exactly one argument (" + std::to_string(n) + " given)");
  if (!is_int(a[0])) return raise(ts, &exc_TypeError, "'" + std::string(a[0]->ob_type->tp_name) + "' object cannot be interpreted as an integer");
  std::int64_t limit = int_value(a[0]);
  if (limit < 1) return raise(ts, &exc_ValueError, "recursion limit must be greater or equal than 1");
  int depth = ts->recursion_limit - ts->recursion_remaining;
  if (limit <= depth)
    return raise(ts, &exc_RecursionError, "cannot set the recursion limit to " + std::to_string(limit) +
                                              " at the recursion depth " + std::to_string(depth) + ": the limit is too low");
  ts->recursion_remaining += static_cast<int>(limit) - ts->recursion_limit;
  ts->recursion_limit = static_cast<int>(limit);
  return newref(py_none());
}

// sys.setswitchinterval(interval): how long a thread waits for the GIL before asking
// the holder to let go (vm/gil.hpp); kept in whole microseconds as CPython does.
Object* sys_setswitchinterval(ThreadState* ts, Object*, Object* const* a, std::size_t n, Object* kw) {
  if (kw && tuple_size(kw) > 0) return raise(ts, &exc_TypeError, "setswitchinterval() takes no keyword arguments");
  if (n != 1) return raise(ts, &exc_TypeError, "setswitchinterval() takes exactly one argument (" + std::to_string(n) + " given)");
  double interval;
  if (!float_as_double(ts, a[0], interval)) return nullptr;
  if (interval <= 0.0) return raise(ts, &exc_ValueError, "switch interval must be strictly positive");
  ts->runtime->interval_us.store(static_cast<long>(1e6 * interval));
  return newref(py_none());
}

Object* sys_getswitchinterval(ThreadState* ts, Object*, Object* const*, std::size_t n, Object* kw) {
  if (n || (kw && tuple_size(kw) > 0))
    return raise(ts, &exc_TypeError, "getswitchinterval() takes no arguments (" + std::to_string(n) + " given)");
  return new_float(ts, static_cast<double>(ts->runtime->interval_us.load()) / 1e6);
}

// sys._getframemodulename(depth=0): __name__ of the module whose code runs `depth` calls up
// the stack, or None. Terrarium has no frame objects; this is what typing.NewType,
// TypeVar and NamedTuple need for __module__ (CPython 3.12 added the same function).
Object* sys_getframemodulename(ThreadState* ts, Object*, Object* const* a, std::size_t n, Object* kw) {
  if (kw || n > 1) return raise(ts, &exc_TypeError, "_getframemodulename() takes at most 1 positional argument");
  std::int64_t depth = 0;
  if (n == 1) {
    if (!is_int(a[0])) return raise(ts, &exc_TypeError, "'" + std::string(a[0]->ob_type->tp_name) + "' object cannot be interpreted as an integer");
    depth = int_value(a[0]);
  }
  Frame* f = ts->frame;
  for (; f && depth > 0; --depth) f = f->previous;
  if (!f || !f->globals) return newref(py_none());
  Object* key = new_str(ts, "__name__");
  Object* name = dict_get_str(f->globals, key);
  decref(key);
  return newref(name ? name : py_none());
}

Object* sys_getrefcount(ThreadState* ts, Object*, Object* const* a, std::size_t n, Object*) {
  if (n != 1) return raise(ts, &exc_TypeError, "getrefcount() takes exactly one argument (" + std::to_string(n) + " given)");
  return new_int(ts, a[0]->ob_refcnt);
}

Object* sys_exc_info(ThreadState* ts, Object*, Object* const*, std::size_t, Object*) {
  Object* exc = ts->handled.empty() ? py_none() : ts->handled.back();
  Object* t = new_tuple(ts, 3);
  tuple_set(t, 0, newref(exc == py_none() ? py_none() : reinterpret_cast<Object*>(exc->ob_type)));
  tuple_set(t, 1, newref(exc));
  tuple_set(t, 2, exc == py_none() ? newref(py_none()) : exception_traceback(exc));
  return t;
}

Object* sys_exception(ThreadState* ts, Object*, Object* const*, std::size_t, Object*) {
  return newref(ts->handled.empty() ? py_none() : ts->handled.back());
}

Object* sys_intern(ThreadState* ts, Object*, Object* const* a, std::size_t n, Object*) {
  if (n != 1)
    return raise(ts, &exc_TypeError, "sys.intern() takes exactly one argument (" + std::to_string(n) + " given)");
  if (!is_str(a[0]))
    return raise(ts, &exc_TypeError, std::string("intern() argument must be str, not ") + a[0]->ob_type->tp_name);
  if (!is_exact_str(a[0])) return raise(ts, &exc_TypeError, std::string("can't intern ") + a[0]->ob_type->tp_name);
  return intern_str(ts, newref(a[0]));
}

Object* sys_get_int_max_str_digits(ThreadState* ts, Object*, Object* const*, std::size_t n, Object*) {
  if (n != 0) return raise(ts, &exc_TypeError, "get_int_max_str_digits() takes no arguments (" + std::to_string(n) + " given)");
  return new_int(ts, static_cast<std::int64_t>(ts->interp->int_max_str_digits));
}

// CPython's bounds: 0 (no limit) or at least 640, the threshold below which conversions
// are cheap enough not to check.
Object* sys_set_int_max_str_digits(ThreadState* ts, Object*, Object* const* a, std::size_t n, Object* kwnames) {
  std::size_t nkw = kwnames ? static_cast<std::size_t>(tuple_size(kwnames)) : 0;
  if (nkw == 1 && str_view(tuple_get(kwnames, 0)) != "maxdigits")
    return raise(ts, &exc_TypeError, "set_int_max_str_digits() got an unexpected keyword argument '" +
                                         std::string(str_view(tuple_get(kwnames, 0))) + "'");
  if (n + nkw != 1)
    return raise(ts, &exc_TypeError, n + nkw == 0 ? "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)"
                                                  : "set_int_max_str_digits() takes at most 1 argument (" +
                                                        std::to_string(n + nkw) + " given)");
  if (!is_int(a[0])) return raise(ts, &exc_TypeError, "'" + std::string(a[0]->ob_type->tp_name) + "' object cannot be interpreted as an integer");
  std::int64_t limit = int_value(a[0]);
  if (limit != 0 && limit < 640) return raise(ts, &exc_ValueError, "maxdigits must be 0 or larger than 640");
  ts->interp->int_max_str_digits = static_cast<std::size_t>(limit);
  return newref(py_none());
}

// The struct sequences (float_info, int_info, version_info, ...) live in the embedded
// _sysinfo module, imported the first time one of them is read (PEP 562).
Object* sys_getattr(ThreadState* ts, Object*, Object* const* a, std::size_t n, Object*) {
  if (n != 1 || !is_str(a[0])) return raise(ts, &exc_TypeError, "__getattr__ expects a name");
  Object* info = import_module(ts, "_sysinfo");
  if (!info) return nullptr;
  Object* value = get_attr_str_or_null(ts, info, std::string(str_view(a[0])).c_str());
  decref(info);
  if (!value && !error_occurred(ts))
    raise(ts, &exc_AttributeError, "module 'sys' has no attribute '" + std::string(str_view(a[0])) + "'");
  if (value && !dict_set_item(ts, module_dict(ts->interp->sys_module), a[0], value)) {
    decref(value);
    return nullptr;
  }
  return value;
}

Object* sys_exit(ThreadState* ts, Object*, Object* const* a, std::size_t n, Object*) {
  Object* exc = call_object(ts, &exc_SystemExit, a, n, nullptr);
  if (!exc) return nullptr;
  return raise_object(ts, exc);
}

}  // namespace

bool is_std_stream(Object* o) { return o->ob_type == &std_stream_type; }
int std_stream_fd(Object* o) { return static_cast<StdStreamObject*>(o)->fd; }

TypeObject std_stream_type = [] {
  TypeObject t = make_static_type("_io.TextIOWrapper", sizeof(StdStreamObject), &object_type);
  t.tp_methods = kStreamMethods;
  t.tp_getset = kStreamGetSet;
  return t;
}();

Object* init_sys_module(ThreadState* ts) {
  InterpreterState* interp = ts->interp;
  if (interp->sys_module) return newref(interp->sys_module);
  Object* m = new_module(ts, "sys");
  if (!m) return nullptr;
  Object* d = module_dict(m);
  bool ok = true;
  auto add = [&](const char* name, Object* value) { ok = ok && add_builtin_object(ts, d, name, value); };
  add("modules", newref(interp->modules));
  add("path", new_list(ts));
  add("argv", new_list(ts));
  add("version", new_str(ts, "3.11.7 (terrarium 0.1.0)"));
  add("hexversion", new_int(ts, 0x030B07F0));
  add("maxsize", new_int(ts, INT64_MAX));
  add("byteorder", new_str(ts, "little"));
#ifdef __EMSCRIPTEN__
  add("platform", new_str(ts, "emscripten"));
#else
  add("platform", new_str(ts, "linux"));
#endif
  add("stdout", new_stream(1));
  add("stderr", new_stream(2));
  add("__stdout__", new_stream(1));
  add("__stderr__", new_stream(2));
  struct Fn { const char* name; CallFunc impl; };
  static const Fn kFunctions[] = {
      {"getrecursionlimit", sys_getrecursionlimit}, {"setrecursionlimit", sys_setrecursionlimit},
      {"getrefcount", sys_getrefcount}, {"exc_info", sys_exc_info}, {"exception", sys_exception},
      {"intern", sys_intern}, {"exit", sys_exit}, {"get_int_max_str_digits", sys_get_int_max_str_digits},
      {"set_int_max_str_digits", sys_set_int_max_str_digits}, {"__getattr__", sys_getattr},
      {"_getframemodulename", sys_getframemodulename}, {"_getframe", sys_getframe},
      {"excepthook", sys_excepthook}, {"__excepthook__", sys_excepthook},
      {"setswitchinterval", sys_setswitchinterval}, {"getswitchinterval", sys_getswitchinterval},
  };
  for (const Fn& f : kFunctions) ok = ok && add_builtin_function(ts, d, f.name, f.impl);
  if (!ok) {
    decref(m);
    return nullptr;
  }
  interp->sys_module = newref(m);
  return m;
}

}  // namespace terrarium
