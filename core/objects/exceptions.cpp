// The built-in exception types (one static type each, from the X-macro list) and the
// raise helpers. CPython: Objects/exceptions.c, Python/errors.c.
#include <cstdlib>
#include "bytecode/code.hpp"
#include "objects/abstract.hpp"
#include "objects/exceptions.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/int.hpp"
#include "objects/tuple.hpp"
#include "objects/list.hpp"
#include "objects/str.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

void exception_dealloc(Object* o) {
  auto* e = static_cast<ExceptionObject*>(o);
  xdecref(e->args);
  xdecref(e->name);
  xdecref(e->cause);
  xdecref(e->context);
  xdecref(e->notes);
  if (e->traceback) {
    for (auto& entry : *e->traceback) {
      decref(entry.code);
      xdecref(entry.globals);
    }
    delete e->traceback;
  }
  object_free(e);
}

// CPython's BaseException.__repr__: Name('msg') / Name() / Name(a, b).
Object* exception_repr(ThreadState* ts, Object* o) {
  auto* e = static_cast<ExceptionObject*>(o);
  std::string out = o->ob_type->tp_name;
  Py_ssize_t n = tuple_size(e->args);
  if (n == 1) {
    std::string item;
    if (!repr_string(ts, tuple_get(e->args, 0), item)) return nullptr;
    return new_str(ts, out + "(" + item + ")");
  }
  std::string args;
  if (!repr_string(ts, e->args, args)) return nullptr;
  return new_str(ts, out + args);
}

// CPython's BaseException.__str__: '' / str(arg) / str(args).
Object* exception_str(ThreadState* ts, Object* o) {
  auto* e = static_cast<ExceptionObject*>(o);
  Py_ssize_t n = tuple_size(e->args);
  if (n == 0) return new_str(ts, "");
  if (n == 1) return object_str(ts, tuple_get(e->args, 0));
  return object_str(ts, e->args);
}

Object* exception_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs, Object*) {
  auto* e = static_cast<ExceptionObject*>(object_alloc(type, type->tp_basicsize));
  e->traceback = nullptr;
  e->name = nullptr;
  e->cause = nullptr;
  e->context = nullptr;
  e->suppress_context = false;
  e->notes = nullptr;
  e->args = new_tuple(ts, static_cast<Py_ssize_t>(nargs));
  for (std::size_t i = 0; i < nargs; ++i) tuple_set(e->args, static_cast<Py_ssize_t>(i), newref(args[i]));
  return e;
}

int exception_init(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (kwnames && tuple_size(kwnames)) {
    raise(ts, &exc_TypeError, std::string(self->ob_type->tp_name) + "() takes no keyword arguments");
    return -1;
  }
  auto* e = static_cast<ExceptionObject*>(self);
  Object* t = new_tuple(ts, static_cast<Py_ssize_t>(nargs));
  for (std::size_t i = 0; i < nargs; ++i) tuple_set(t, static_cast<Py_ssize_t>(i), newref(args[i]));
  Object* old = e->args;
  e->args = t;
  xdecref(old);
  return 0;
}

ExceptionObject* as_exc(Object* o) { return static_cast<ExceptionObject*>(o); }
Object* or_none(Object* o) { return newref(o ? o : py_none()); }
Object* exc_get_args(ThreadState*, Object* o) { return newref(as_exc(o)->args); }
int exc_set_args(ThreadState* ts, Object* o, Object* v) {
  Object* t = call_object(ts, &tuple_type, &v, 1, nullptr);
  if (!t) return -1;
  Object* old = as_exc(o)->args;
  as_exc(o)->args = t;
  decref(old);
  return 0;
}
Object* exc_get_cause(ThreadState*, Object* o) { return or_none(as_exc(o)->cause); }
Object* exc_get_context(ThreadState*, Object* o) { return or_none(as_exc(o)->context); }
Object* exc_get_suppress(ThreadState*, Object* o) { return new_bool(as_exc(o)->suppress_context); }
Object* exc_get_traceback(ThreadState*, Object* o) { return exception_traceback(o); }
int exc_set_cause(ThreadState* ts, Object* o, Object* v) {
  if (v != py_none() && !is_instance(v, &exc_BaseException)) {
    raise(ts, &exc_TypeError, "exception cause must be None or derive from BaseException");
    return -1;
  }
  set_exception_cause(o, v == py_none() ? nullptr : v);
  return 0;
}
int exc_set_context(ThreadState* ts, Object* o, Object* v) {
  if (v != py_none() && !is_instance(v, &exc_BaseException)) {
    raise(ts, &exc_TypeError, "exception context must be None or derive from BaseException");
    return -1;
  }
  Object* old = as_exc(o)->context;
  as_exc(o)->context = v == py_none() ? nullptr : newref(v);
  xdecref(old);
  return 0;
}
int exc_set_suppress(ThreadState* ts, Object* o, Object* v) {
  int t = object_is_true(ts, v);
  if (t < 0) return -1;
  as_exc(o)->suppress_context = t;
  return 0;
}
Object* exc_get_notes(ThreadState* ts, Object* o) {
  if (!as_exc(o)->notes) return raise(ts, &exc_AttributeError, "'" + std::string(o->ob_type->tp_name) + "' object has no attribute '__notes__'");
  return newref(as_exc(o)->notes);
}
const GetSetDef kExceptionGetSet[] = {
    {"args", exc_get_args, exc_set_args},
    {"__cause__", exc_get_cause, exc_set_cause},
    {"__context__", exc_get_context, exc_set_context},
    {"__suppress_context__", exc_get_suppress, exc_set_suppress},
    {"__traceback__", exc_get_traceback, nullptr},
    {"__notes__", exc_get_notes, nullptr},
    {nullptr, nullptr, nullptr},
};

Object* exc_with_traceback(ThreadState*, Object* self, Object* const*, std::size_t, Object*) { return newref(self); }
Object* exc_add_note(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  if (n != 1 || !is_str(a[0]))
    return raise(ts, &exc_TypeError, std::string("note must be a str, not '") + (n ? a[0]->ob_type->tp_name : "nothing") + "'");
  auto* e = as_exc(self);
  if (!e->notes) e->notes = new_list(ts);
  if (!list_append(ts, e->notes, a[0])) return nullptr;
  return newref(py_none());
}
const MethodDef kExceptionMethods[] = {{"with_traceback", exc_with_traceback, METH_INSTANCE},
                                       {"add_note", exc_add_note, METH_INSTANCE},
                                       {nullptr, nullptr, 0}};

TypeObject make_exception_type(const char* name, TypeObject* base) {
  TypeObject t = make_static_type(name, sizeof(ExceptionObject), base);
  t.tp_flags = TPFLAGS_BASETYPE;
  t.tp_dealloc = exception_dealloc;
  t.tp_repr = exception_repr;
  t.tp_str = exception_str;
  t.tp_new = exception_new;
  t.tp_init = exception_init;
  if (base == &object_type) {
    t.tp_getset = kExceptionGetSet;
    t.tp_methods = kExceptionMethods;
  }
  return t;
}

// KeyError shows its key's repr: str(KeyError('a')) == "'a'". CPython: KeyError_str.
Object* key_error_str(ThreadState* ts, Object* o) {
  auto* e = static_cast<ExceptionObject*>(o);
  if (tuple_size(e->args) == 1) return object_repr(ts, tuple_get(e->args, 0));
  return exception_str(ts, o);
}

}  // namespace

TypeObject exc_BaseException = make_exception_type("BaseException", &object_type);
#define TERRARIUM_DEFINE_EXC(c_name, py_name, base) \
  TypeObject exc_##c_name = make_exception_type(py_name, &exc_##base);
TERRARIUM_EXCEPTIONS(TERRARIUM_DEFINE_EXC)
#undef TERRARIUM_DEFINE_EXC

namespace {
// str(SyntaxError): "msg (filename, line N)" when details are present. CPython: SyntaxError_str.
Object* syntax_error_str(ThreadState* ts, Object* o) {
  Object* args = static_cast<ExceptionObject*>(o)->args;
  if (tuple_size(args) == 2 && is_tuple(tuple_get(args, 1)) && tuple_size(tuple_get(args, 1)) >= 2) {
    Object* msg = object_str(ts, tuple_get(args, 0));
    if (!msg) return nullptr;
    Object* details = tuple_get(args, 1);
    std::string filename = is_str(tuple_get(details, 0)) ? std::string(str_view(tuple_get(details, 0))) : "";
    std::size_t slash = filename.rfind('/');
    if (slash != std::string::npos) filename = filename.substr(slash + 1);
    std::string out(str_view(msg));
    decref(msg);
    Object* line = tuple_get(details, 1);
    if (is_int(line)) out += " (" + filename + ", line " + std::to_string(int_value(line)) + ")";
    return new_str(ts, out);
  }
  return exception_str(ts, o);
}

Object* syntax_error_field(Object* o, int index) {
  Object* args = static_cast<ExceptionObject*>(o)->args;
  if (tuple_size(args) == 2 && is_tuple(tuple_get(args, 1)) && tuple_size(tuple_get(args, 1)) > index)
    return newref(tuple_get(tuple_get(args, 1), index));
  return newref(py_none());
}
Object* syntax_error_msg(ThreadState*, Object* o) {
  Object* args = static_cast<ExceptionObject*>(o)->args;
  return newref(tuple_size(args) ? tuple_get(args, 0) : py_none());
}
Object* syntax_error_filename(ThreadState*, Object* o) { return syntax_error_field(o, 0); }
Object* syntax_error_lineno(ThreadState*, Object* o) { return syntax_error_field(o, 1); }
Object* syntax_error_offset(ThreadState*, Object* o) { return syntax_error_field(o, 2); }
Object* syntax_error_text(ThreadState*, Object* o) { return syntax_error_field(o, 3); }
Object* syntax_error_end_lineno(ThreadState*, Object* o) { return syntax_error_field(o, 4); }
Object* syntax_error_end_offset(ThreadState*, Object* o) { return syntax_error_field(o, 5); }
const GetSetDef kSyntaxErrorGetSet[] = {{"msg", syntax_error_msg, nullptr},       {"filename", syntax_error_filename, nullptr},
                                        {"lineno", syntax_error_lineno, nullptr}, {"offset", syntax_error_offset, nullptr},
                                        {"text", syntax_error_text, nullptr},     {"end_lineno", syntax_error_end_lineno, nullptr},
                                        {"end_offset", syntax_error_end_offset, nullptr}, {nullptr, nullptr, nullptr}};

// StopIteration.value: the generator's return value (the first argument, or None).
Object* stop_iteration_value(ThreadState*, Object* o) {
  Object* args = static_cast<ExceptionObject*>(o)->args;
  return newref(tuple_size(args) ? tuple_get(args, 0) : py_none());
}
const GetSetDef kStopIterationGetSet[] = {{"value", stop_iteration_value, nullptr}, {nullptr, nullptr, nullptr}};

const bool exception_specials_ready = [] {
  exc_KeyError.tp_str = key_error_str;
  exc_StopIteration.tp_getset = kStopIterationGetSet;
  exc_SyntaxError.tp_str = syntax_error_str;
  // Every exception type gets its own exception_str above, so the subclasses need it too.
  exc_IndentationError.tp_str = syntax_error_str;
  exc_TabError.tp_str = syntax_error_str;
  exc_SyntaxError.tp_getset = kSyntaxErrorGetSet;
  return true;
}();
}  // namespace

Object* new_exception(ThreadState* ts, TypeObject* type, const std::string& message) {
  auto* e = static_cast<ExceptionObject*>(object_alloc(type, sizeof(ExceptionObject)));
  e->traceback = nullptr;
  e->name = nullptr;
  e->cause = nullptr;
  e->context = nullptr;
  e->suppress_context = false;
  e->notes = nullptr;
  // Like CPython's PyErr_SetString: one str argument, or none for a bare raise.
  if (message.empty() && type == &exc_KeyboardInterrupt) {
    e->args = new_tuple(ts, 0);
  } else {
    e->args = new_tuple(ts, 1);
    tuple_set(e->args, 0, new_str(ts, message));
  }
  return e;
}

std::nullptr_t raise_object(ThreadState* ts, Object* exc) {
  Object* old = ts->curexc;
  ts->curexc = exc;
  xdecref(old);
  return nullptr;
}

std::nullptr_t raise(ThreadState* ts, TypeObject* type, const std::string& message) {
  return raise_object(ts, new_exception(ts, type, message));
}

std::string exception_message(ThreadState* ts, Object* exc) {
  Object* s = object_str(ts, exc);
  if (!s) {
    clear_error(ts);
    return "<exception str() failed>";
  }
  std::string out(str_view(s));
  decref(s);
  return out;
}

void set_exception_context(Object* exc, Object* context) {
  auto* e = static_cast<ExceptionObject*>(exc);
  Object* old = e->context;
  e->context = context ? newref(context) : nullptr;
  xdecref(old);
}

void set_exception_cause(Object* exc, Object* cause) {
  auto* e = static_cast<ExceptionObject*>(exc);
  Object* old = e->cause;
  e->cause = cause ? newref(cause) : nullptr;
  e->suppress_context = true;
  xdecref(old);
}

void add_traceback_entry(Object* exc, CodeObject* code, int offset, Object* globals) {
  auto* e = static_cast<ExceptionObject*>(exc);
  if (!e->traceback) e->traceback = new std::vector<TracebackEntry>();
  incref(code);
  xincref(globals);
  e->traceback->push_back(TracebackEntry{code, offset, globals});
}

void copy_exception_traceback(Object* dst, Object* src) {
  auto* d = static_cast<ExceptionObject*>(dst);
  auto* s = static_cast<ExceptionObject*>(src);
  if (!s->traceback) return;
  if (!d->traceback) d->traceback = new std::vector<TracebackEntry>();
  for (const TracebackEntry& entry : *s->traceback) add_traceback_entry(dst, entry.code, entry.offset, entry.globals);
}

bool same_traceback(Object* a, Object* b) {
  auto* ta = static_cast<ExceptionObject*>(a)->traceback;
  auto* tb = static_cast<ExceptionObject*>(b)->traceback;
  std::size_t na = ta ? ta->size() : 0, nb = tb ? tb->size() : 0;
  if (na != nb) return false;
  for (std::size_t i = 0; i < na; ++i)
    if ((*ta)[i].code != (*tb)[i].code || (*ta)[i].offset != (*tb)[i].offset) return false;
  return true;
}

}  // namespace terrarium
