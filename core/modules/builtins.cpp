// Built-in functions. Each follows CPython's argument rules and error messages.
#include "modules/builtins.hpp"

#include <string>
#include "objects/abstract.hpp"
#include "objects/bytes.hpp"
#include "objects/descr.hpp"
#include "objects/dict.hpp"
#include "objects/exception_group.hpp"
#include "objects/exceptions.hpp"
#include "objects/function.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "objects/unicode_errors.hpp"
#include "objects/function.hpp"
#include "objects/int.hpp"
#include "objects/list.hpp"
#include "objects/slice.hpp"
#include "objects/typeobject.hpp"
#include "objects/float.hpp"
#include "modules/builtins_itertypes.hpp"
#include "modules/builtins_registry.hpp"
#include "objects/module.hpp"
#include "objects/slots.hpp"
#include "vm/call.hpp"
#include "vm/eval.hpp"
#include "vm/interpreter_state.hpp"
#include <vector>

namespace terrarium {
extern TypeObject range_type;
extern TypeObject super_type;
}

namespace terrarium {

namespace {

std::nullptr_t no_keywords(ThreadState* ts, const char* fn) {
  return raise(ts, &exc_TypeError, std::string(fn) + "() takes no keyword arguments");
}

// print(*objects, sep=' ', end='\n', file=None, flush=False). Writes go to sys.stdout (or
// `file`) through its write() method, piece by piece as CPython does; the interpreter's own
// streams take a direct path to the output sink.
Object* builtin_print(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  std::string_view sep = " ", end = "\n";
  Object* file = nullptr;
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
      // Output reaches the sink as soon as it is written, so flushing is implied.
    } else if (key == "file") {
      if (value != py_none()) file = value;
    } else {
      return raise(ts, &exc_TypeError, "'" + std::string(key) + "' is an invalid keyword argument for print()");
    }
  }
  if (!file) {
    Object* sys = ts->interp->sys_module;
    Object* key = new_str(ts, "stdout");
    file = sys ? dict_get_str(module_dict(sys), key) : nullptr;
    decref(key);
    if (!file || file == py_none()) return newref(py_none());  // CPython: print is a no-op without stdout
  }
  incref(file);
  bool direct = is_std_stream(file);
  std::string out;
  bool ok = true;
  auto emit = [&](std::string_view piece) {
    if (direct) {
      out.append(piece);
      return true;
    }
    Object* s = new_str(ts, piece);
    Object* r = call_dunder(ts, file, "write", &s, 1);
    decref(s);
    if (!r) return false;
    decref(r);
    return true;
  };
  for (std::size_t i = 0; i < nargs && ok; ++i) {
    if (i > 0) ok = emit(sep);
    Object* s = ok ? object_str(ts, args[i]) : nullptr;
    if (!s) {
      ok = false;
      break;
    }
    ok = emit(str_view(s));
    decref(s);
  }
  if (ok) ok = emit(end);
  if (ok && direct) ts->interp->out->write(std_stream_fd(file), out);
  decref(file);
  if (!ok) return nullptr;
  return newref(py_none());
}

Object* builtin_repr(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (kwnames) return no_keywords(ts, "repr");
  if (nargs != 1)
    return raise(ts, &exc_TypeError, "repr() takes exactly one argument (" + std::to_string(nargs) + " given)");
  return object_repr(ts, args[0]);
}

std::nullptr_t exact_args(ThreadState* ts, const char* fn, std::size_t expected, std::size_t got) {
  return raise(ts, &exc_TypeError, std::string(fn) + "() takes exactly " + std::to_string(expected) + " argument" +
                                       (expected == 1 ? "" : "s") + " (" + std::to_string(got) + " given)");
}

Object* builtin_len(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (kwnames) return no_keywords(ts, "len");
  if (nargs != 1) return exact_args(ts, "len", 1, nargs);
  Py_ssize_t n = object_length(ts, args[0]);
  if (n < 0) return nullptr;
  return new_int(ts, n);
}

// A metaclass (or any class of `cls`, such as types.UnionType) written in Python may
// override isinstance/issubclass through __instancecheck__/__subclasscheck__ (abc.ABCMeta
// does). Returns -2 when there is no such hook, else the hook's truth (or -1 on error).
// CPython: object_isinstance's _PyObject_LookupSpecial(cls, &_Py_ID(__instancecheck__)).
int metaclass_hook(ThreadState* ts, Object* cls, const char* hook, Object* arg) {
  TypeObject* meta = cls->ob_type;
  if (!(meta->tp_flags & TPFLAGS_HEAPTYPE)) return -2;
  Object* func = type_lookup_str(meta, hook);
  if (!func) return -2;
  Object* call_args[2] = {cls, arg};
  Object* r = call_object(ts, func, call_args, 2, nullptr);
  if (!r) return -1;
  int truth = object_is_true(ts, r);
  decref(r);
  return truth;
}

// Tuples are searched lazily, so isinstance(1, (int, 5)) is True as in CPython; the
// "arg 2" TypeError comes only for an item that is reached and is neither a class nor hooked.
int instance_check(ThreadState* ts, Object* obj, Object* cls) {
  if (reinterpret_cast<Object*>(obj->ob_type) == cls) return 1;
  if (is_tuple(cls)) {
    for (Py_ssize_t i = 0; i < tuple_size(cls); ++i) {
      int r = instance_check(ts, obj, tuple_get(cls, i));
      if (r != 0) return r;
    }
    return 0;
  }
  int hooked = metaclass_hook(ts, cls, "__instancecheck__", obj);
  if (hooked != -2) return hooked;
  if (!is_instance(cls, &type_type)) {
    raise(ts, &exc_TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    return -1;
  }
  return is_instance(obj, static_cast<TypeObject*>(cls)) ? 1 : 0;
}

Object* builtin_isinstance(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (kwnames) return no_keywords(ts, "isinstance");
  if (nargs != 2) return raise(ts, &exc_TypeError, "isinstance expected 2 arguments, got " + std::to_string(nargs));
  int r = instance_check(ts, args[0], args[1]);
  return r < 0 ? nullptr : new_bool(r);
}

int subclass_check(ThreadState* ts, Object* sub, Object* cls) {
  if (is_tuple(cls)) {
    for (Py_ssize_t i = 0; i < tuple_size(cls); ++i) {
      int r = subclass_check(ts, sub, tuple_get(cls, i));
      if (r != 0) return r;
    }
    return 0;
  }
  int hooked = metaclass_hook(ts, cls, "__subclasscheck__", sub);
  if (hooked != -2) return hooked;
  if (!is_instance(sub, &type_type)) {
    raise(ts, &exc_TypeError, "issubclass() arg 1 must be a class");
    return -1;
  }
  if (!is_instance(cls, &type_type)) {
    raise(ts, &exc_TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
    return -1;
  }
  return is_subtype(static_cast<TypeObject*>(sub), static_cast<TypeObject*>(cls)) ? 1 : 0;
}

Object* builtin_issubclass(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (kwnames) return no_keywords(ts, "issubclass");
  if (nargs != 2) return raise(ts, &exc_TypeError, "issubclass expected 2 arguments, got " + std::to_string(nargs));
  int r = subclass_check(ts, args[0], args[1]);
  return r < 0 ? nullptr : new_bool(r);
}

Object* builtin_callable(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object*) {
  if (nargs != 1) return exact_args(ts, "callable", 1, nargs);
  return new_bool(args[0]->ob_type->tp_call != nullptr);
}

Object* builtin_getattr(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object*) {
  if (nargs < 2 || nargs > 3) return raise(ts, &exc_TypeError, "getattr expected at least 2 arguments, got " + std::to_string(nargs));
  if (!is_str(args[1]))
    return raise(ts, &exc_TypeError, std::string("attribute name must be string, not '") + args[1]->ob_type->tp_name + "'");
  Object* r = get_attr(ts, args[0], args[1]);
  if (!r && nargs == 3 && is_instance(ts->curexc, &exc_AttributeError)) {
    clear_error(ts);
    return newref(args[2]);
  }
  return r;
}

Object* builtin_setattr(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object*) {
  if (nargs != 3) return raise(ts, &exc_TypeError, "setattr expected 3 arguments, got " + std::to_string(nargs));
  if (!is_str(args[1]))
    return raise(ts, &exc_TypeError, std::string("attribute name must be string, not '") + args[1]->ob_type->tp_name + "'");
  if (set_attr(ts, args[0], args[1], args[2]) < 0) return nullptr;
  return newref(py_none());
}

Object* builtin_delattr(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object*) {
  if (nargs != 2) return raise(ts, &exc_TypeError, "delattr expected 2 arguments, got " + std::to_string(nargs));
  if (set_attr(ts, args[0], args[1], nullptr) < 0) return nullptr;
  return newref(py_none());
}

Object* builtin_hasattr(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object*) {
  if (nargs != 2) return raise(ts, &exc_TypeError, "hasattr expected 2 arguments, got " + std::to_string(nargs));
  if (!is_str(args[1]))
    return raise(ts, &exc_TypeError, std::string("attribute name must be string, not '") + args[1]->ob_type->tp_name + "'");
  Object* r = get_attr(ts, args[0], args[1]);
  if (r) {
    decref(r);
    return new_bool(true);
  }
  if (is_instance(ts->curexc, &exc_AttributeError)) {
    clear_error(ts);
    return new_bool(false);
  }
  return nullptr;
}

Object* builtin_id(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object*) {
  if (nargs != 1) return exact_args(ts, "id", 1, nargs);
  return new_int(ts, static_cast<std::int64_t>(reinterpret_cast<std::intptr_t>(args[0])));
}

Object* builtin_hash(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object*) {
  if (nargs != 1) return exact_args(ts, "hash", 1, nargs);
  Py_hash_t h = object_hash(ts, args[0]);
  if (h == -1) return nullptr;
  return new_int(ts, h);
}

Object* builtin_abs(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object*) {
  if (nargs != 1) return exact_args(ts, "abs", 1, nargs);
  // CPython: PyNumber_Absolute() calls the type's __abs__ (abs(3+4j) is 5.0, not a sign flip).
  Object* f = type_lookup_str(args[0]->ob_type, "__abs__");
  if (!f) return raise(ts, &exc_TypeError, std::string("bad operand type for abs(): '") + args[0]->ob_type->tp_name + "'");
  return call_unbound(ts, f, args[0], nullptr, 0);
}

Object* builtin_iter(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object*) {
  if (nargs < 1) return raise(ts, &exc_TypeError, "iter expected at least 1 argument, got 0");
  if (nargs > 2) return raise(ts, &exc_TypeError, "iter expected at most 2 arguments, got " + std::to_string(nargs));
  if (nargs == 1) return get_iter(ts, args[0]);
  if (!args[0]->ob_type->tp_call) return raise(ts, &exc_TypeError, "iter(v, w): v must be callable");
  return new_callable_iterator(ts, args[0], args[1]);
}

Object* builtin_next(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object*) {
  if (nargs < 1 || nargs > 2) return raise(ts, &exc_TypeError, "next expected at least 1 argument, got " + std::to_string(nargs));
  if (!args[0]->ob_type->tp_iternext)
    return raise(ts, &exc_TypeError, std::string("'") + args[0]->ob_type->tp_name + "' object is not an iterator");
  // tp_iternext directly: a generator's StopIteration keeps its value.
  Object* v = args[0]->ob_type->tp_iternext(ts, args[0]);
  if (v) return v;
  if (nargs == 2 && ts->curexc && is_instance(ts->curexc, &exc_StopIteration)) clear_error(ts);
  if (ts->curexc) return nullptr;
  if (nargs == 2) return newref(args[1]);
  return raise_object(ts, call_object(ts, &exc_StopIteration, nullptr, 0, nullptr));
}

// PEP 560: a base that is not a class may stand in for classes through
// __mro_entries__(bases) (typing's Generic[T], NamedTuple, TypedDict do). Returns the
// resolved bases (a new reference; `orig` itself when nothing changed) or null.
// CPython: Python/bltinmodule.c update_bases().
Object* resolve_mro_entries(ThreadState* ts, Object* orig) {
  std::vector<Object*> resolved;
  bool changed = false;
  for (Py_ssize_t i = 0; i < tuple_size(orig); ++i) {
    Object* base = tuple_get(orig, i);
    Object* entries_fn = is_instance(base, &type_type) ? nullptr : get_attr_str_or_null(ts, base, "__mro_entries__");
    if (!entries_fn) {
      if (ts->curexc) break;
      resolved.push_back(newref(base));
      continue;
    }
    Object* entries = call_object(ts, entries_fn, &orig, 1, nullptr);
    decref(entries_fn);
    if (!entries) break;
    if (!is_tuple(entries)) {
      decref(entries);
      raise(ts, &exc_TypeError, "__mro_entries__ must return a tuple");
      break;
    }
    for (Py_ssize_t k = 0; k < tuple_size(entries); ++k) resolved.push_back(newref(tuple_get(entries, k)));
    decref(entries);
    changed = true;
  }
  Object* result = nullptr;
  if (!ts->curexc) {
    if (changed) {
      result = new_tuple(ts, static_cast<Py_ssize_t>(resolved.size()));
      for (std::size_t i = 0; i < resolved.size(); ++i) tuple_set(result, static_cast<Py_ssize_t>(i), newref(resolved[i]));
    } else {
      result = newref(orig);
    }
  }
  for (Object* o : resolved) decref(o);
  return result;
}

// __build_class__(func, name, *bases, metaclass=None, **kwds). CPython: builtin___build_class__.
Object* builtin_build_class(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (nargs < 2) return raise(ts, &exc_TypeError, "__build_class__: not enough arguments");
  if (args[0]->ob_type != &function_type) return raise(ts, &exc_TypeError, "__build_class__: func must be a function");
  if (!is_str(args[1])) return raise(ts, &exc_TypeError, "__build_class__: name is not a string");
  auto* body = static_cast<FunctionObject*>(args[0]);
  Object* name = args[1];
  Object* bases = new_tuple(ts, static_cast<Py_ssize_t>(nargs - 2));
  for (std::size_t i = 2; i < nargs; ++i) tuple_set(bases, static_cast<Py_ssize_t>(i - 2), newref(args[i]));
  Object* orig_bases = bases;
  bases = resolve_mro_entries(ts, orig_bases);
  if (!bases) {
    decref(orig_bases);
    return nullptr;
  }
  // Class keywords: metaclass=..., the rest go to __prepare__, the metaclass and __init_subclass__.
  Object* meta = nullptr;
  std::vector<Object*> kwvalues;
  std::vector<Object*> kwkeys;
  for (Py_ssize_t k = 0; kwnames && k < tuple_size(kwnames); ++k) {
    Object* key = tuple_get(kwnames, k);
    if (str_view(key) == "metaclass") meta = args[nargs + k];
    else kwkeys.push_back(key), kwvalues.push_back(args[nargs + k]);
  }
  bool meta_is_class = false;
  if (!meta) {
    meta = tuple_size(bases) ? reinterpret_cast<Object*>(tuple_get(bases, 0)->ob_type) : reinterpret_cast<Object*>(&type_type);
    meta_is_class = true;
  } else {
    meta_is_class = is_instance(meta, &type_type);
  }
  if (meta_is_class) {
    // The most derived metaclass of the bases wins, decided before __prepare__ runs.
    // CPython: _PyType_CalculateMetaclass.
    for (Py_ssize_t i = 0; i < tuple_size(bases); ++i) {
      TypeObject* bm = tuple_get(bases, i)->ob_type;
      auto* winner = static_cast<TypeObject*>(meta);
      if (is_subtype(winner, bm)) continue;
      if (is_subtype(bm, winner)) {
        meta = bm;
        continue;
      }
      decref(bases);
      decref(orig_bases);
      return raise(ts, &exc_TypeError,
                   "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
                   "metaclasses of all its bases");
    }
  }
  Object* kwtuple = nullptr;
  if (!kwkeys.empty()) {
    kwtuple = new_tuple(ts, static_cast<Py_ssize_t>(kwkeys.size()));
    for (std::size_t i = 0; i < kwkeys.size(); ++i) tuple_set(kwtuple, static_cast<Py_ssize_t>(i), newref(kwkeys[i]));
  }
  Object* ns = nullptr;
  Object* prepare = get_attr_str_or_null(ts, meta, "__prepare__");
  if (prepare) {
    std::vector<Object*> pargs = {name, bases};
    pargs.insert(pargs.end(), kwvalues.begin(), kwvalues.end());
    ns = call_object(ts, prepare, pargs.data(), 2, kwtuple);
    decref(prepare);
  } else if (!ts->curexc) {
    ns = new_dict(ts);
  }
  Object* result = nullptr;
  if (ns) {
    Frame* frame = make_function_frame(ts, body, nullptr, 0, nullptr);
    if (frame) {
      frame->locals = newref(ns);
      Object* cell = eval_frame(ts, frame);
      if (cell && bases != orig_bases) {
        Object* key = new_str(ts, "__orig_bases__");
        if (set_item(ts, ns, key, orig_bases) < 0) {
          decref(cell);
          cell = nullptr;
        }
        decref(key);
      }
      if (cell) {
        std::vector<Object*> margs = {name, bases, ns};
        margs.insert(margs.end(), kwvalues.begin(), kwvalues.end());
        result = call_object(ts, meta, margs.data(), 3, kwtuple);
        if (result && cell->ob_type == &cell_type) {
          auto* c = static_cast<CellObject*>(cell);
          Object* old = c->contents;
          c->contents = newref(result);
          xdecref(old);
        }
        decref(cell);
      }
    }
    decref(ns);
  }
  xdecref(kwtuple);
  decref(bases);
  decref(orig_bases);
  return result;
}

bool add(ThreadState* ts, Object* d, const char* name, Object* value) {  // steals value
  Object* key = new_str(ts, name);
  bool ok = dict_set_item(ts, d, key, value);
  decref(key);
  decref(value);
  return ok;
}

}  // namespace

int object_isinstance(ThreadState* ts, Object* obj, Object* cls) { return instance_check(ts, obj, cls); }

bool add_builtin_function(ThreadState* ts, Object* dict, const char* name, CallFunc impl) {
  return add(ts, dict, name, new_builtin_function(ts, name, impl));
}
bool add_builtin_object(ThreadState* ts, Object* dict, const char* name, Object* value) {
  return add(ts, dict, name, value);
}

Object* make_builtins(ThreadState* ts) {
  Object* d = new_dict(ts);
  struct Entry { const char* name; CallFunc fn; };
  static const Entry kFunctions[] = {
      {"print", builtin_print},         {"repr", builtin_repr},         {"len", builtin_len},
      {"isinstance", builtin_isinstance}, {"issubclass", builtin_issubclass}, {"callable", builtin_callable},
      {"getattr", builtin_getattr},     {"setattr", builtin_setattr},   {"delattr", builtin_delattr},
      {"hasattr", builtin_hasattr},     {"id", builtin_id},             {"hash", builtin_hash},
      {"abs", builtin_abs},             {"iter", builtin_iter},         {"next", builtin_next},
      {"__build_class__", builtin_build_class},
  };
  bool ok = true;
  for (const Entry& e : kFunctions) ok = ok && add(ts, d, e.name, new_builtin_function(ts, e.name, e.fn));
  struct TypeEntry { const char* name; TypeObject* type; };
  static const TypeEntry kTypes[] = {
      {"object", &object_type}, {"type", &type_type}, {"int", &int_type}, {"bool", &bool_type},
      {"float", &float_type}, {"str", &str_type}, {"tuple", &tuple_type}, {"list", &list_type},
      {"bytes", &bytes_type}, {"bytearray", &bytearray_type},
      {"UnicodeEncodeError", &exc_UnicodeEncodeError}, {"UnicodeDecodeError", &exc_UnicodeDecodeError},
      {"dict", &dict_type}, {"range", &range_type}, {"slice", &slice_type},
      {"staticmethod", &staticmethod_type}, {"super", &super_type}, {"classmethod", &classmethod_type}, {"property", &property_type},
      {"BaseException", &exc_BaseException},
#define TERRARIUM_EXC_ENTRY(c_name, py_name, base) {py_name, &exc_##c_name},
      TERRARIUM_EXCEPTIONS(TERRARIUM_EXC_ENTRY)
#undef TERRARIUM_EXC_ENTRY
  };
  for (const TypeEntry& e : kTypes) ok = ok && add(ts, d, e.name, newref<Object>(e.type));
  ok = ok && add(ts, d, "BaseExceptionGroup", newref<Object>(&exc_BaseExceptionGroup)) &&
       add(ts, d, "ExceptionGroup", newref<Object>(&exc_ExceptionGroup));
  ok = ok && add(ts, d, "None", newref(py_none())) && add(ts, d, "NotImplemented", newref(py_not_implemented())) &&
       add(ts, d, "__name__", new_str(ts, "builtins")) && register_numeric_builtins(ts, d) &&
       register_iteration_builtins(ts, d) &&
       register_exec_builtins(ts, d) && register_introspection_builtins(ts, d) && register_async_builtins(ts, d) &&
       add(ts, d, "Ellipsis", newref(py_ellipsis()));
  if (!ok) {
    decref(d);
    return nullptr;
  }
  return d;
}

}  // namespace terrarium
