// tuple allocation, teardown, equality-based comparison and repr. CPython: Objects/tupleobject.c.
#include <cstdlib>
#include <string>
#include "objects/abstract.hpp"
#include "objects/exceptions.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "objects/int.hpp"
#include "objects/slice.hpp"
#include <vector>
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

void tuple_dealloc(Object* o) {
  auto* t = static_cast<TupleObject*>(o);
  for (Py_ssize_t i = t->size - 1; i >= 0; --i) xdecref(t->items[i]);
  object_free(t);
}

// Tuples have no tp_clear: they cannot change, and clearing the other members of a
// cycle frees them. CPython: tupletraverse.
void tuple_traverse(Object* o, VisitProc visit, void* arg) {
  auto* t = static_cast<TupleObject*>(o);
  for (Py_ssize_t i = 0; i < t->size; ++i)
    if (t->items[i]) visit(t->items[i], arg);
}

Object* tuple_repr(ThreadState* ts, Object* o) {
  Py_ssize_t n = tuple_size(o);
  if (n == 0) return new_str(ts, "()");
  std::string out = "(";
  for (Py_ssize_t i = 0; i < n; ++i) {
    if (i > 0) out += ", ";
    std::string item;
    if (!repr_string(ts, tuple_get(o, i), item)) return nullptr;
    out += item;
  }
  out += n == 1 ? ",)" : ")";
  return new_str(ts, out);
}

int tuple_bool(ThreadState*, Object* o) { return tuple_size(o) != 0; }

Py_hash_t tuple_hash(ThreadState* ts, Object* o) {
  // CPython 3.8+: xxHash-based combination of the item hashes.
  constexpr std::uint64_t kPrime1 = 11400714785074694791ull, kPrime2 = 14029467366897019727ull,
                          kPrime5 = 2870177450012600261ull;
  std::uint64_t acc = kPrime5;
  Py_ssize_t n = tuple_size(o);
  for (Py_ssize_t i = 0; i < n; ++i) {
    Py_hash_t h = object_hash(ts, tuple_get(o, i));
    if (h == -1) return -1;
    acc += static_cast<std::uint64_t>(h) * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  acc += static_cast<std::uint64_t>(n) ^ (kPrime5 ^ 3527539ull);
  auto r = static_cast<Py_hash_t>(acc);
  return r == -1 ? 1546275796 : r;
}

Object* tuple_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  if (!is_tuple(a) || !is_tuple(b)) return newref(py_not_implemented());
  Py_ssize_t na = tuple_size(a), nb = tuple_size(b), i = 0;
  for (; i < na && i < nb; ++i) {
    int eq = object_equal(ts, tuple_get(a, i), tuple_get(b, i));
    if (eq < 0) return nullptr;
    if (!eq) break;
  }
  if (i >= na || i >= nb) {
    bool r = false;
    switch (op) {
      case CompareOp::Lt: r = na < nb; break;
      case CompareOp::Le: r = na <= nb; break;
      case CompareOp::Eq: r = na == nb; break;
      case CompareOp::Ne: r = na != nb; break;
      case CompareOp::Gt: r = na > nb; break;
      case CompareOp::Ge: r = na >= nb; break;
    }
    return new_bool(r);
  }
  if (op == CompareOp::Eq) return new_bool(false);
  if (op == CompareOp::Ne) return new_bool(true);
  return rich_compare(ts, tuple_get(a, i), tuple_get(b, i), op);
}

Py_ssize_t tuple_length(ThreadState*, Object* o) { return tuple_size(o); }

Object* tuple_subscript(ThreadState* ts, Object* o, Object* key) {
  Py_ssize_t n = tuple_size(o);
  if (is_slice(key)) {
    Py_ssize_t start, stop, step;
    Py_ssize_t count = slice_indices(ts, key, n, start, stop, step);
    if (count < 0) return nullptr;
    if (start == 0 && step == 1 && count == n && o->ob_type == &tuple_type) return newref(o);
    Object* r = new_tuple(ts, count);
    for (Py_ssize_t i = 0, j = start; i < count; ++i, j += step) tuple_set(r, i, newref(tuple_get(o, j)));
    return r;
  }
  if (!is_int(key) && !key->ob_type->nb_index)
    return raise(ts, &exc_TypeError, std::string("tuple indices must be integers or slices, not ") + key->ob_type->tp_name);
  Py_ssize_t i;
  if (!sequence_index(ts, key, n, "tuple", i)) return nullptr;
  return newref(tuple_get(o, i));
}

int tuple_contains(ThreadState* ts, Object* o, Object* item) {
  for (Py_ssize_t i = 0; i < tuple_size(o); ++i) {
    int eq = object_equal(ts, tuple_get(o, i), item);
    if (eq != 0) return eq;
  }
  return 0;
}

Object* tuple_concat(ThreadState* ts, Object* a, Object* b) {
  if (!is_tuple(a) || !is_tuple(b)) {
    if (is_tuple(a))
      return raise(ts, &exc_TypeError, std::string("can only concatenate tuple (not \"") + b->ob_type->tp_name + "\") to tuple");
    return newref(py_not_implemented());
  }
  Py_ssize_t na = tuple_size(a), nb = tuple_size(b);
  Object* r = new_tuple(ts, na + nb);
  for (Py_ssize_t i = 0; i < na; ++i) tuple_set(r, i, newref(tuple_get(a, i)));
  for (Py_ssize_t i = 0; i < nb; ++i) tuple_set(r, na + i, newref(tuple_get(b, i)));
  return r;
}

Object* tuple_repeat(ThreadState* ts, Object* a, Object* b) {
  Object* t = is_tuple(a) ? a : b;
  Object* n = is_tuple(a) ? b : a;
  if (!is_tuple(t) || !is_int(n)) return newref(py_not_implemented());
  std::int64_t count = int_value(n) < 0 ? 0 : int_value(n);
  Py_ssize_t size = tuple_size(t);
  Object* r = new_tuple(ts, size * count);
  for (std::int64_t k = 0; k < count; ++k)
    for (Py_ssize_t i = 0; i < size; ++i) tuple_set(r, k * size + i, newref(tuple_get(t, i)));
  return r;
}

struct TupleIterObject : Object {
  Object* tuple;
  Py_ssize_t index;
};
void tupleiter_dealloc(Object* o) {
  xdecref(static_cast<TupleIterObject*>(o)->tuple);
  object_free(o);
}
Object* self_iter(ThreadState*, Object* o) { return newref(o); }
Object* tupleiter_next(ThreadState*, Object* o) {
  auto* it = static_cast<TupleIterObject*>(o);
  if (!it->tuple) return nullptr;
  if (it->index < tuple_size(it->tuple)) return newref(tuple_get(it->tuple, it->index++));
  Object* t = it->tuple;
  it->tuple = nullptr;
  decref(t);
  return nullptr;
}

Object* tuple_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(ts, &exc_TypeError, "tuple() takes no keyword arguments");
  if (nargs > 1) return raise(ts, &exc_TypeError, "tuple expected at most 1 argument, got " + std::to_string(nargs));
  std::vector<Object*> items;
  if (nargs == 1 && !for_each_item(ts, args[0], [&](Object* v) { items.push_back(newref(v)); return true; })) {
    for (Object* v : items) decref(v);
    return nullptr;
  }
  auto n = static_cast<Py_ssize_t>(items.size());
  if (n == 0 && type == &tuple_type) return new_tuple(ts, 0);
  std::size_t bytes = sizeof(TupleObject) + sizeof(Object*) * (n > 0 ? n - 1 : 0);
  auto* t = static_cast<TupleObject*>(object_alloc(type, bytes));
  t->size = n;
  for (Py_ssize_t i = 0; i < n; ++i) t->items[i] = items[static_cast<std::size_t>(i)];
  return t;
}

Object* tuple_count(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  if (n != 1) return raise(ts, &exc_TypeError, "tuple.count() takes exactly one argument (" + std::to_string(n) + " given)");
  std::int64_t count = 0;
  for (Py_ssize_t i = 0; i < tuple_size(self); ++i) {
    int eq = object_equal(ts, tuple_get(self, i), a[0]);
    if (eq < 0) return nullptr;
    count += eq;
  }
  return new_int(ts, count);
}
Object* tuple_index(ThreadState* ts, Object* self, Object* const* a, std::size_t n, Object*) {
  if (n < 1) return raise(ts, &exc_TypeError, "index expected at least 1 argument, got 0");
  for (Py_ssize_t i = 0; i < tuple_size(self); ++i) {
    int eq = object_equal(ts, tuple_get(self, i), a[0]);
    if (eq < 0) return nullptr;
    if (eq) return new_int(ts, i);
  }
  return raise(ts, &exc_ValueError, "tuple.index(x): x not in tuple");
}
const MethodDef kTupleMethods[] = {{"count", tuple_count, METH_INSTANCE}, {"index", tuple_index, METH_INSTANCE},
                                   {nullptr, nullptr, 0}};

}  // namespace

TypeObject tuple_iterator_type = [] {
  TypeObject t = make_static_type("tuple_iterator", sizeof(TupleIterObject), &object_type);
  t.tp_dealloc = tupleiter_dealloc;
  t.tp_iter = self_iter;
  t.tp_iternext = tupleiter_next;
  return t;
}();

namespace {
Object* tuple_iter(ThreadState*, Object* o) {
  auto* it = static_cast<TupleIterObject*>(object_alloc(&tuple_iterator_type, sizeof(TupleIterObject)));
  it->tuple = newref(o);
  it->index = 0;
  return it;
}
}  // namespace

TypeObject tuple_type = [] {
  TypeObject t = make_static_type("tuple", sizeof(TupleObject), &object_type);
  t.tp_dealloc = tuple_dealloc;
  t.tp_repr = tuple_repr;
  t.tp_hash = tuple_hash;
  t.tp_richcompare = tuple_richcompare;
  t.nb_bool = tuple_bool;
  t.tp_flags = TPFLAGS_BASETYPE | TPFLAGS_SEQUENCE | TPFLAGS_MATCH_SELF | TPFLAGS_HAVE_GC;
  t.tp_traverse = tuple_traverse;
  t.mp_length = tuple_length;
  t.mp_subscript = tuple_subscript;
  t.sq_contains = tuple_contains;
  t.nb_binary[static_cast<int>(BinaryOp::Add)] = tuple_concat;
  t.nb_binary[static_cast<int>(BinaryOp::Multiply)] = tuple_repeat;
  t.tp_iter = tuple_iter;
  t.tp_new = tuple_new;
  t.tp_methods = kTupleMethods;
  return t;
}();

namespace {
// The empty tuple is a singleton, as in CPython: `tuple([]) is ()`.
TupleObject empty_tuple = [] {
  TupleObject t{};
  t.ob_refcnt = kImmortalRefcnt;
  t.ob_type = &tuple_type;
  t.size = 0;
  return t;
}();
}  // namespace

Object* new_tuple(ThreadState*, Py_ssize_t size) {
  if (size == 0) return newref<Object>(&empty_tuple);
  std::size_t bytes = sizeof(TupleObject) + sizeof(Object*) * (size > 0 ? size - 1 : 0);
  auto* t = static_cast<TupleObject*>(object_alloc(&tuple_type, bytes));
  t->size = size;
  for (Py_ssize_t i = 0; i < size; ++i) t->items[i] = nullptr;
  return t;
}

}  // namespace terrarium
