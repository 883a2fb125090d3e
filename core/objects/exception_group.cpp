// Exception groups: construction with CPython's checks and messages, str(), and the
// recursive split that except* and PREP_RERAISE_STAR are built on.
#include "objects/exception_group.hpp"

#include <string>
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/int.hpp"
#include "objects/list.hpp"
#include "objects/set.hpp"
#include "objects/singletons.hpp"
#include "objects/slots.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

ExceptionGroupObject* as_group(Object* o) { return static_cast<ExceptionGroupObject*>(o); }

bool is_exception_class(Object* o) {
  return is_instance(o, &type_type) && is_exception_type(static_cast<TypeObject*>(o));
}

// BaseExceptionGroup.__new__(cls, message, exceptions)
Object* group_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (kwnames && tuple_size(kwnames))
    return raise(ts, &exc_TypeError, std::string(type->tp_name) + "() takes no keyword arguments");
  if (nargs != 2)
    return raise(ts, &exc_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (" +
                                         std::to_string(nargs) + " given)");
  if (!is_str(args[0]))
    return raise(ts, &exc_TypeError, std::string("BaseExceptionGroup.__new__() argument 1 must be str, not ") +
                                         args[0]->ob_type->tp_name);
  Object* seq = args[1];
  // PySequence_Check: indexable, and not a mapping.
  if (!seq->ob_type->mp_subscript || is_instance(seq, &dict_type) || is_instance(seq, &set_type))
    return raise(ts, &exc_TypeError, "second argument (exceptions) must be a sequence");
  Object* excs = call_object(ts, reinterpret_cast<Object*>(&tuple_type), &seq, 1, nullptr);
  if (!excs) return nullptr;
  if (tuple_size(excs) == 0) {
    decref(excs);
    return raise(ts, &exc_ValueError, "second argument (exceptions) must be a non-empty sequence");
  }
  bool nested_base_exceptions = false;
  for (Py_ssize_t i = 0; i < tuple_size(excs); ++i) {
    Object* e = tuple_get(excs, i);
    if (!is_instance(e, &exc_BaseException)) {
      decref(excs);
      return raise(ts, &exc_ValueError, "Item " + std::to_string(i) + " of second argument (exceptions) is not an exception");
    }
    if (!is_instance(e, &exc_Exception)) nested_base_exceptions = true;
  }
  TypeObject* cls = type;
  if (cls == &exc_ExceptionGroup) {
    if (nested_base_exceptions) {
      decref(excs);
      return raise(ts, &exc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
    }
  } else if (cls == &exc_BaseExceptionGroup) {
    if (!nested_base_exceptions) cls = &exc_ExceptionGroup;  // only Exceptions inside
  } else if (nested_base_exceptions && is_subtype(cls, &exc_Exception)) {
    decref(excs);
    return raise(ts, &exc_TypeError, std::string("Cannot nest BaseExceptions in '") + cls->tp_name + "'");
  }
  Object* self = exc_BaseException.tp_new(ts, cls, args, nargs, nullptr);
  if (!self) {
    decref(excs);
    return nullptr;
  }
  as_group(self)->message = newref(args[0]);
  as_group(self)->exceptions = excs;
  return self;
}

void group_dealloc(Object* o) {
  xdecref(as_group(o)->message);
  xdecref(as_group(o)->exceptions);
  exc_BaseException.tp_dealloc(o);
}

Object* group_str(ThreadState* ts, Object* o) {
  Py_ssize_t n = tuple_size(as_group(o)->exceptions);
  return new_str(ts, std::string(str_view(as_group(o)->message)) + " (" + std::to_string(n) + " sub-exception" +
                         (n > 1 ? "s" : "") + ")");
}

Object* group_message(ThreadState*, Object* o) { return newref(as_group(o)->message); }
Object* group_exceptions(ThreadState*, Object* o) { return newref(as_group(o)->exceptions); }
const GetSetDef kGroupGetSet[] = {{"message", group_message, nullptr},
                                  {"exceptions", group_exceptions, nullptr},
                                  {nullptr, nullptr, nullptr}};

// derive(excs): a group like this one (same message) around other exceptions.
Object* group_derive(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object*) {
  if (nargs != 1) return raise(ts, &exc_TypeError, "derive() takes exactly one argument (" + std::to_string(nargs) + " given)");
  Object* call_args[2] = {as_group(self)->message, args[0]};
  return call_object(ts, reinterpret_cast<Object*>(&exc_BaseExceptionGroup), call_args, 2, nullptr);
}

bool matcher_kind(ThreadState* ts, Object* value, GroupMatcher& kind) {
  if (value->ob_type->tp_call && !is_instance(value, &type_type)) {
    kind = GroupMatcher::ByPredicate;
    return true;
  }
  if (is_exception_class(value)) {
    kind = GroupMatcher::ByType;
    return true;
  }
  if (is_tuple(value)) {
    for (Py_ssize_t i = 0; i < tuple_size(value); ++i)
      if (!is_exception_class(tuple_get(value, i))) goto bad;
    kind = GroupMatcher::ByType;
    return true;
  }
bad:
  raise(ts, &exc_TypeError, "expected a function, exception type or tuple of exception types");
  return false;
}

Object* group_split(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object*) {
  if (nargs != 1) return raise(ts, &exc_TypeError, "split() takes exactly one argument (" + std::to_string(nargs) + " given)");
  GroupMatcher kind;
  if (!matcher_kind(ts, args[0], kind)) return nullptr;
  SplitResult r;
  if (!exception_group_split(ts, self, kind, args[0], true, r)) return nullptr;
  Object* pair = new_tuple(ts, 2);
  tuple_set(pair, 0, r.match ? r.match : newref(py_none()));
  tuple_set(pair, 1, r.rest ? r.rest : newref(py_none()));
  return pair;
}

Object* group_subgroup(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object*) {
  if (nargs != 1) return raise(ts, &exc_TypeError, "subgroup() takes exactly one argument (" + std::to_string(nargs) + " given)");
  GroupMatcher kind;
  if (!matcher_kind(ts, args[0], kind)) return nullptr;
  SplitResult r;
  if (!exception_group_split(ts, self, kind, args[0], false, r)) return nullptr;
  return r.match ? r.match : newref(py_none());
}

const MethodDef kGroupMethods[] = {{"derive", group_derive, METH_INSTANCE},
                                   {"split", group_split, METH_INSTANCE},
                                   {"subgroup", group_subgroup, METH_INSTANCE},
                                   {nullptr, nullptr, 0}};

TypeObject make_group_type(const char* name, TypeObject* base) {
  TypeObject t = make_static_type(name, sizeof(ExceptionGroupObject), base);
  t.tp_flags = TPFLAGS_BASETYPE;
  if (base == &exc_BaseException) {
    t.tp_new = group_new;
    t.tp_dealloc = group_dealloc;
    t.tp_str = group_str;
    t.tp_getset = kGroupGetSet;
    t.tp_methods = kGroupMethods;
  }
  return t;
}

// Does a leaf (or a whole group) match? 1, 0 or -1.
int leaf_matches(ThreadState* ts, Object* exc, GroupMatcher kind, Object* matcher) {
  switch (kind) {
    case GroupMatcher::ByType: {
      if (is_tuple(matcher)) {
        for (Py_ssize_t i = 0; i < tuple_size(matcher); ++i)
          if (is_instance(exc, static_cast<TypeObject*>(tuple_get(matcher, i)))) return 1;
        return 0;
      }
      return is_instance(exc, static_cast<TypeObject*>(matcher)) ? 1 : 0;
    }
    case GroupMatcher::ByPredicate: {
      Object* r = call_object(ts, matcher, &exc, 1, nullptr);
      if (!r) return -1;
      int truth = object_is_true(ts, r);
      decref(r);
      return truth;
    }
    case GroupMatcher::ByLeafIdentity: {
      if (is_exception_group(exc)) return 0;
      Object* id = new_int(ts, static_cast<std::int64_t>(reinterpret_cast<std::intptr_t>(exc)));
      int r = set_contains(ts, matcher, id);
      decref(id);
      return r;
    }
  }
  return 0;
}

// A group like `orig` holding `excs` (via orig.derive, so subclasses keep their type),
// with orig's traceback, cause, context and notes; null result when excs is empty.
bool derive_subset(ThreadState* ts, Object* orig, Object* excs, Object*& out) {
  out = nullptr;
  if (list_items(excs).empty()) return true;
  Object* eg = call_dunder(ts, orig, "derive", &excs, 1);
  if (!eg) return false;
  if (!is_exception_group(eg)) {
    decref(eg);
    raise(ts, &exc_TypeError, "derive must return an instance of BaseExceptionGroup");
    return false;
  }
  auto* from = static_cast<ExceptionObject*>(orig);
  auto* to = static_cast<ExceptionObject*>(eg);
  copy_exception_traceback(eg, orig);
  set_exception_context(eg, from->context);
  xdecref(to->cause);
  to->cause = from->cause ? newref(from->cause) : nullptr;
  to->suppress_context = from->suppress_context;
  if (from->notes) {
    Object* copy = call_object(ts, reinterpret_cast<Object*>(&list_type), &from->notes, 1, nullptr);
    if (!copy) {
      decref(eg);
      return false;
    }
    xdecref(to->notes);
    to->notes = copy;
  }
  out = eg;
  return true;
}

}  // namespace

TypeObject exc_BaseExceptionGroup = make_group_type("BaseExceptionGroup", &exc_BaseException);
TypeObject exc_ExceptionGroup = make_group_type("ExceptionGroup", &exc_BaseExceptionGroup);

bool ready_exception_group_types(ThreadState* ts) {
  if (!exc_ExceptionGroup.tp_bases) {
    // make_static_type's defaults would shadow BaseException's; read them at run time,
    // as static initialisation order across files is unspecified.
    for (TypeObject* t : {&exc_BaseExceptionGroup, &exc_ExceptionGroup}) {
      t->tp_repr = exc_BaseException.tp_repr;
      t->tp_hash = exc_BaseException.tp_hash;
      t->tp_richcompare = exc_BaseException.tp_richcompare;
    }
    exc_ExceptionGroup.tp_dealloc = group_dealloc;
    Object* bases = new_tuple(ts, 2);
    tuple_set(bases, 0, newref<Object>(&exc_BaseExceptionGroup));
    tuple_set(bases, 1, newref<Object>(&exc_Exception));
    exc_ExceptionGroup.tp_bases = bases;
    TypeObject* chain[] = {&exc_ExceptionGroup, &exc_BaseExceptionGroup, &exc_Exception, &exc_BaseException,
                           &object_type};
    Object* mro = new_tuple(ts, 5);
    for (Py_ssize_t i = 0; i < 5; ++i) tuple_set(mro, i, newref<Object>(chain[i]));
    exc_ExceptionGroup.tp_mro = mro;
  }
  return type_ready(ts, &exc_BaseExceptionGroup) && type_ready(ts, &exc_ExceptionGroup);
}

Object* new_exception_group(ThreadState* ts, const char* message, Object* excs) {
  Object* args[2] = {new_str(ts, message), excs};
  Object* eg = call_object(ts, reinterpret_cast<Object*>(&exc_BaseExceptionGroup), args, 2, nullptr);
  decref(args[0]);
  return eg;
}

bool exception_group_split(ThreadState* ts, Object* exc, GroupMatcher kind, Object* matcher, bool construct_rest,
                           SplitResult& out) {
  out = SplitResult{};
  int full = leaf_matches(ts, exc, kind, matcher);
  if (full < 0) return false;
  if (full) {
    out.match = newref(exc);
    return true;
  }
  if (!is_exception_group(exc)) {
    if (construct_rest) out.rest = newref(exc);
    return true;
  }
  // A partial match: split each member, then rebuild the two sides around the parts.
  Object* match_list = new_list(ts);
  Object* rest_list = construct_rest ? new_list(ts) : nullptr;
  bool ok = true;
  Object* excs = as_group(exc)->exceptions;
  for (Py_ssize_t i = 0; ok && i < tuple_size(excs); ++i) {
    SplitResult part;
    ok = exception_group_split(ts, tuple_get(excs, i), kind, matcher, construct_rest, part);
    if (part.match) {
      ok = ok && list_append(ts, match_list, part.match);
      decref(part.match);
    }
    if (part.rest) {
      ok = ok && list_append(ts, rest_list, part.rest);
      decref(part.rest);
    }
  }
  ok = ok && derive_subset(ts, exc, match_list, out.match);
  if (ok && construct_rest) ok = derive_subset(ts, exc, rest_list, out.rest);
  decref(match_list);
  xdecref(rest_list);
  if (!ok) {
    xdecref(out.match);
    xdecref(out.rest);
    out = SplitResult{};
  }
  return ok;
}

}  // namespace terrarium
