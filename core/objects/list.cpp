// list storage, the sequence protocol (indexing, slicing, slice assignment), comparison,
// repr, iteration and the core methods. CPython: Objects/listobject.c.
#include "objects/list.hpp"

#include <algorithm>
#include <string>
#include "objects/abstract.hpp"
#include "objects/exceptions.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/slice.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

struct ListIterObject : Object {
  Object* list;  // null once exhausted
  Py_ssize_t index;
};

void list_dealloc(Object* o) {
  auto* l = static_cast<ListObject*>(o);
  // Release items in CPython's order (last to first) so __del__ output matches.
  auto* items = l->items;
  l->items = nullptr;
  if (items) {
    for (auto it = items->rbegin(); it != items->rend(); ++it) xdecref(*it);
    delete items;
  }
  object_free(o);
}

void list_traverse(Object* o, VisitProc visit, void* arg) {
  if (auto* items = static_cast<ListObject*>(o)->items)
    for (Object* item : *items)
      if (item) visit(item, arg);
}

void list_clear(Object* o) {
  auto* l = static_cast<ListObject*>(o);
  if (!l->items) return;
  std::vector<Object*> old;
  old.swap(*l->items);  // the list is empty before any item's __del__ runs
  for (auto it = old.rbegin(); it != old.rend(); ++it) xdecref(*it);
}

Object* list_repr(ThreadState* ts, Object* o) {
  auto& items = list_items(o);
  if (items.empty()) return new_str(ts, "[]");
  if (ts->repr_depth > 900) return raise(ts, &exc_RecursionError, "maximum recursion depth exceeded while getting the repr of an object");
  // A list that contains itself prints as [...] (CPython: Py_ReprEnter).
  for (Object* active : ts->repr_stack)
    if (active == o) return new_str(ts, "[...]");
  ts->repr_stack.push_back(o);
  std::string out = "[";
  bool ok = true;
  for (std::size_t i = 0; i < items.size() && ok; ++i) {
    if (i) out += ", ";
    Object* item = newref(items[i]);
    std::string r;
    ok = repr_string(ts, item, r);
    decref(item);
    out += r;
  }
  ts->repr_stack.pop_back();
  if (!ok) return nullptr;
  return new_str(ts, out + "]");
}

Py_ssize_t list_length(ThreadState*, Object* o) { return static_cast<Py_ssize_t>(list_items(o).size()); }
int list_bool(ThreadState*, Object* o) { return !list_items(o).empty(); }

Object* list_subscript(ThreadState* ts, Object* o, Object* key) {
  auto& items = list_items(o);
  if (is_slice(key)) {
    Py_ssize_t start, stop, step;
    Py_ssize_t n = slice_indices(ts, key, static_cast<Py_ssize_t>(items.size()), start, stop, step);
    if (n < 0) return nullptr;
    Object* r = new_list(ts);
    auto& out = list_items(r);
    out.reserve(static_cast<std::size_t>(n));
    for (Py_ssize_t i = 0, j = start; i < n; ++i, j += step) out.push_back(newref(items[static_cast<std::size_t>(j)]));
    return r;
  }
  if (!is_int(key) && !key->ob_type->nb_index)
    return raise(ts, &exc_TypeError, std::string("list indices must be integers or slices, not ") + key->ob_type->tp_name);
  Py_ssize_t i;
  if (!sequence_index(ts, key, static_cast<Py_ssize_t>(items.size()), "list", i)) return nullptr;
  return newref(items[static_cast<std::size_t>(i)]);
}

int list_ass_slice(ThreadState* ts, Object* o, Object* key, Object* value) {
  auto& items = list_items(o);
  Py_ssize_t start, stop, step;
  Py_ssize_t n = slice_indices(ts, key, static_cast<Py_ssize_t>(items.size()), start, stop, step);
  if (n < 0) return -1;
  std::vector<Object*> removed;
  if (!value) {
    if (step == 1) {
      removed.assign(items.begin() + start, items.begin() + start + n);
      items.erase(items.begin() + start, items.begin() + start + n);
    } else {
      std::vector<bool> drop(items.size(), false);
      for (Py_ssize_t i = 0, j = start; i < n; ++i, j += step) drop[static_cast<std::size_t>(j)] = true;
      std::vector<Object*> kept;
      for (std::size_t i = 0; i < items.size(); ++i) (drop[i] ? removed : kept).push_back(items[i]);
      items = std::move(kept);
    }
    for (Object* r : removed) decref(r);
    return 0;
  }
  std::vector<Object*> incoming;
  if (!for_each_item(ts, value, [&](Object* v) { incoming.push_back(newref(v)); return true; })) {
    for (Object* v : incoming) decref(v);
    return -1;
  }
  if (step == 1) {
    if (stop < start) stop = start;
    removed.assign(items.begin() + start, items.begin() + start + n);
    items.erase(items.begin() + start, items.begin() + start + n);
    items.insert(items.begin() + start, incoming.begin(), incoming.end());
  } else {
    if (static_cast<Py_ssize_t>(incoming.size()) != n) {
      raise(ts, &exc_ValueError, "attempt to assign sequence of size " + std::to_string(incoming.size()) +
                                     " to extended slice of size " + std::to_string(n));
      for (Object* v : incoming) decref(v);
      return -1;
    }
    for (Py_ssize_t i = 0, j = start; i < n; ++i, j += step) {
      removed.push_back(items[static_cast<std::size_t>(j)]);
      items[static_cast<std::size_t>(j)] = incoming[static_cast<std::size_t>(i)];
    }
  }
  for (Object* r : removed) decref(r);
  return 0;
}

int list_ass_subscript(ThreadState* ts, Object* o, Object* key, Object* value) {
  if (is_slice(key)) return list_ass_slice(ts, o, key, value);
  auto& items = list_items(o);
  if (!is_int(key) && !key->ob_type->nb_index) {
    raise(ts, &exc_TypeError, std::string("list indices must be integers or slices, not ") + key->ob_type->tp_name);
    return -1;
  }
  Py_ssize_t i;
  if (!sequence_index(ts, key, static_cast<Py_ssize_t>(items.size()), "list assignment", i)) return -1;
  Object* old = items[static_cast<std::size_t>(i)];
  if (value) {
    items[static_cast<std::size_t>(i)] = newref(value);
  } else {
    items.erase(items.begin() + i);
  }
  decref(old);
  return 0;
}

int list_contains(ThreadState* ts, Object* o, Object* item) {
  auto& items = list_items(o);
  for (std::size_t i = 0; i < items.size(); ++i) {
    Object* x = newref(items[i]);
    int eq = object_equal(ts, x, item);
    decref(x);
    if (eq != 0) return eq;
  }
  return 0;
}

Object* list_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  if (!is_list(a) || !is_list(b)) return newref(py_not_implemented());
  auto& x = list_items(a);
  auto& y = list_items(b);
  if ((op == CompareOp::Eq || op == CompareOp::Ne) && x.size() != y.size()) return new_bool(op == CompareOp::Ne);
  std::size_t i = 0;
  for (; i < x.size() && i < y.size(); ++i) {
    Object* p = newref(x[i]);
    Object* q = newref(y[i]);
    int eq = object_equal(ts, p, q);
    if (eq <= 0) {
      if (eq < 0 || op == CompareOp::Eq || op == CompareOp::Ne) {
        decref(p), decref(q);
        return eq < 0 ? nullptr : new_bool(op == CompareOp::Ne);
      }
      Object* r = rich_compare(ts, p, q, op);
      decref(p), decref(q);
      return r;
    }
    decref(p), decref(q);
  }
  std::size_t nx = x.size(), ny = y.size();
  bool r = false;
  switch (op) {
    case CompareOp::Lt: r = nx < ny; break;
    case CompareOp::Le: r = nx <= ny; break;
    case CompareOp::Eq: r = nx == ny; break;
    case CompareOp::Ne: r = nx != ny; break;
    case CompareOp::Gt: r = nx > ny; break;
    case CompareOp::Ge: r = nx >= ny; break;
  }
  return new_bool(r);
}

Object* list_concat(ThreadState* ts, Object* a, Object* b) {
  if (!is_list(a) || !is_list(b)) {
    if (is_list(a))
      return raise(ts, &exc_TypeError, std::string("can only concatenate list (not \"") + b->ob_type->tp_name + "\") to list");
    return newref(py_not_implemented());
  }
  Object* r = new_list(ts);
  auto& out = list_items(r);
  for (Object* v : list_items(a)) out.push_back(newref(v));
  for (Object* v : list_items(b)) out.push_back(newref(v));
  return r;
}

Object* list_repeat(ThreadState* ts, Object* a, Object* b) {
  Object* list = is_list(a) ? a : b;
  Object* n = is_list(a) ? b : a;
  if (!is_list(list) || !is_int(n)) return newref(py_not_implemented());
  std::int64_t count = int_value(n);
  Object* r = new_list(ts);
  auto& out = list_items(r);
  auto& src = list_items(list);
  for (std::int64_t k = 0; k < count; ++k)
    for (Object* v : src) out.push_back(newref(v));
  return r;
}

Object* list_inplace_concat(ThreadState* ts, Object* a, Object* b) {
  if (!list_extend(ts, a, b)) return nullptr;
  return newref(a);
}

Object* list_iter(ThreadState* ts, Object* o) {
  auto* it = static_cast<ListIterObject*>(object_alloc(&list_iterator_type, sizeof(ListIterObject)));
  it->list = newref(o);
  it->index = 0;
  return it;
}
Object* list_iternext(ThreadState*, Object* o) {
  auto* it = static_cast<ListIterObject*>(o);
  if (!it->list) return nullptr;
  auto& items = list_items(it->list);
  if (it->index < static_cast<Py_ssize_t>(items.size())) return newref(items[static_cast<std::size_t>(it->index++)]);
  Object* l = it->list;
  it->list = nullptr;
  decref(l);
  return nullptr;
}
void list_iter_dealloc(Object* o) {
  xdecref(static_cast<ListIterObject*>(o)->list);
  object_free(o);
}
Object* self_iter(ThreadState*, Object* o) { return newref(o); }

Object* list_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(ts, &exc_TypeError, "list() takes no keyword arguments");
  if (nargs > 1) return raise(ts, &exc_TypeError, "list expected at most 1 argument, got " + std::to_string(nargs));
  auto* l = static_cast<ListObject*>(object_alloc(type, type->tp_basicsize));
  l->items = new std::vector<Object*>();
  return l;
}
int list_init(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object*) {
  auto& items = list_items(self);
  for (Object* v : items) decref(v);
  items.clear();
  if (nargs == 1 && !list_extend(ts, self, args[0])) return -1;
  return 0;
}

// ---- methods ----------------------------------------------------------------------
std::nullptr_t arg_count_error(ThreadState* ts, const char* name, std::size_t expected, std::size_t got) {
  return raise(ts, &exc_TypeError, std::string(name) + "() takes exactly " + (expected == 1 ? "one argument" : std::to_string(expected) + " arguments") +
                                       " (" + std::to_string(got) + " given)");
}

Object* m_append(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  if (n != 1) return raise(ts, &exc_TypeError, "list.append() takes exactly one argument (" + std::to_string(n) + " given)");
  if (!list_append(ts, self, a[0])) return nullptr;
  return newref(py_none());
}
Object* m_extend(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  if (n != 1) return raise(ts, &exc_TypeError, "list.extend() takes exactly one argument (" + std::to_string(n) + " given)");
  if (!list_extend(ts, self, a[0])) return nullptr;
  return newref(py_none());
}
Object* m_pop(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  auto& items = list_items(self);
  if (n > 1) return raise(ts, &exc_TypeError, "pop expected at most 1 argument, got " + std::to_string(n));
  if (items.empty()) return raise(ts, &exc_IndexError, "pop from empty list");
  Py_ssize_t i = static_cast<Py_ssize_t>(items.size()) - 1;
  if (n == 1 && !sequence_index(ts, a[0], static_cast<Py_ssize_t>(items.size()), "pop", i)) return nullptr;
  Object* v = items[static_cast<std::size_t>(i)];
  items.erase(items.begin() + i);
  return v;
}
Object* m_insert(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  if (n != 2) return raise(ts, &exc_TypeError, "insert expected 2 arguments, got " + std::to_string(n));
  auto& items = list_items(self);
  std::int64_t i;
  if (!index_value(ts, a[0], i)) return nullptr;
  auto size = static_cast<std::int64_t>(items.size());
  if (i < 0) i = std::max<std::int64_t>(0, i + size);
  if (i > size) i = size;
  items.insert(items.begin() + i, newref(a[1]));
  return newref(py_none());
}
Object* m_index(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  if (n < 1) return raise(ts, &exc_TypeError, "index expected at least 1 argument, got 0");
  auto& items = list_items(self);
  for (std::size_t i = 0; i < items.size(); ++i) {
    Object* x = newref(items[i]);
    int eq = object_equal(ts, x, a[0]);
    decref(x);
    if (eq < 0) return nullptr;
    if (eq) return new_int(ts, static_cast<std::int64_t>(i));
  }
  std::string r;
  if (!repr_string(ts, a[0], r)) return nullptr;
  return raise(ts, &exc_ValueError, r + " is not in list");
}
Object* m_count(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  if (n != 1) return arg_count_error(ts, "count", 1, n);
  std::int64_t count = 0;
  auto& items = list_items(self);
  for (std::size_t i = 0; i < items.size(); ++i) {
    Object* x = newref(items[i]);
    int eq = object_equal(ts, x, a[0]);
    decref(x);
    if (eq < 0) return nullptr;
    count += eq;
  }
  return new_int(ts, count);
}
Object* m_remove(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  if (n != 1) return arg_count_error(ts, "remove", 1, n);
  auto& items = list_items(self);
  for (std::size_t i = 0; i < items.size(); ++i) {
    Object* x = newref(items[i]);
    int eq = object_equal(ts, x, a[0]);
    decref(x);
    if (eq < 0) return nullptr;
    if (eq) {
      Object* v = items[i];
      items.erase(items.begin() + static_cast<std::ptrdiff_t>(i));
      decref(v);
      return newref(py_none());
    }
  }
  return raise(ts, &exc_ValueError, "list.remove(x): x not in list");
}
Object* m_reverse(ThreadState*, Object* self, Object* const*, std::size_t, Object*) {
  auto& items = list_items(self);
  std::reverse(items.begin(), items.end());
  return newref(py_none());
}
Object* m_clear(ThreadState*, Object* self, Object* const*, std::size_t, Object*) {
  std::vector<Object*> old;
  old.swap(list_items(self));
  for (Object* v : old) decref(v);
  return newref(py_none());
}
Object* m_copy(ThreadState* ts, Object* self, Object* const*, std::size_t, Object*) {
  Object* r = new_list(ts);
  for (Object* v : list_items(self)) list_items(r).push_back(newref(v));
  return r;
}
Object* m_sort(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kwnames);

const MethodDef kListMethods[] = {
    {"append", m_append, METH_INSTANCE}, {"extend", m_extend, METH_INSTANCE}, {"pop", m_pop, METH_INSTANCE},
    {"insert", m_insert, METH_INSTANCE}, {"index", m_index, METH_INSTANCE}, {"count", m_count, METH_INSTANCE},
    {"remove", m_remove, METH_INSTANCE}, {"reverse", m_reverse, METH_INSTANCE}, {"clear", m_clear, METH_INSTANCE},
    {"copy", m_copy, METH_INSTANCE},     {"sort", m_sort, METH_INSTANCE},     {nullptr, nullptr, 0},
};

// list.sort(*, key=None, reverse=False): a stable merge sort that stops at the first
// failing comparison, like CPython's (which also detects mutation during the sort).
Object* m_sort(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kwnames) {
  if (n) return raise(ts, &exc_TypeError, "sort() takes no positional arguments");
  Object* key = nullptr;
  bool reverse = false;
  Py_ssize_t nkw = kwnames ? tuple_size(kwnames) : 0;
  if (nkw > 2)
    return raise(ts, &exc_TypeError, "sort() takes at most 2 keyword arguments (" + std::to_string(nkw) + " given)");
  for (Py_ssize_t k = 0; k < nkw; ++k) {
    std::string_view name = str_view(tuple_get(kwnames, k));
    if (name == "key") key = a[k] == py_none() ? nullptr : a[k];
    else if (name == "reverse") {
      int t = object_is_true(ts, a[k]);
      if (t < 0) return nullptr;
      reverse = t;
    } else {
      return raise(ts, &exc_TypeError, "'" + std::string(name) + "' is an invalid keyword argument for sort()");
    }
  }
  std::vector<Object*> items;
  items.swap(list_items(self));  // CPython empties the list while sorting
  std::vector<Object*> keys;
  bool ok = true;
  if (key) {
    for (Object* v : items) {
      Object* kv = call_object(ts, key, &v, 1, nullptr);
      if (!kv) { ok = false; break; }
      keys.push_back(kv);
    }
  } else {
    keys = items;
  }
  if (ok) {
    std::vector<std::size_t> order(items.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    if (reverse) std::reverse(order.begin(), order.end());  // stability with reverse: CPython reverses, sorts, reverses
    bool failed = false;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
      if (failed) return false;
      Object* r = rich_compare(ts, keys[x], keys[y], CompareOp::Lt);
      if (!r) { failed = true; return false; }
      int t = object_is_true(ts, r);
      decref(r);
      if (t < 0) { failed = true; return false; }
      return t == 1;
    });
    if (reverse) std::reverse(order.begin(), order.end());
    if (failed) ok = false;
    else {
      std::vector<Object*> sorted;
      sorted.reserve(items.size());
      for (std::size_t i : order) sorted.push_back(items[i]);
      items.swap(sorted);
    }
  }
  if (key)
    for (Object* kv : keys) decref(kv);
  // Items added during the sort are dropped, as CPython does after raising.
  auto& now = list_items(self);
  for (Object* v : now) decref(v);
  now.swap(items);
  if (!ok) return nullptr;
  return newref(py_none());
}

}  // namespace

TypeObject list_type = [] {
  TypeObject t = make_static_type("list", sizeof(ListObject), &object_type);
  t.tp_flags = TPFLAGS_BASETYPE | TPFLAGS_SEQUENCE | TPFLAGS_MATCH_SELF | TPFLAGS_HAVE_GC;
  t.tp_traverse = list_traverse;
  t.tp_clear = list_clear;
  t.tp_dealloc = list_dealloc;
  t.tp_repr = list_repr;
  t.tp_hash = nullptr;
  t.tp_richcompare = list_richcompare;
  t.mp_length = list_length;
  t.mp_subscript = list_subscript;
  t.mp_ass_subscript = list_ass_subscript;
  t.sq_contains = list_contains;
  t.nb_bool = list_bool;
  t.nb_binary[static_cast<int>(BinaryOp::Add)] = list_concat;
  t.nb_binary[static_cast<int>(BinaryOp::Multiply)] = list_repeat;
  t.nb_inplace[static_cast<int>(BinaryOp::Add)] = list_inplace_concat;
  t.tp_iter = list_iter;
  t.tp_new = list_new;
  t.tp_init = list_init;
  t.tp_methods = kListMethods;
  return t;
}();

namespace {
// operator.length_hint / list(it) presizing: the items not yet produced.
Object* list_iter_length_hint(ThreadState* ts, Object* self, Object* const*, std::size_t, Object*) {
  auto* it = static_cast<ListIterObject*>(self);
  Py_ssize_t left = 0;
  if (it->list) left = std::max<Py_ssize_t>(0, static_cast<Py_ssize_t>(list_items(it->list).size()) - it->index);
  return new_int(ts, left);
}
const MethodDef kListIterMethods[] = {{"__length_hint__", list_iter_length_hint, METH_INSTANCE}, {nullptr, nullptr, 0}};
}  // namespace

TypeObject list_iterator_type = [] {
  TypeObject t = make_static_type("list_iterator", sizeof(ListIterObject), &object_type);
  t.tp_dealloc = list_iter_dealloc;
  t.tp_iter = self_iter;
  t.tp_iternext = list_iternext;
  t.tp_methods = kListIterMethods;
  return t;
}();

Object* new_list(ThreadState*) {
  auto* l = static_cast<ListObject*>(object_alloc(&list_type, sizeof(ListObject)));
  l->items = new std::vector<Object*>();
  return l;
}

Object* new_list_steal(ThreadState* ts, Object* const* items, int count) {
  Object* l = new_list(ts);
  list_items(l).assign(items, items + count);
  return l;
}

bool list_append(ThreadState*, Object* list, Object* v) {
  list_items(list).push_back(newref(v));
  return true;
}

bool list_extend(ThreadState* ts, Object* list, Object* iterable) {
  if (is_list(iterable) || is_tuple(iterable)) {
    // Copy first: `x.extend(x)` must not see its own growth.
    std::vector<Object*> src = is_list(iterable) ? list_items(iterable) : std::vector<Object*>(
        static_cast<TupleObject*>(iterable)->items, static_cast<TupleObject*>(iterable)->items + tuple_size(iterable));
    for (Object* v : src) list_items(list).push_back(newref(v));
    return true;
  }
  return for_each_item(ts, iterable, [&](Object* v) { list_items(list).push_back(newref(v)); return true; });
}

Object* list_as_tuple(ThreadState* ts, Object* list) {
  auto& items = list_items(list);
  Object* t = new_tuple(ts, static_cast<Py_ssize_t>(items.size()));
  for (std::size_t i = 0; i < items.size(); ++i) tuple_set(t, static_cast<Py_ssize_t>(i), newref(items[i]));
  return t;
}

}  // namespace terrarium
