// Slow paths of the eval loop (see eval_helpers.hpp).
#include "vm/eval_helpers.hpp"

#include <string>
#include <vector>
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/function.hpp"
#include "objects/list.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"
#include "objects/descr.hpp"
#include "objects/slots.hpp"
#include "objects/format.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

std::nullptr_t name_error(ThreadState* ts, Object* name) {
  Object* exc = new_exception(ts, &exc_NameError, "name '" + std::string(str_view(name)) + "' is not defined");
  static_cast<ExceptionObject*>(exc)->name = newref(name);
  return raise_object(ts, exc);
}

std::nullptr_t unbound_local_error(ThreadState* ts, Object* name) {
  return raise(ts, &exc_UnboundLocalError, "cannot access local variable '" + std::string(str_view(name)) +
                                               "' where it is not associated with a value");
}

std::nullptr_t free_var_error(ThreadState* ts, CodeObject* code, int index) {
  Object* name = code->co_localsplusnames[static_cast<std::size_t>(index)];
  if (code->co_localspluskinds[static_cast<std::size_t>(index)] & CO_FAST_FREE)
    return raise(ts, &exc_NameError, "cannot access free variable '" + std::string(str_view(name)) +
                                         "' where it is not associated with a value in enclosing scope");
  return unbound_local_error(ts, name);
}

Object* load_name(ThreadState* ts, Frame* frame, Object* name) {
  Object* locals = frame->locals;
  if (locals) {
    if (locals->ob_type == &dict_type) {
      if (Object* v = dict_get_str(locals, name)) return newref(v);
    } else {
      Object* v = get_item(ts, locals, name);
      if (v) return v;
      if (!is_instance(ts->curexc, &exc_KeyError)) return nullptr;
      clear_error(ts);
    }
  }
  if (Object* v = dict_get_str(frame->globals, name)) return newref(v);
  if (Object* v = dict_get_str(frame->builtins, name)) return newref(v);
  return name_error(ts, name);
}

bool store_name(ThreadState* ts, Frame* frame, Object* name, Object* value) {
  if (frame->locals->ob_type == &dict_type) return dict_set_item(ts, frame->locals, name, value);
  return set_item(ts, frame->locals, name, value) == 0;  // a class namespace from __prepare__
}

bool delete_name(ThreadState* ts, Frame* frame, Object* name) {
  int r = frame->locals->ob_type == &dict_type ? dict_del_item(ts, frame->locals, name)
                                               : (set_item(ts, frame->locals, name, nullptr) == 0 ? 1 : -1);
  if (r == 0) name_error(ts, name);
  return r > 0;
}

Object* load_global(ThreadState* ts, Frame* frame, Object* name) {
  if (Object* v = dict_get_str(frame->globals, name)) return newref(v);
  if (Object* v = dict_get_str(frame->builtins, name)) return newref(v);
  return name_error(ts, name);
}

bool unpack_sequence(ThreadState* ts, Object* seq, int count, Object** out) {
  std::vector<Object*> items;
  if (is_tuple(seq)) {
    for (Py_ssize_t i = 0; i < tuple_size(seq); ++i) items.push_back(newref(tuple_get(seq, i)));
  } else if (is_list(seq)) {
    for (Object* v : list_items(seq)) items.push_back(newref(v));
  } else {
    if (!seq->ob_type->tp_iter && !seq->ob_type->mp_subscript) {
      raise(ts, &exc_TypeError, std::string("cannot unpack non-iterable ") + seq->ob_type->tp_name + " object");
      return false;
    }
    Object* it = get_iter(ts, seq);
    if (!it) return false;
    while (static_cast<int>(items.size()) <= count) {
      Object* v = iter_next(ts, it);
      if (!v) break;
      items.push_back(v);
    }
    decref(it);
    if (ts->curexc) {
      for (Object* v : items) decref(v);
      return false;
    }
  }
  if (static_cast<int>(items.size()) != count) {
    if (static_cast<int>(items.size()) < count)
      raise(ts, &exc_ValueError, "not enough values to unpack (expected " + std::to_string(count) + ", got " +
                                     std::to_string(items.size()) + ")");
    else  // 3.11 never reports the actual count here (3.12 added it for lists and tuples)
      raise(ts, &exc_ValueError, "too many values to unpack (expected " + std::to_string(count) + ")");
    for (Object* v : items) decref(v);
    return false;
  }
  for (int i = 0; i < count; ++i) out[count - 1 - i] = items[static_cast<std::size_t>(i)];
  return true;
}

bool unpack_starred(ThreadState* ts, Object* seq, int before, int after, Object** out) {
  std::vector<Object*> items;
  if (!seq->ob_type->tp_iter && !seq->ob_type->mp_subscript) {
    raise(ts, &exc_TypeError, std::string("cannot unpack non-iterable ") + seq->ob_type->tp_name + " object");
    return false;
  }
  if (!for_each_item(ts, seq, [&](Object* v) { items.push_back(newref(v)); return true; })) {
    for (Object* v : items) decref(v);
    return false;
  }
  int n = static_cast<int>(items.size());
  if (n < before + after) {
    raise(ts, &exc_ValueError, "not enough values to unpack (expected at least " + std::to_string(before + after) +
                                   ", got " + std::to_string(n) + ")");
    for (Object* v : items) decref(v);
    return false;
  }
  int total = before + after + 1;
  // Stack order: the last target on top... out[0] is deepest: after-items reversed, list, before reversed.
  int k = total - 1;
  for (int i = 0; i < before; ++i) out[k--] = items[static_cast<std::size_t>(i)];
  Object* middle = new_list(ts);
  for (int i = before; i < n - after; ++i) list_items(middle).push_back(items[static_cast<std::size_t>(i)]);
  out[k--] = middle;
  for (int i = n - after; i < n; ++i) out[k--] = items[static_cast<std::size_t>(i)];
  return true;
}

bool do_raise(ThreadState* ts, Object* exc, Object* cause) {
  if (!exc) {
    Object* active = ts->handled.empty() ? nullptr : ts->handled.back();
    if (!active || active == py_none()) {
      raise(ts, &exc_RuntimeError, "No active exception to reraise");
      return false;
    }
    raise_object(ts, newref(active));
    return true;
  }
  Object* value = exc;
  if (is_instance(exc, &type_type)) {
    if (!is_exception_type(static_cast<TypeObject*>(exc))) {
      decref(exc);
      xdecref(cause);
      raise(ts, &exc_TypeError, "exceptions must derive from BaseException");
      return false;
    }
    value = call_object(ts, exc, nullptr, 0, nullptr);
    decref(exc);
    if (!value) {
      xdecref(cause);
      return false;
    }
  } else if (!is_instance(exc, &exc_BaseException)) {
    decref(exc);
    xdecref(cause);
    raise(ts, &exc_TypeError, "exceptions must derive from BaseException");
    return false;
  }
  if (cause) {
    Object* c = cause;
    if (cause == py_none()) {
      set_exception_cause(value, nullptr);
    } else {
      if (is_instance(cause, &type_type) && is_exception_type(static_cast<TypeObject*>(cause))) {
        c = call_object(ts, cause, nullptr, 0, nullptr);
        if (!c) {
          decref(value);
          decref(cause);
          return false;
        }
        decref(cause);
        cause = c;
      } else if (!is_instance(cause, &exc_BaseException)) {
        decref(value);
        decref(cause);
        raise(ts, &exc_TypeError, "exception causes must derive from BaseException");
        return false;
      }
      set_exception_cause(value, cause);
    }
    decref(cause);
  }
  // Raising while handling: the handled exception becomes __context__ (avoiding cycles).
  Object* active = ts->handled.empty() ? nullptr : ts->handled.back();
  if (active && active != py_none() && active != value) {
    Object* probe = active;
    bool cycle = false;
    while (probe) {
      Object* next = static_cast<ExceptionObject*>(probe)->context;
      if (next == value) {
        set_exception_context(probe, nullptr);
        cycle = true;
        break;
      }
      probe = next;
    }
    (void)cycle;
    set_exception_context(value, active);
  }
  raise_object(ts, value);
  return false;
}

int exception_matches(ThreadState* ts, Object* exc, Object* type) {
  auto check_one = [&](Object* t) -> int {
    if (!is_instance(t, &type_type) || !is_exception_type(static_cast<TypeObject*>(t))) {
      raise(ts, &exc_TypeError, "catching classes that do not inherit from BaseException is not allowed");
      return -1;
    }
    return is_instance(exc, static_cast<TypeObject*>(t)) ? 1 : 0;
  };
  if (is_tuple(type)) {
    for (Py_ssize_t i = 0; i < tuple_size(type); ++i) {
      int r = check_one(tuple_get(type, i));
      if (r != 0) return r;
    }
    return 0;
  }
  return check_one(type);
}

Object* join_strings(ThreadState* ts, Object* const* parts, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += str_view(parts[i]);
  return new_str(ts, out);
}

Object* format_value(ThreadState* ts, Object* value, int conversion, Object* spec) {
  Object* converted = nullptr;
  switch (conversion) {
    case 1: converted = object_str(ts, value); break;
    case 2: converted = object_repr(ts, value); break;
    case 3: converted = object_ascii(ts, value); break;
    default: converted = newref(value); break;
  }
  if (!converted) return nullptr;
  if ((!spec || str_view(spec).empty()) && is_str(converted)) return converted;
  Object* fmt = spec ? newref(spec) : new_str(ts, "");
  Object* r = object_format(ts, converted, fmt);
  decref(fmt);
  decref(converted);
  return r;
}

Object* call_with_tuple_and_dict(ThreadState* ts, Object* func, Object* args, Object* kwargs) {
  Object* tuple = args;
  if (!is_tuple(args)) {
    if (!args->ob_type->tp_iter && !args->ob_type->mp_subscript) {
      std::string fname = is_instance(func, &function_type) ? std::string(str_view(static_cast<FunctionObject*>(func)->qualname)) : func->ob_type->tp_name;
      return raise(ts, &exc_TypeError, fname + "() argument after * must be an iterable, not " + args->ob_type->tp_name);
    }
    tuple = call_object(ts, &tuple_type, &args, 1, nullptr);
    if (!tuple) return nullptr;
  } else {
    incref(tuple);
  }
  std::vector<Object*> all;
  for (Py_ssize_t i = 0; i < tuple_size(tuple); ++i) all.push_back(tuple_get(tuple, i));
  Object* kwnames = nullptr;
  if (kwargs && dict_size(kwargs)) {
    auto& entries = *static_cast<DictObject*>(kwargs)->entries;
    std::vector<Object*> names;
    for (DictEntry& e : entries) {
      if (!e.key) continue;
      if (!is_str(e.key)) {
        decref(tuple);
        return raise(ts, &exc_TypeError, "keywords must be strings");
      }
      names.push_back(e.key);
      all.push_back(e.value);
    }
    kwnames = new_tuple(ts, static_cast<Py_ssize_t>(names.size()));
    for (std::size_t i = 0; i < names.size(); ++i) tuple_set(kwnames, static_cast<Py_ssize_t>(i), newref(names[i]));
  }
  for (Object* o : all) incref(o);
  Object* r = call_object(ts, func, all.data(), static_cast<std::size_t>(tuple_size(tuple)), kwnames);
  for (Object* o : all) decref(o);
  xdecref(kwnames);
  decref(tuple);
  return r;
}

Object* annotations_dict(ThreadState* ts, Object* flat) {
  Object* d = new_dict(ts);
  for (Py_ssize_t i = 0; i + 1 < tuple_size(flat); i += 2)
    if (!dict_set_item(ts, d, tuple_get(flat, i), tuple_get(flat, i + 1))) clear_error(ts);
  decref(flat);
  return d;
}

// How call errors name the callee: "module.qualname" unless the module is builtins.
// CPython: _PyObject_FunctionStr.
std::string function_display_name(ThreadState* ts, Object* func) {
  if (!func) return "function";
  Object* qualname = get_attr_str_or_null(ts, func, "__qualname__");
  if (!qualname || !is_str(qualname)) {
    xdecref(qualname);
    clear_error(ts);
    return "function";
  }
  std::string name(str_view(qualname));
  decref(qualname);
  Object* module = get_attr_str_or_null(ts, func, "__module__");
  clear_error(ts);
  if (module && is_str(module) && str_view(module) != "builtins") name = std::string(str_view(module)) + "." + name;
  xdecref(module);
  return name;
}

bool dict_update_from(ThreadState* ts, Object* dict, Object* other, bool merge, Object* func) {
  if (!merge) {
    if (!is_instance(other, &dict_type)) {
      Object* keys = get_attr_str_or_null(ts, other, "keys");
      if (!keys) {
        if (!ts->curexc)
          raise(ts, &exc_TypeError, std::string("'") + other->ob_type->tp_name + "' object is not a mapping");
        return false;
      }
      decref(keys);
    }
    return dict_merge(ts, dict, other, true);
  }
  if (!is_instance(other, &dict_type)) {
    // ** takes mappings only (an object with keys()), never a sequence of pairs.
    Object* keys = get_attr_str_or_null(ts, other, "keys");
    if (!keys) {
      if (ts->curexc) return false;
      raise(ts, &exc_TypeError, function_display_name(ts, func) + "() argument after ** must be a mapping, not " +
                                    other->ob_type->tp_name);
      return false;
    }
    decref(keys);
    Object* tmp = new_dict(ts);
    if (!dict_merge(ts, tmp, other, true)) {
      decref(tmp);
      if (ts->curexc && is_instance(ts->curexc, &exc_AttributeError)) {
        clear_error(ts);
        std::string fname = function_display_name(ts, func);
        raise(ts, &exc_TypeError, fname + "() argument after ** must be a mapping, not " + other->ob_type->tp_name);
      }
      return false;
    }
    bool ok = dict_update_from(ts, dict, tmp, true, func);
    decref(tmp);
    return ok;
  }
  for (DictEntry& e : *static_cast<DictObject*>(other)->entries) {
    if (!e.key) continue;
    if (dict_get_item(ts, dict, e.key)) {
      std::string fname = function_display_name(ts, func);
      raise(ts, &exc_TypeError, fname + "() got multiple values for keyword argument '" +
                                    std::string(is_str(e.key) ? str_view(e.key) : "?") + "'");
      return false;
    }
    if (!dict_set_item(ts, dict, e.key, e.value)) return false;
  }
  return true;
}

Object* enter_context(ThreadState* ts, Object* mgr, const ContextProtocol& protocol, Object** enter_result) {
  Object* enter = type_lookup_str(mgr->ob_type, protocol.enter);
  Object* exit = type_lookup_str(mgr->ob_type, protocol.exit);
  if (!enter || !exit) {
    std::string what = !enter ? "" : std::string(" (missed ") + protocol.exit + " method)";
    return raise(ts, &exc_TypeError, std::string("'") + mgr->ob_type->tp_name + "' object does not support the " +
                                         protocol.name + what);
  }
  Object* bound_exit;
  if (DescrGetFunc get = exit->ob_type->tp_descr_get) bound_exit = get(ts, exit, mgr, reinterpret_cast<Object*>(mgr->ob_type));
  else bound_exit = newref(exit);
  if (!bound_exit) return nullptr;
  Object* r = call_unbound(ts, enter, mgr, nullptr, 0);
  if (!r) {
    decref(bound_exit);
    return nullptr;
  }
  *enter_result = r;
  return bound_exit;
}

Object* before_with(ThreadState* ts, Object* mgr, Object** enter_result) {
  static constexpr ContextProtocol with{"__enter__", "__exit__", "context manager protocol"};
  return enter_context(ts, mgr, with, enter_result);
}

bool setup_annotations(ThreadState* ts, Frame* frame) {
  Object* key = new_str(ts, "__annotations__");
  bool ok = true;
  if (!dict_get_str(frame->locals, key)) {
    Object* d = new_dict(ts);
    ok = dict_set_item(ts, frame->locals, key, d);
    decref(d);
  }
  decref(key);
  return ok;
}

}  // namespace terrarium
