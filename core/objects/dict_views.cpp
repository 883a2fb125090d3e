// dict methods, iterators and views. Iterators detect a dict changing size under them,
// with CPython's RuntimeError text.
#include "objects/dict_views.hpp"

#include <string>
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/list.hpp"
#include "objects/set.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

enum class ViewKind { Keys, Values, Items };

struct DictViewObject : Object {
  Object* dict;
  ViewKind kind;
};
struct DictIterObject : Object {
  Object* dict;  // null when exhausted
  std::size_t pos;
  Py_ssize_t expected_used;
  ViewKind kind;
  bool reverse;  // reversed(d): pos counts down; entries below pos remain
};

DictObject* as_dict(Object* o) { return static_cast<DictObject*>(o); }

Object* make_iter(ThreadState*, Object* dict, ViewKind kind) {
  auto* it = static_cast<DictIterObject*>(object_alloc(&dict_iterator_type, sizeof(DictIterObject)));
  it->dict = newref(dict);
  it->pos = 0;
  it->expected_used = as_dict(dict)->used;
  it->kind = kind;
  it->reverse = false;
  return it;
}

Object* make_reverse_iter(ThreadState*, Object* dict) {
  auto* it = static_cast<DictIterObject*>(object_alloc(&dict_reverse_iterator_type, sizeof(DictIterObject)));
  it->dict = newref(dict);
  it->pos = as_dict(dict)->entries->size();
  it->expected_used = as_dict(dict)->used;
  it->kind = ViewKind::Keys;
  it->reverse = true;
  return it;
}

void iter_dealloc(Object* o) {
  xdecref(static_cast<DictIterObject*>(o)->dict);
  object_free(o);
}
Object* self_iter(ThreadState*, Object* o) { return newref(o); }
Object* iter_next_item(ThreadState* ts, Object* o) {
  auto* it = static_cast<DictIterObject*>(o);
  if (!it->dict) return nullptr;
  DictObject* d = as_dict(it->dict);
  if (d->used != it->expected_used) {
    it->expected_used = -1;  // stays broken, as in CPython
    return raise(ts, &exc_RuntimeError, "dictionary changed size during iteration");
  }
  auto& entries = *d->entries;
  if (it->reverse) {
    while (it->pos > 0 && !entries[it->pos - 1].key) --it->pos;
    if (it->pos == 0) {
      Object* dict = it->dict;
      it->dict = nullptr;
      decref(dict);
      return nullptr;
    }
    return newref(entries[--it->pos].key);
  }
  while (it->pos < entries.size() && !entries[it->pos].key) ++it->pos;
  if (it->pos >= entries.size()) {
    Object* dict = it->dict;
    it->dict = nullptr;
    decref(dict);
    return nullptr;
  }
  DictEntry& e = entries[it->pos++];
  switch (it->kind) {
    case ViewKind::Keys: return newref(e.key);
    case ViewKind::Values: return newref(e.value);
    case ViewKind::Items: {
      Object* t = new_tuple(ts, 2);
      tuple_set(t, 0, newref(e.key));
      tuple_set(t, 1, newref(e.value));
      return t;
    }
  }
  return nullptr;
}

Object* make_view(ThreadState*, Object* dict, ViewKind kind) {
  TypeObject* t = kind == ViewKind::Keys ? &dict_keys_type : kind == ViewKind::Values ? &dict_values_type : &dict_items_type;
  auto* v = static_cast<DictViewObject*>(object_alloc(t, sizeof(DictViewObject)));
  v->dict = newref(dict);
  v->kind = kind;
  return v;
}
void view_dealloc(Object* o) {
  decref(static_cast<DictViewObject*>(o)->dict);
  object_free(o);
}
Py_ssize_t view_len(ThreadState*, Object* o) { return as_dict(static_cast<DictViewObject*>(o)->dict)->used; }
Object* view_iter(ThreadState* ts, Object* o) {
  auto* v = static_cast<DictViewObject*>(o);
  return make_iter(ts, v->dict, v->kind);
}
Object* view_repr(ThreadState* ts, Object* o) {
  Object* items = new_list(ts);
  if (!list_extend(ts, items, o)) {
    decref(items);
    return nullptr;
  }
  std::string r;
  bool ok = repr_string(ts, items, r);
  decref(items);
  if (!ok) return nullptr;
  return new_str(ts, std::string(o->ob_type->tp_name) + "(" + r + ")");
}
int keys_contains(ThreadState* ts, Object* o, Object* key) {
  Object* v = dict_get_item(ts, static_cast<DictViewObject*>(o)->dict, key);
  return v ? 1 : (ts->curexc ? -1 : 0);
}
int items_contains(ThreadState* ts, Object* o, Object* item) {
  if (!is_tuple(item) || tuple_size(item) != 2) return 0;
  Object* v = dict_get_item(ts, static_cast<DictViewObject*>(o)->dict, tuple_get(item, 0));
  if (!v) return ts->curexc ? -1 : 0;
  incref(v);
  int r = object_equal(ts, v, tuple_get(item, 1));
  decref(v);
  return r;
}

// Keys and items views are set-like: the operators take any iterable and answer with a
// set; comparisons accept sets and other set-like views. CPython: dictviews_and,
// dictviews_or, dictviews_sub, dictviews_xor, dictview_richcompare.
Object* as_set(ThreadState* ts, Object* iterable) {
  Object* set = new_set(ts);
  if (!set) return nullptr;
  if (!set_update(ts, set, iterable)) {
    decref(set);
    return nullptr;
  }
  return set;
}

// combine(set(a), set(b)), releasing both sets.
template <typename Combine>
Object* with_both_as_sets(ThreadState* ts, Object* a, Object* b, Combine&& combine) {
  Object* left = as_set(ts, a);
  if (!left) return nullptr;
  Object* right = as_set(ts, b);
  if (!right) {
    decref(left);
    return nullptr;
  }
  Object* result = combine(left, right);
  decref(left);
  decref(right);
  return result;
}

template <BinaryOp Op>
Object* view_set_op(ThreadState* ts, Object* a, Object* b) {
  return with_both_as_sets(ts, a, b, [&](Object* l, Object* r) { return binary_op(ts, l, r, Op); });
}

bool is_set_like(Object* o) {
  TypeObject* t = o->ob_type;
  return is_instance(o, &set_type) || is_instance(o, &frozenset_type) || t == &dict_keys_type || t == &dict_items_type;
}

Object* view_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  if (!is_set_like(a) || !is_set_like(b)) return newref(py_not_implemented());
  return with_both_as_sets(ts, a, b, [&](Object* l, Object* r) { return rich_compare(ts, l, r, op); });
}

void make_set_like(TypeObject& t) {
  t.nb_binary[static_cast<int>(BinaryOp::And)] = view_set_op<BinaryOp::And>;
  t.nb_binary[static_cast<int>(BinaryOp::Or)] = view_set_op<BinaryOp::Or>;
  t.nb_binary[static_cast<int>(BinaryOp::Subtract)] = view_set_op<BinaryOp::Subtract>;
  t.nb_binary[static_cast<int>(BinaryOp::Xor)] = view_set_op<BinaryOp::Xor>;
  t.tp_richcompare = view_richcompare;
}

TypeObject make_view_type(const char* name) {
  TypeObject t = make_static_type(name, sizeof(DictViewObject), &object_type);
  t.tp_dealloc = view_dealloc;
  t.mp_length = view_len;
  t.tp_iter = view_iter;
  t.tp_repr = view_repr;
  t.tp_hash = nullptr;
  return t;
}

// ---- methods -------------------------------------------------------------------------
std::nullptr_t key_error(ThreadState* ts, Object* key) {
  Object* exc = new_exception(ts, &exc_KeyError, "");
  Object* args = new_tuple(ts, 1);
  tuple_set(args, 0, newref(key));
  auto* e = static_cast<ExceptionObject*>(exc);
  decref(e->args);
  e->args = args;
  return raise_object(ts, exc);
}

Object* m_get(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  if (n < 1 || n > 2) return raise(ts, &exc_TypeError, "get expected at most 2 arguments, got " + std::to_string(n));
  Object* v = dict_get_item(ts, self, a[0]);
  if (v) return newref(v);
  if (ts->curexc) return nullptr;
  return newref(n == 2 ? a[1] : py_none());
}
Object* m_setdefault(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  if (n < 1 || n > 2) return raise(ts, &exc_TypeError, "setdefault expected at most 2 arguments, got " + std::to_string(n));
  Object* v = dict_get_item(ts, self, a[0]);
  if (v) return newref(v);
  if (ts->curexc) return nullptr;
  Object* def = n == 2 ? a[1] : py_none();
  if (!dict_set_item(ts, self, a[0], def)) return nullptr;
  return newref(def);
}
Object* m_pop(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  if (n < 1 || n > 2) return raise(ts, &exc_TypeError, "pop expected at most 2 arguments, got " + std::to_string(n));
  Object* v = dict_get_item(ts, self, a[0]);
  if (!v) {
    if (ts->curexc) return nullptr;
    if (n == 2) return newref(a[1]);
    return key_error(ts, a[0]);
  }
  incref(v);
  if (dict_del_item(ts, self, a[0]) < 0) {
    decref(v);
    return nullptr;
  }
  return v;
}
Object* m_popitem(ThreadState* ts, Object* self, Object* const*, std::size_t, Object*) {
  auto& entries = *as_dict(self)->entries;
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    if (!it->key) continue;
    Object* t = new_tuple(ts, 2);
    tuple_set(t, 0, newref(it->key));
    tuple_set(t, 1, newref(it->value));
    if (dict_del_item(ts, self, it->key) < 0) {
      decref(t);
      return nullptr;
    }
    return t;
  }
  return raise(ts, &exc_KeyError, "popitem(): dictionary is empty");
}
Object* m_keys(ThreadState* ts, Object* self, Object* const*, std::size_t, Object*) { return make_view(ts, self, ViewKind::Keys); }
Object* m_values(ThreadState* ts, Object* self, Object* const*, std::size_t, Object*) {
  return make_view(ts, self, ViewKind::Values);
}
Object* m_items(ThreadState* ts, Object* self, Object* const*, std::size_t, Object*) {
  return make_view(ts, self, ViewKind::Items);
}
Object* m_update(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kwnames) {
  if (n > 1) return raise(ts, &exc_TypeError, "update expected at most 1 argument, got " + std::to_string(n));
  if (n == 1 && !dict_merge(ts, self, a[0], true)) return nullptr;
  for (Py_ssize_t k = 0; kwnames && k < tuple_size(kwnames); ++k)
    if (!dict_set_item(ts, self, tuple_get(kwnames, k), a[n + k])) return nullptr;
  return newref(py_none());
}
Object* m_copy(ThreadState* ts, Object* self, Object* const*, std::size_t, Object*) {
  Object* d = new_dict(ts);
  if (!dict_merge(ts, d, self, true)) {
    decref(d);
    return nullptr;
  }
  return d;
}
Object* m_clear(ThreadState* ts, Object* self, Object* const*, std::size_t, Object*) {
  std::vector<Object*> keys;
  for (DictEntry& e : *as_dict(self)->entries)
    if (e.key) keys.push_back(newref(e.key));
  for (Object* k : keys) {
    if (dict_del_item(ts, self, k) < 0) clear_error(ts);
    decref(k);
  }
  return newref(py_none());
}
Object* m_fromkeys(ThreadState* ts, Object* cls, Object* const* a, std::size_t n, Object*) {
  if (n < 1 || n > 2) return raise(ts, &exc_TypeError, "fromkeys expected at most 2 arguments, got " + std::to_string(n));
  Object* d = call_object(ts, cls, nullptr, 0, nullptr);
  if (!d) return nullptr;
  Object* value = n == 2 ? a[1] : py_none();
  if (!for_each_item(ts, a[0], [&](Object* k) { return set_item(ts, d, k, value) == 0; })) {
    decref(d);
    return nullptr;
  }
  return d;
}

// reversed(d): keys, last inserted first. CPython: dict___reversed___impl.
Object* m_reversed(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object*) {
  if (nargs != 0) return raise(ts, &exc_TypeError, "__reversed__() takes no arguments");
  return make_reverse_iter(ts, self);
}

}  // namespace

const MethodDef kDictMethods[] = {
    {"__reversed__", m_reversed, METH_INSTANCE},
    {"get", m_get, METH_INSTANCE},       {"setdefault", m_setdefault, METH_INSTANCE},
    {"pop", m_pop, METH_INSTANCE},       {"popitem", m_popitem, METH_INSTANCE},
    {"keys", m_keys, METH_INSTANCE},     {"values", m_values, METH_INSTANCE},
    {"items", m_items, METH_INSTANCE},   {"update", m_update, METH_INSTANCE},
    {"copy", m_copy, METH_INSTANCE},     {"clear", m_clear, METH_INSTANCE},
    {"fromkeys", m_fromkeys, METH_CLASS}, {nullptr, nullptr, 0},
};

TypeObject dict_keys_type = [] {
  TypeObject t = make_view_type("dict_keys");
  t.sq_contains = keys_contains;
  make_set_like(t);
  return t;
}();
TypeObject dict_values_type = make_view_type("dict_values");
TypeObject dict_items_type = [] {
  TypeObject t = make_view_type("dict_items");
  t.sq_contains = items_contains;
  make_set_like(t);
  return t;
}();
TypeObject dict_iterator_type = [] {
  TypeObject t = make_static_type("dict_keyiterator", sizeof(DictIterObject), &object_type);
  t.tp_dealloc = iter_dealloc;
  t.tp_iter = self_iter;
  t.tp_iternext = iter_next_item;
  return t;
}();

TypeObject dict_reverse_iterator_type = [] {
  TypeObject t = make_static_type("dict_reversekeyiterator", sizeof(DictIterObject), &object_type);
  t.tp_dealloc = iter_dealloc;
  t.tp_iter = self_iter;
  t.tp_iternext = iter_next_item;
  return t;
}();

int dict_init(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* r = m_update(ts, self, args, nargs, kwnames);
  if (!r) return -1;
  decref(r);
  return 0;
}

Object* dict_iter_keys(ThreadState* ts, Object* dict) { return make_iter(ts, dict, ViewKind::Keys); }

}  // namespace terrarium
