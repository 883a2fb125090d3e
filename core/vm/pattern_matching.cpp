// Class and mapping patterns at run time, with CPython 3.11's error messages.
#include "vm/pattern_matching.hpp"

#include <string>
#include <vector>
#include "objects/abstract.hpp"
#include "objects/exceptions.hpp"
#include "objects/set.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

std::string repr_text(ThreadState* ts, Object* o) {
  std::string out;
  if (!repr_string(ts, o, out)) clear_error(ts);
  return out;
}

// One attribute for a sub-pattern; null without error when the subject lacks it.
Object* match_class_attr(ThreadState* ts, Object* subject, Object* cls, Object* name, Object* seen) {
  int dup = set_contains(ts, seen, name);
  if (dup != 0 || !set_add(ts, seen, name)) {
    if (dup > 0)
      raise(ts, &exc_TypeError, std::string(static_cast<TypeObject*>(cls)->tp_name) +
                                    "() got multiple sub-patterns for attribute " + repr_text(ts, name));
    return nullptr;
  }
  Object* attr = get_attr(ts, subject, name);
  if (!attr && is_instance(ts->curexc, &exc_AttributeError)) clear_error(ts);
  return attr;
}

}  // namespace

Object* match_class(ThreadState* ts, Object* subject, Object* cls, int nargs, Object* names) {
  if (!is_instance(cls, &type_type)) return raise(ts, &exc_TypeError, "called match pattern must be a type");
  int is = object_isinstance(ts, subject, cls);
  if (is <= 0) return nullptr;
  auto* type = static_cast<TypeObject*>(cls);
  std::vector<Object*> attrs;
  Object* seen = new_set(ts);
  auto fail = [&]() -> Object* {
    for (Object* a : attrs) decref(a);
    decref(seen);
    return nullptr;
  };
  if (nargs > 0) {
    bool match_self = false;
    Object* match_args = get_attr_str_or_null(ts, cls, "__match_args__");
    if (!match_args) {
      if (error_occurred(ts)) return fail();
      // Only a class without __match_args__ matches itself (int(x), str(s)...).
      match_self = (type->tp_flags & TPFLAGS_MATCH_SELF) != 0;
      match_args = new_tuple(ts, 0);
    } else if (match_args->ob_type != &tuple_type) {
      std::string got = match_args->ob_type->tp_name;
      decref(match_args);
      raise(ts, &exc_TypeError, std::string(type->tp_name) + ".__match_args__ must be a tuple (got " + got + ")");
      return fail();
    }
    Py_ssize_t allowed = match_self ? 1 : tuple_size(match_args);
    if (allowed < nargs) {
      decref(match_args);
      raise(ts, &exc_TypeError, std::string(type->tp_name) + "() accepts " + std::to_string(allowed) +
                                    " positional sub-pattern" + (allowed == 1 ? "" : "s") + " (" +
                                    std::to_string(nargs) + " given)");
      return fail();
    }
    if (match_self) {
      attrs.push_back(newref(subject));
    } else {
      for (int i = 0; i < nargs; ++i) {
        Object* name = tuple_get(match_args, i);
        if (name->ob_type != &str_type) {
          raise(ts, &exc_TypeError,
                std::string("__match_args__ elements must be strings (got ") + name->ob_type->tp_name + ")");
          decref(match_args);
          return fail();
        }
        Object* attr = match_class_attr(ts, subject, cls, name, seen);
        if (!attr) {
          decref(match_args);
          return fail();
        }
        attrs.push_back(attr);
      }
    }
    decref(match_args);
  }
  for (Py_ssize_t i = 0; i < tuple_size(names); ++i) {
    Object* attr = match_class_attr(ts, subject, cls, tuple_get(names, i), seen);
    if (!attr) return fail();
    attrs.push_back(attr);
  }
  decref(seen);
  Object* result = new_tuple(ts, static_cast<Py_ssize_t>(attrs.size()));
  for (std::size_t i = 0; i < attrs.size(); ++i) tuple_set(result, static_cast<Py_ssize_t>(i), attrs[i]);
  return result;
}

Object* match_keys(ThreadState* ts, Object* subject, Object* keys) {
  Py_ssize_t n = tuple_size(keys);
  if (n == 0) return new_tuple(ts, 0);
  // mapping.get(key, missing): one lookup per key that neither raises for a missing key
  // nor makes a defaultdict create one.
  Object* get = get_attr_str_or_null(ts, subject, "get");
  if (!get) {
    if (!error_occurred(ts)) raise(ts, &exc_AttributeError, std::string("'") + subject->ob_type->tp_name + "' object has no attribute 'get'");
    return nullptr;
  }
  Object* missing = call_object(ts, reinterpret_cast<Object*>(&object_type), nullptr, 0, nullptr);
  Object* seen = new_set(ts);
  Object* values = new_tuple(ts, n);
  Object* result = values;
  for (Py_ssize_t i = 0; i < n; ++i) {
    Object* key = tuple_get(keys, i);
    int dup = set_contains(ts, seen, key);
    if (dup != 0 || !set_add(ts, seen, key)) {
      if (dup > 0) raise(ts, &exc_ValueError, "mapping pattern checks duplicate key (" + repr_text(ts, key) + ")");
      result = nullptr;
      break;
    }
    Object* args[2] = {key, missing};
    Object* value = call_object(ts, get, args, 2, nullptr);
    if (!value) {
      result = nullptr;
      break;
    }
    if (value == missing) {
      decref(value);
      result = newref(py_none());
      break;
    }
    tuple_set(values, i, value);
  }
  if (result != values) decref(values);
  decref(seen);
  decref(missing);
  decref(get);
  return result;
}

}  // namespace terrarium
