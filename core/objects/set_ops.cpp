// Set algebra and the methods of set and frozenset: union, intersection, difference and
// symmetric difference (and their _update and operator forms), subset tests, add,
// remove, discard, pop, clear, copy. The order in which each walks its operands is
// CPython's, since that decides the slot order of the result.
// CPython: Objects/setobject.c (set_intersection, set_difference, set_pop ...).
#include <string>
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/getargs.hpp"
#include "objects/set_internal.hpp"
#include "objects/singletons.hpp"
#include "objects/tuple.hpp"
#include "vm/thread_state.hpp"

namespace terrarium::set_impl {

namespace {

SetObject* as_set(Object* o) { return static_cast<SetObject*>(o); }

int contains_key(ThreadState* ts, SetObject* so, Object* key) {
  Py_hash_t hash = object_hash(ts, key);
  if (hash == -1) return -1;
  return set_contains_entry(ts, so, key, hash);
}

int discard_key(ThreadState* ts, SetObject* so, Object* key) {
  Py_hash_t hash = object_hash(ts, key);
  if (hash == -1) return -1;
  return set_discard_entry(ts, so, key, hash);
}

// Walks the active entries of a set: f(key, hash) returns 1 to go on, 0 to stop, -1 error.
template <class F>
int each_entry(SetObject* so, F&& f) {
  Py_ssize_t pos = 0;
  SetEntry* e;
  while (set_next(so, pos, e)) {
    Object* key = newref(e->key);
    int r = f(key, e->hash);
    decref(key);
    if (r <= 0) return r;
  }
  return 1;
}

}  // namespace

Object* set_intersection(ThreadState* ts, SetObject* so, Object* other) {
  if (so == other) return set_copy(ts, so);
  auto* result = as_set(make_new_set_basetype(ts, so->ob_type, nullptr));
  if (is_anyset(other)) {
    SetObject *big = so, *small = as_set(other);
    if (small->used > big->used) std::swap(big, small);
    int r = each_entry(small, [&](Object* key, Py_hash_t hash) {
      int in = set_contains_entry(ts, big, key, hash);
      if (in <= 0) return in < 0 ? -1 : 1;
      return set_add_entry(ts, result, key, hash) < 0 ? -1 : 1;
    });
    if (r < 0) return decref(result), nullptr;
    return result;
  }
  Object* it = get_iter(ts, other);
  if (!it) return decref(result), nullptr;
  while (Object* key = iter_next(ts, it)) {
    Py_hash_t hash = object_hash(ts, key);
    int in = hash == -1 ? -1 : set_contains_entry(ts, so, key, hash);
    if (in > 0 && set_add_entry(ts, result, key, hash) < 0) in = -1;
    decref(key);
    if (in < 0) return decref(it), decref(result), nullptr;
    if (in > 0 && result->used >= so->used) break;
  }
  decref(it);
  if (has_error(ts)) return decref(result), nullptr;
  return result;
}

int set_difference_update_internal(ThreadState* ts, SetObject* so, Object* other) {
  if (so == other) return set_clear_internal(so), 0;
  if (is_anyset(other)) {
    // When other is much larger, walking its intersection with so is cheaper.
    Object* walk = (set_size(other) >> 3) > so->used ? set_intersection(ts, so, other) : newref(other);
    if (!walk) return -1;
    int r = each_entry(as_set(walk), [&](Object* key, Py_hash_t hash) {
      return set_discard_entry(ts, so, key, hash) < 0 ? -1 : 1;
    });
    decref(walk);
    if (r < 0) return -1;
  } else {
    bool ok = for_each_item(ts, other, [&](Object* key) { return with_frozen_key(ts, key, discard_key, so) >= 0; });
    if (!ok) return -1;
  }
  // More than a quarter of the slots deleted: rebuild without them.
  if (so->fill - so->used <= so->mask / 4) return 0;
  set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
  return 0;
}

Object* set_difference(ThreadState* ts, SetObject* so, Object* other) {
  Py_ssize_t other_size;
  if (is_anyset(other)) other_size = set_size(other);
  else if (other->ob_type == &dict_type) other_size = dict_size(other);
  else other_size = -1;
  if (other_size < 0 || (so->used >> 2) > other_size) {
    Object* result = set_copy(ts, so);
    if (result && set_difference_update_internal(ts, as_set(result), other) < 0) return decref(result), nullptr;
    return result;
  }
  auto* result = as_set(make_new_set_basetype(ts, so->ob_type, nullptr));
  int r = each_entry(so, [&](Object* key, Py_hash_t hash) {
    int in;
    if (is_anyset(other)) {
      in = set_contains_entry(ts, as_set(other), key, hash);
    } else {
      Object* v = dict_get_item(ts, other, key);
      in = v ? 1 : has_error(ts) ? -1 : 0;
    }
    if (in < 0) return -1;
    if (!in && set_add_entry(ts, result, key, hash) < 0) return -1;
    return 1;
  });
  if (r < 0) return decref(result), nullptr;
  return result;
}

int set_symmetric_difference_update(ThreadState* ts, SetObject* so, Object* other) {
  if (so == other) return set_clear_internal(so), 0;
  Object* otherset = is_anyset(other) ? newref(other) : make_new_set_basetype(ts, so->ob_type, other);
  if (!otherset) return -1;
  int r = each_entry(as_set(otherset), [&](Object* key, Py_hash_t hash) {
    int removed = set_discard_entry(ts, so, key, hash);
    if (removed < 0) return -1;
    if (!removed && set_add_entry(ts, so, key, hash) < 0) return -1;
    return 1;
  });
  decref(otherset);
  return r < 0 ? -1 : 0;
}

Object* set_symmetric_difference(ThreadState* ts, SetObject* so, Object* other) {
  Object* result = make_new_set_basetype(ts, so->ob_type, other);
  if (!result) return nullptr;
  if (set_symmetric_difference_update(ts, as_set(result), so) < 0) return decref(result), nullptr;
  return result;
}

int set_issubset(ThreadState* ts, SetObject* so, Object* other) {
  if (!is_anyset(other)) {
    Object* tmp = make_new_set(ts, &set_type, other);
    if (!tmp) return -1;
    int r = set_issubset(ts, so, tmp);
    decref(tmp);
    return r;
  }
  if (so->used > set_size(other)) return 0;
  int r = each_entry(so, [&](Object* key, Py_hash_t hash) { return set_contains_entry(ts, as_set(other), key, hash); });
  return r;
}

int set_issuperset(ThreadState* ts, SetObject* so, Object* other) {
  if (is_anyset(other)) return set_issubset(ts, as_set(other), so);
  int result = 1;
  bool ok = for_each_item(ts, other, [&](Object* key) {
    int in = contains_key(ts, so, key);
    if (in <= 0) result = in;
    return in > 0;
  });
  if (!ok && result == 1) return -1;
  return has_error(ts) ? -1 : result;
}

namespace {

// ---- methods ------------------------------------------------------------------------

Object* none() { return newref(py_none()); }

Object* m_add(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  if (!one_arg(ts, "set.add", n, kw)) return nullptr;
  if (set_add_key(ts, as_set(self), a[0]) < 0) return nullptr;
  return none();
}

Object* m_discard(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  if (!one_arg(ts, "set.discard", n, kw)) return nullptr;
  if (with_frozen_key(ts, a[0], discard_key, as_set(self)) < 0) return nullptr;
  return none();
}

Object* m_remove(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  if (!one_arg(ts, "set.remove", n, kw)) return nullptr;
  int r = with_frozen_key(ts, a[0], discard_key, as_set(self));
  if (r < 0) return nullptr;
  if (r == 0) {
    // CPython: _PyErr_SetKeyError wraps the key so a tuple key prints as itself.
    Object* exc = call_object(ts, &exc_KeyError, a, 1, nullptr);
    return exc ? raise_object(ts, exc) : nullptr;
  }
  return none();
}

Object* m_pop(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  if (!no_args(ts, "set.pop", n, kw)) return nullptr;
  SetObject* so = as_set(self);
  if (so->used == 0) return raise(ts, &exc_KeyError, "pop from an empty set");
  Py_ssize_t i = so->finger & so->mask;
  while (!so->table[i].key || so->table[i].key == set_dummy()) i = i + 1 > so->mask ? 0 : i + 1;
  Object* key = so->table[i].key;
  so->table[i] = {set_dummy(), -1};
  --so->used;
  so->finger = i + 1;
  return key;
}

Object* m_clear(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  if (!no_args(ts, "set.clear", n, kw)) return nullptr;
  set_clear_internal(as_set(self));
  return none();
}

Object* m_set_copy(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  if (!no_args(ts, "set.copy", n, kw)) return nullptr;
  return set_copy(ts, self);
}

Object* m_frozenset_copy(ThreadState* ts, Object* self, Object* const*, std::size_t n, Object* kw) {
  if (!no_args(ts, "frozenset.copy", n, kw)) return nullptr;
  if (self->ob_type == &frozenset_type) return newref(self);
  return make_new_set(ts, &frozenset_type, self);
}

const char* qual(Object* self, const char* set_name, const char* frozen_name) {
  return is_set(self) ? set_name : frozen_name;
}

Object* m_union(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  if (!no_kwargs(ts, qual(self, "set.union", "frozenset.union"), kw)) return nullptr;
  Object* result = set_copy(ts, self);
  for (std::size_t i = 0; result && i < n; ++i)
    if (a[i] != self && set_update_internal(ts, as_set(result), a[i]) < 0) decref(result), result = nullptr;
  return result;
}

Object* m_update(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  if (!no_kwargs(ts, "set.update", kw)) return nullptr;
  for (std::size_t i = 0; i < n; ++i)
    if (set_update_internal(ts, as_set(self), a[i]) < 0) return nullptr;
  return none();
}

Object* m_intersection(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  if (!no_kwargs(ts, qual(self, "set.intersection", "frozenset.intersection"), kw)) return nullptr;
  if (n == 0) return set_copy(ts, self);
  Object* result = newref(self);
  for (std::size_t i = 0; i < n; ++i) {
    Object* next = set_intersection(ts, as_set(result), a[i]);
    decref(result);
    if (!next) return nullptr;
    result = next;
  }
  return result;
}

Object* m_intersection_update(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  Object* tmp = m_intersection(ts, self, a, n, kw);
  if (!tmp) return nullptr;
  set_swap_bodies(as_set(self), as_set(tmp));
  decref(tmp);
  return none();
}

Object* m_difference(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  if (!no_kwargs(ts, qual(self, "set.difference", "frozenset.difference"), kw)) return nullptr;
  if (n == 0) return set_copy(ts, self);
  Object* result = set_difference(ts, as_set(self), a[0]);
  for (std::size_t i = 1; result && i < n; ++i)
    if (set_difference_update_internal(ts, as_set(result), a[i]) < 0) decref(result), result = nullptr;
  return result;
}

Object* m_difference_update(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  if (!no_kwargs(ts, "set.difference_update", kw)) return nullptr;
  for (std::size_t i = 0; i < n; ++i)
    if (set_difference_update_internal(ts, as_set(self), a[i]) < 0) return nullptr;
  return none();
}

Object* m_symmetric_difference(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  if (!one_arg(ts, qual(self, "set.symmetric_difference", "frozenset.symmetric_difference"), n, kw)) return nullptr;
  return set_symmetric_difference(ts, as_set(self), a[0]);
}

Object* m_symmetric_difference_update(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  if (!one_arg(ts, "set.symmetric_difference_update", n, kw)) return nullptr;
  if (set_symmetric_difference_update(ts, as_set(self), a[0]) < 0) return nullptr;
  return none();
}

Object* bool_result(int r) { return r < 0 ? nullptr : new_bool(r); }

Object* m_issubset(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  if (!one_arg(ts, qual(self, "set.issubset", "frozenset.issubset"), n, kw)) return nullptr;
  return bool_result(set_issubset(ts, as_set(self), a[0]));
}

Object* m_issuperset(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  if (!one_arg(ts, qual(self, "set.issuperset", "frozenset.issuperset"), n, kw)) return nullptr;
  return bool_result(set_issuperset(ts, as_set(self), a[0]));
}

Object* m_isdisjoint(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object* kw) {
  if (!one_arg(ts, qual(self, "set.isdisjoint", "frozenset.isdisjoint"), n, kw)) return nullptr;
  Object* other = a[0];
  if (other == self) return new_bool(set_size(self) == 0);
  if (is_anyset(other)) {
    SetObject *big = as_set(self), *small = as_set(other);
    if (small->used > big->used) std::swap(big, small);
    int r = each_entry(small, [&](Object* key, Py_hash_t hash) {
      int in = set_contains_entry(ts, big, key, hash);
      return in < 0 ? -1 : in ? 0 : 1;
    });
    return r < 0 ? nullptr : new_bool(r == 1);
  }
  int disjoint = 1;
  bool ok = for_each_item(ts, other, [&](Object* key) {
    int in = contains_key(ts, as_set(self), key);
    if (in != 0) disjoint = in < 0 ? -1 : 0;
    return in == 0;
  });
  if (!ok && disjoint == 1) return nullptr;
  if (disjoint < 0 || has_error(ts)) return nullptr;
  return new_bool(disjoint == 1);
}

// ---- operators ----------------------------------------------------------------------

Object* op_or(ThreadState* ts, Object* a, Object* b) {
  if (!is_anyset(a) || !is_anyset(b)) return newref(py_not_implemented());
  Object* result = set_copy(ts, a);
  if (result && a != b && set_update_internal(ts, as_set(result), b) < 0) decref(result), result = nullptr;
  return result;
}
Object* op_and(ThreadState* ts, Object* a, Object* b) {
  if (!is_anyset(a) || !is_anyset(b)) return newref(py_not_implemented());
  return set_intersection(ts, as_set(a), b);
}
Object* op_sub(ThreadState* ts, Object* a, Object* b) {
  if (!is_anyset(a) || !is_anyset(b)) return newref(py_not_implemented());
  return set_difference(ts, as_set(a), b);
}
Object* op_xor(ThreadState* ts, Object* a, Object* b) {
  if (!is_anyset(a) || !is_anyset(b)) return newref(py_not_implemented());
  return set_symmetric_difference(ts, as_set(a), b);
}

Object* op_ior(ThreadState* ts, Object* a, Object* b) {
  if (!is_anyset(b)) return newref(py_not_implemented());
  if (set_update_internal(ts, as_set(a), b) < 0) return nullptr;
  return newref(a);
}
Object* op_iand(ThreadState* ts, Object* a, Object* b) {
  if (!is_anyset(b)) return newref(py_not_implemented());
  Object* r = m_intersection_update(ts, a, &b, 1, nullptr);
  if (!r) return nullptr;
  decref(r);
  return newref(a);
}
Object* op_isub(ThreadState* ts, Object* a, Object* b) {
  if (!is_anyset(b)) return newref(py_not_implemented());
  if (set_difference_update_internal(ts, as_set(a), b) < 0) return nullptr;
  return newref(a);
}
Object* op_ixor(ThreadState* ts, Object* a, Object* b) {
  if (!is_anyset(b)) return newref(py_not_implemented());
  if (set_symmetric_difference_update(ts, as_set(a), b) < 0) return nullptr;
  return newref(a);
}

}  // namespace

const MethodDef kSetMethods[] = {
    {"add", m_add, METH_INSTANCE},
    {"clear", m_clear, METH_INSTANCE},
    {"copy", m_set_copy, METH_INSTANCE},
    {"discard", m_discard, METH_INSTANCE},
    {"difference", m_difference, METH_INSTANCE},
    {"difference_update", m_difference_update, METH_INSTANCE},
    {"intersection", m_intersection, METH_INSTANCE},
    {"intersection_update", m_intersection_update, METH_INSTANCE},
    {"isdisjoint", m_isdisjoint, METH_INSTANCE},
    {"issubset", m_issubset, METH_INSTANCE},
    {"issuperset", m_issuperset, METH_INSTANCE},
    {"pop", m_pop, METH_INSTANCE},
    {"remove", m_remove, METH_INSTANCE},
    {"symmetric_difference", m_symmetric_difference, METH_INSTANCE},
    {"symmetric_difference_update", m_symmetric_difference_update, METH_INSTANCE},
    {"union", m_union, METH_INSTANCE},
    {"update", m_update, METH_INSTANCE},
    {nullptr, nullptr, 0},
};

const MethodDef kFrozensetMethods[] = {
    {"copy", m_frozenset_copy, METH_INSTANCE},
    {"difference", m_difference, METH_INSTANCE},
    {"intersection", m_intersection, METH_INSTANCE},
    {"isdisjoint", m_isdisjoint, METH_INSTANCE},
    {"issubset", m_issubset, METH_INSTANCE},
    {"issuperset", m_issuperset, METH_INSTANCE},
    {"symmetric_difference", m_symmetric_difference, METH_INSTANCE},
    {"union", m_union, METH_INSTANCE},
    {nullptr, nullptr, 0},
};

void fill_set_number_slots(TypeObject& t, bool mutable_set) {
  t.nb_binary[static_cast<int>(BinaryOp::Or)] = op_or;
  t.nb_binary[static_cast<int>(BinaryOp::And)] = op_and;
  t.nb_binary[static_cast<int>(BinaryOp::Subtract)] = op_sub;
  t.nb_binary[static_cast<int>(BinaryOp::Xor)] = op_xor;
  if (!mutable_set) return;
  t.nb_inplace[static_cast<int>(BinaryOp::Or)] = op_ior;
  t.nb_inplace[static_cast<int>(BinaryOp::And)] = op_iand;
  t.nb_inplace[static_cast<int>(BinaryOp::Subtract)] = op_isub;
  t.nb_inplace[static_cast<int>(BinaryOp::Xor)] = op_ixor;
}

}  // namespace terrarium::set_impl
