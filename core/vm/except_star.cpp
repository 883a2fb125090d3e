// except* at run time. A clause takes the part of the group it matches; whatever the
// clauses raise is kept apart from what they re-raise (recognised by carrying the
// original's traceback, cause, context and notes), and the re-raised leaves are
// projected back onto the original group's shape so nesting is preserved.
#include "vm/except_star.hpp"

#include "objects/exception_group.hpp"
#include "objects/int.hpp"
#include "objects/list.hpp"
#include "objects/set.hpp"
#include "objects/singletons.hpp"
#include "objects/tuple.hpp"
#include "vm/eval_helpers.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

bool is_group_class(Object* t) {
  return is_instance(t, &type_type) && is_subtype(static_cast<TypeObject*>(t), &exc_BaseExceptionGroup);
}

// except* ExceptionGroup makes no sense: the clause always receives a group.
bool check_star_type(ThreadState* ts, Object* type) {
  bool group = is_group_class(type);
  if (is_tuple(type))
    for (Py_ssize_t i = 0; i < tuple_size(type); ++i) group |= is_group_class(tuple_get(type, i));
  if (group) {
    raise(ts, &exc_TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
    return false;
  }
  return true;
}

// The ids of the leaf exceptions in exc (a group or a single exception).
bool collect_leaf_ids(ThreadState* ts, Object* exc, Object* ids) {
  if (exc == py_none()) return true;
  if (!is_exception_group(exc)) {
    Object* id = new_int(ts, static_cast<std::int64_t>(reinterpret_cast<std::intptr_t>(exc)));
    bool ok = set_add(ts, ids, id);
    decref(id);
    return ok;
  }
  Object* excs = static_cast<ExceptionGroupObject*>(exc)->exceptions;
  for (Py_ssize_t i = 0; i < tuple_size(excs); ++i)
    if (!collect_leaf_ids(ts, tuple_get(excs, i), ids)) return false;
  return true;
}

bool same_metadata(Object* a, Object* b) {
  auto* x = static_cast<ExceptionObject*>(a);
  auto* y = static_cast<ExceptionObject*>(b);
  return x->notes == y->notes && x->cause == y->cause && x->context == y->context && same_traceback(a, b);
}

// The part of `group` whose leaves appear in `keep` (a list of exceptions), or None.
Object* project(ThreadState* ts, Object* group, Object* keep) {
  if (list_items(keep).empty()) return newref(py_none());
  Object* ids = new_set(ts);
  for (Object* e : list_items(keep)) {
    if (!collect_leaf_ids(ts, e, ids)) {
      decref(ids);
      return nullptr;
    }
  }
  SplitResult r;
  bool ok = exception_group_split(ts, group, GroupMatcher::ByLeafIdentity, ids, false, r);
  decref(ids);
  if (!ok) return nullptr;
  return r.match ? r.match : newref(py_none());
}

}  // namespace

bool except_star_match(ThreadState* ts, Object* exc, Object* type, Object*& match, Object*& rest) {
  match = rest = nullptr;
  // The same validation as `except`, then the except*-only rule.
  if (exception_matches(ts, exc, type) < 0 || !check_star_type(ts, type)) return false;
  if (exc == py_none()) {
    match = newref(py_none());
    rest = newref(py_none());
    return true;
  }
  if (exception_matches(ts, exc, type) == 1) {
    if (is_exception_group(exc)) {
      match = newref(exc);
    } else {
      Object* excs = new_tuple(ts, 1);
      tuple_set(excs, 0, newref(exc));
      match = new_exception_group(ts, "", excs);
      decref(excs);
      if (!match) return false;
      copy_exception_traceback(match, exc);
    }
    rest = newref(py_none());
    return true;
  }
  if (is_exception_group(exc)) {
    Object* matcher = type;
    SplitResult r;
    if (!exception_group_split(ts, exc, GroupMatcher::ByType, matcher, true, r)) return false;
    match = r.match ? r.match : newref(py_none());
    rest = r.rest ? r.rest : newref(py_none());
    return true;
  }
  match = newref(py_none());
  rest = newref(py_none());
  return true;
}

Object* prep_reraise_star(ThreadState* ts, Object* orig, Object* excs) {
  std::vector<Object*>& items = list_items(excs);
  if (items.empty()) return newref(py_none());
  if (!is_exception_group(orig)) {
    // A naked exception was wrapped: only one clause ran, so at most one to raise.
    return newref(items[0]);
  }
  Object* raised = new_list(ts);
  Object* reraised = new_list(ts);
  Object* result = nullptr;
  bool ok = true;
  for (Object* e : items) {
    if (e == py_none()) continue;
    ok = ok && list_append(ts, same_metadata(e, orig) ? reraised : raised, e);
  }
  Object* reraised_group = ok ? project(ts, orig, reraised) : nullptr;
  if (reraised_group) {
    if (list_items(raised).empty()) {
      result = reraised_group;
    } else {
      if (reraised_group != py_none()) ok = list_append(ts, raised, reraised_group);
      decref(reraised_group);
      if (ok) {
        result = list_items(raised).size() > 1 ? new_exception_group(ts, "", raised) : newref(list_items(raised)[0]);
      }
    }
  }
  decref(raised);
  decref(reraised);
  return result;
}

}  // namespace terrarium
