// tuple allocation, teardown, equality-based comparison and repr. CPython: Objects/tupleobject.c.
#include <cstdlib>
#include <string>
#include "objects/abstract.hpp"
#include "objects/exceptions.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

void tuple_dealloc(Object* o) {
  auto* t = static_cast<TupleObject*>(o);
  for (Py_ssize_t i = 0; i < t->size; ++i) xdecref(t->items[i]);
  std::free(t);
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

}  // namespace

TypeObject tuple_type = [] {
  TypeObject t = make_static_type("tuple", sizeof(TupleObject), &object_type);
  t.tp_dealloc = tuple_dealloc;
  t.tp_repr = tuple_repr;
  t.tp_hash = tuple_hash;
  t.tp_richcompare = tuple_richcompare;
  t.nb_bool = tuple_bool;
  return t;
}();

Object* new_tuple(ThreadState*, Py_ssize_t size) {
  std::size_t bytes = sizeof(TupleObject) + sizeof(Object*) * (size > 0 ? size - 1 : 0);
  auto* t = static_cast<TupleObject*>(std::malloc(bytes));
  t->ob_refcnt = 1;
  t->ob_type = &tuple_type;
  t->size = size;
  for (Py_ssize_t i = 0; i < size; ++i) t->items[i] = nullptr;
  return t;
}

}  // namespace terrarium
