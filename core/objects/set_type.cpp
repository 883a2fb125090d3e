// The set, frozenset and set_iterator type objects: construction (set() fills in
// __init__, frozenset() in __new__), len/in/bool, iteration in slot order, repr,
// comparison as subset tests, and frozenset's order-independent hash.
// CPython: Objects/setobject.c (set_new, set_init, frozenset_new, set_repr,
// set_richcompare, frozenset_hash, setiter_iternext).
#include <cstdlib>
#include <string>
#include "objects/abstract.hpp"
#include "objects/exceptions.hpp"
#include "objects/getargs.hpp"
#include "objects/set_internal.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

using namespace set_impl;

namespace {

SetObject* as_set(Object* o) { return static_cast<SetObject*>(o); }

void set_dealloc(Object* o) {
  SetObject* so = as_set(o);
  if (so->table) {
    for (Py_ssize_t i = 0; i <= so->mask; ++i)
      if (so->table[i].key && so->table[i].key != set_dummy()) decref(so->table[i].key);
    std::free(so->table);
  }
  object_free(o);
}

void set_traverse(Object* o, VisitProc visit, void* arg) {
  SetObject* so = as_set(o);
  if (!so->table) return;
  for (Py_ssize_t i = 0; i <= so->mask; ++i)
    if (so->table[i].key && so->table[i].key != set_dummy()) visit(so->table[i].key, arg);
}

Py_ssize_t set_len(ThreadState*, Object* o) { return as_set(o)->used; }
int set_bool(ThreadState*, Object* o) { return as_set(o)->used != 0; }
int set_sq_contains(ThreadState* ts, Object* o, Object* key) { return set_contains(ts, o, key); }

Object* set_repr(ThreadState* ts, Object* o) {
  bool exact = o->ob_type == &set_type;
  std::string name = o->ob_type->tp_name;
  for (Object* active : ts->repr_stack)
    if (active == o) return new_str(ts, name + "(...)");
  if (as_set(o)->used == 0) return new_str(ts, name + "()");
  ts->repr_stack.push_back(o);
  std::string out = exact ? "{" : name + "({";
  bool ok = true, first = true;
  Py_ssize_t pos = 0;
  SetEntry* e;
  while (ok && set_next(o, pos, e)) {
    if (!first) out += ", ";
    first = false;
    Object* key = newref(e->key);
    std::string r;
    ok = repr_string(ts, key, r);
    decref(key);
    out += r;
  }
  ts->repr_stack.pop_back();
  if (!ok) return nullptr;
  out += exact ? "}" : "})";
  return new_str(ts, out);
}

// CPython: frozenset_hash: xor of shuffled entry hashes (so order does not matter),
// corrected for the empty and deleted slots included for speed, then mixed.
Py_hash_t frozenset_hash(ThreadState*, Object* o) {
  SetObject* so = as_set(o);
  if (so->hash != -1) return so->hash;
  auto shuffle = [](std::uint64_t h) { return ((h ^ 89869747ull) ^ (h << 16)) * 3644798167ull; };
  std::uint64_t h = 0;
  for (Py_ssize_t i = 0; i <= so->mask; ++i) h ^= shuffle(static_cast<std::uint64_t>(so->table[i].hash));
  if ((so->mask + 1 - so->fill) & 1) h ^= shuffle(0);
  if ((so->fill - so->used) & 1) h ^= shuffle(static_cast<std::uint64_t>(-1));
  h ^= (static_cast<std::uint64_t>(so->used) + 1) * 1927868237ull;
  h ^= (h >> 11) ^ (h >> 25);
  h = h * 69069u + 907133923ull;
  auto r = static_cast<Py_hash_t>(h);
  if (r == -1) r = 590923713;
  so->hash = r;
  return r;
}

Object* set_richcompare(ThreadState* ts, Object* v, Object* w, CompareOp op) {
  if (!is_anyset(w)) return newref(py_not_implemented());
  SetObject *a = as_set(v), *b = as_set(w);
  int r;
  switch (op) {
    case CompareOp::Eq:
    case CompareOp::Ne:
      if (a->used != b->used) r = 0;
      else if (a->hash != -1 && b->hash != -1 && a->hash != b->hash) r = 0;
      else r = set_issubset(ts, a, w);
      if (r < 0) return nullptr;
      return new_bool((r == 1) == (op == CompareOp::Eq));
    case CompareOp::Le: r = set_issubset(ts, a, w); break;
    case CompareOp::Ge: r = set_issuperset(ts, a, w); break;
    case CompareOp::Lt: r = a->used >= b->used ? 0 : set_issubset(ts, a, w); break;
    case CompareOp::Gt: r = a->used <= b->used ? 0 : set_issuperset(ts, a, w); break;
    default: r = 0;
  }
  return r < 0 ? nullptr : new_bool(r);
}

// ---- iteration ----------------------------------------------------------------------

struct SetIterObject : Object {
  Object* set;  // null once exhausted
  Py_ssize_t used;  // the size when iteration began
  Py_ssize_t pos;
  Py_ssize_t remaining;
};

Object* set_iter(ThreadState*, Object* o) {
  auto* it = static_cast<SetIterObject*>(object_alloc(&set_iterator_type, sizeof(SetIterObject)));
  it->set = newref(o);
  it->used = as_set(o)->used;
  it->pos = 0;
  it->remaining = it->used;
  return it;
}

Object* set_iter_next(ThreadState* ts, Object* o) {
  auto* it = static_cast<SetIterObject*>(o);
  if (!it->set) return nullptr;
  if (it->used != as_set(it->set)->used) {
    it->used = -1;  // keeps failing, as CPython's does
    return raise(ts, &exc_RuntimeError, "Set changed size during iteration");
  }
  SetEntry* e;
  if (set_next(it->set, it->pos, e)) {
    --it->remaining;
    return newref(e->key);
  }
  Object* s = it->set;
  it->set = nullptr;
  decref(s);
  return nullptr;
}

void set_iter_dealloc(Object* o) {
  xdecref(static_cast<SetIterObject*>(o)->set);
  object_free(o);
}

Object* self_iter(ThreadState*, Object* o) { return newref(o); }

// ---- construction -------------------------------------------------------------------

Object* set_new(ThreadState* ts, TypeObject* type, Object* const*, std::size_t, Object*) {
  return make_new_set(ts, type, nullptr);
}

int set_init(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!no_kwargs(ts, "set", kwnames)) return -1;
  if (nargs > 1) {
    raise(ts, &exc_TypeError, std::string(self->ob_type->tp_name) + " expected at most 1 argument, got " +
                                  std::to_string(nargs));
    return -1;
  }
  SetObject* so = as_set(self);
  if (so->fill) set_clear_internal(so);
  so->hash = -1;
  if (nargs == 1 && set_update_internal(ts, so, args[0]) < 0) return -1;
  return 0;
}

Object* frozenset_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!no_kwargs(ts, "frozenset", kwnames)) return nullptr;
  if (nargs > 1)
    return raise(ts, &exc_TypeError, std::string(type->tp_name) + " expected at most 1 argument, got " +
                                         std::to_string(nargs));
  Object* iterable = nargs ? args[0] : nullptr;
  if (type == &frozenset_type && iterable && iterable->ob_type == &frozenset_type) return newref(iterable);
  return make_new_set(ts, type, iterable);
}

TypeObject make_set_type(const char* name, bool mutable_set) {
  TypeObject t = make_static_type(name, sizeof(SetObject), &object_type);
  t.tp_flags = TPFLAGS_BASETYPE | TPFLAGS_MATCH_SELF | TPFLAGS_HAVE_GC;
  t.tp_traverse = set_traverse;
  t.tp_dealloc = set_dealloc;
  t.tp_repr = set_repr;
  t.tp_richcompare = set_richcompare;
  t.tp_hash = mutable_set ? nullptr : frozenset_hash;
  t.mp_length = set_len;
  t.nb_bool = set_bool;
  t.sq_contains = set_sq_contains;
  t.tp_iter = set_iter;
  t.tp_methods = mutable_set ? kSetMethods : kFrozensetMethods;
  fill_set_number_slots(t, mutable_set);
  if (mutable_set) {
    t.tp_new = set_new;
    t.tp_init = set_init;
    t.tp_doc = "set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an unordered collection of "
               "unique elements.";
  } else {
    t.tp_new = frozenset_new;
    t.tp_doc = "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\nBuild an immutable "
               "unordered collection of unique elements.";
  }
  return t;
}

}  // namespace

TypeObject set_type = make_set_type("set", true);
TypeObject frozenset_type = make_set_type("frozenset", false);

TypeObject set_iterator_type = [] {
  TypeObject t = make_static_type("set_iterator", sizeof(SetIterObject), &object_type);
  t.tp_dealloc = set_iter_dealloc;
  t.tp_iter = self_iter;
  t.tp_iternext = set_iter_next;
  return t;
}();

}  // namespace terrarium
