// enumerate, zip, map, filter and reversed: their constructors (with CPython's argument
// errors) and their __next__. CPython: Objects/enumobject.c (enum_new, enum_next,
// reversed_new_impl, reversed_next), Python/bltinmodule.c (map_new, map_next,
// filter_new, filter_next, zip_new, zip_next).
#include "modules/builtins_itertypes.hpp"

#include <string>
#include <vector>
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/getargs.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/slots.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

Object* self_iter(ThreadState*, Object* o) { return newref(o); }

// Releases the strong references an iterator holds (null entries allowed).
void release(std::initializer_list<Object*> refs) {
  for (Object* r : refs) xdecref(r);
}

// ---- enumerate ----------------------------------------------------------------------

struct EnumObject : Object {
  Object* iterator;
  std::int64_t index;
  Object* big_index;  // the count once it no longer fits int64 (else null)
};

Object* make_enumerate(ThreadState* ts, TypeObject* type, Object* iterable, Object* start) {
  std::int64_t index = 0;
  Object* big = nullptr;
  if (start) {
    Object* i = number_index(ts, start);
    if (!i) return nullptr;
    if (int_fits_int64(i)) index = int_value(i), decref(i);
    else big = i;
  }
  Object* it = get_iter(ts, iterable);
  if (!it) return xdecref(big), nullptr;
  auto* e = static_cast<EnumObject*>(object_alloc(type, type->tp_basicsize));
  e->iterator = it;
  e->index = index;
  e->big_index = big;
  return e;
}

bool check_keyword(ThreadState* ts, Object* kwnames, Py_ssize_t i, const char* name) {
  std::string_view key = str_view(tuple_get(kwnames, i));
  if (key == name) return true;
  raise(ts, &exc_TypeError, "'" + std::string(key) + "' is an invalid keyword argument for enumerate()");
  return false;
}

// enumerate(iterable, start=0), its arguments read as CPython's enum_vectorcall reads them.
Object* enumerate_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  std::size_t nkw = kwcount(kwnames), total = nargs + nkw;
  if (total == 2) {
    if (nkw == 1 && !check_keyword(ts, kwnames, 0, "start")) return nullptr;
    if (nkw == 2) {
      if (str_view(tuple_get(kwnames, 0)) == "start") {
        if (!check_keyword(ts, kwnames, 1, "iterable")) return nullptr;
        return make_enumerate(ts, type, args[1], args[0]);
      }
      if (!check_keyword(ts, kwnames, 0, "iterable") || !check_keyword(ts, kwnames, 1, "start")) return nullptr;
    }
    return make_enumerate(ts, type, args[0], args[1]);
  }
  if (total == 1) {
    if (nkw == 1 && !check_keyword(ts, kwnames, 0, "iterable")) return nullptr;
    return make_enumerate(ts, type, args[0], nullptr);
  }
  if (nargs == 0) return raise(ts, &exc_TypeError, "enumerate() missing required argument 'iterable'");
  return raise(ts, &exc_TypeError, "enumerate() takes at most 2 arguments (" + std::to_string(total) + " given)");
}

Object* enumerate_next(ThreadState* ts, Object* o) {
  auto* e = static_cast<EnumObject*>(o);
  Object* item = iter_next(ts, e->iterator);
  if (!item) return nullptr;
  Object* count;
  if (!e->big_index && e->index < INT64_MAX) {
    count = new_int(ts, e->index++);
  } else {
    if (!e->big_index) e->big_index = new_int(ts, e->index);
    count = newref(e->big_index);
    Object* one = new_int(ts, 1);
    Object* next = binary_op(ts, e->big_index, one, BinaryOp::Add);
    decref(one);
    if (!next) return decref(count), decref(item), nullptr;
    decref(e->big_index);
    e->big_index = next;
  }
  Object* t = new_tuple(ts, 2);
  tuple_set(t, 0, count);
  tuple_set(t, 1, item);
  return t;
}

void enumerate_dealloc(Object* o) {
  auto* e = static_cast<EnumObject*>(o);
  release({e->iterator, e->big_index});
  object_free(o);
}

// ---- zip ----------------------------------------------------------------------------

struct ZipObject : Object {
  Object* iterators;  // tuple
  bool strict;
};

Object* zip_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  bool strict = false;
  std::size_t nkw = kwcount(kwnames);
  if (nkw > 1) return raise(ts, &exc_TypeError, "zip() takes at most 1 keyword argument (" + std::to_string(nkw) + " given)");
  if (nkw == 1) {
    std::string_view key = str_view(tuple_get(kwnames, 0));
    if (key != "strict")
      return raise(ts, &exc_TypeError, "'" + std::string(key) + "' is an invalid keyword argument for zip()");
    int t = object_is_true(ts, args[nargs]);
    if (t < 0) return nullptr;
    strict = t;
  }
  Object* its = new_tuple(ts, static_cast<Py_ssize_t>(nargs));
  for (std::size_t i = 0; i < nargs; ++i) {
    Object* it = get_iter(ts, args[i]);
    if (!it) {
      for (std::size_t j = i; j < nargs; ++j) tuple_set(its, static_cast<Py_ssize_t>(j), newref(py_none()));
      return decref(its), nullptr;
    }
    tuple_set(its, static_cast<Py_ssize_t>(i), it);
  }
  auto* z = static_cast<ZipObject*>(object_alloc(type, type->tp_basicsize));
  z->iterators = its;
  z->strict = strict;
  return z;
}

// An iterator that stopped: true if it simply ran out (a StopIteration is cleared).
bool exhausted_cleanly(ThreadState* ts) {
  if (!ts->curexc) return true;
  if (!is_instance(ts->curexc, &exc_StopIteration)) return false;
  clear_error(ts);
  return true;
}

std::nullptr_t length_mismatch(ThreadState* ts, Py_ssize_t i, const char* how) {
  std::string others = i == 1 ? " 1" : "s 1-" + std::to_string(i);
  return raise(ts, &exc_ValueError, "zip() argument " + std::to_string(i + 1) + " is " + how + " than argument" + others);
}

Object* zip_next(ThreadState* ts, Object* o) {
  auto* z = static_cast<ZipObject*>(o);
  Py_ssize_t n = tuple_size(z->iterators);
  if (n == 0) return nullptr;
  Object* result = new_tuple(ts, n);
  for (Py_ssize_t i = 0; i < n; ++i) {
    Object* item = iter_next(ts, tuple_get(z->iterators, i));
    if (item) {
      tuple_set(result, i, item);
      continue;
    }
    for (Py_ssize_t j = i; j < n; ++j) tuple_set(result, j, newref(py_none()));
    decref(result);
    if (!z->strict) return nullptr;
    // strict=True: every iterator must stop at the same place.
    if (!exhausted_cleanly(ts)) return nullptr;
    if (i) return length_mismatch(ts, i, "shorter");
    for (Py_ssize_t k = 1; k < n; ++k) {
      Object* extra = iter_next(ts, tuple_get(z->iterators, k));
      if (extra) {
        decref(extra);
        return length_mismatch(ts, k, "longer");
      }
      if (!exhausted_cleanly(ts)) return nullptr;
    }
    return nullptr;
  }
  return result;
}

void zip_dealloc(Object* o) {
  xdecref(static_cast<ZipObject*>(o)->iterators);
  object_free(o);
}

// ---- map ----------------------------------------------------------------------------

struct MapObject : Object {
  Object* func;
  Object* iterators;  // tuple
};

Object* map_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (type == &map_type && !no_kwargs(ts, "map", kwnames)) return nullptr;
  if (nargs < 2) return raise(ts, &exc_TypeError, "map() must have at least two arguments.");
  Object* its = new_tuple(ts, static_cast<Py_ssize_t>(nargs - 1));
  for (std::size_t i = 1; i < nargs; ++i) {
    Object* it = get_iter(ts, args[i]);
    if (!it) {
      for (std::size_t j = i; j < nargs; ++j) tuple_set(its, static_cast<Py_ssize_t>(j - 1), newref(py_none()));
      return decref(its), nullptr;
    }
    tuple_set(its, static_cast<Py_ssize_t>(i - 1), it);
  }
  auto* m = static_cast<MapObject*>(object_alloc(type, type->tp_basicsize));
  m->func = newref(args[0]);
  m->iterators = its;
  return m;
}

Object* map_next(ThreadState* ts, Object* o) {
  auto* m = static_cast<MapObject*>(o);
  Py_ssize_t n = tuple_size(m->iterators);
  std::vector<Object*> items;
  items.reserve(static_cast<std::size_t>(n));
  for (Py_ssize_t i = 0; i < n; ++i) {
    Object* item = iter_next(ts, tuple_get(m->iterators, i));
    if (!item) {
      for (Object* x : items) decref(x);
      return nullptr;
    }
    items.push_back(item);
  }
  Object* r = call_object(ts, m->func, items.data(), items.size(), nullptr);
  for (Object* x : items) decref(x);
  return r;
}

void map_dealloc(Object* o) {
  auto* m = static_cast<MapObject*>(o);
  release({m->func, m->iterators});
  object_free(o);
}

// ---- filter -------------------------------------------------------------------------

struct FilterObject : Object {
  Object* func;  // None: keep true items
  Object* iterator;
};

Object* filter_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (type == &filter_type && !no_kwargs(ts, "filter", kwnames)) return nullptr;
  if (nargs != 2) return raise(ts, &exc_TypeError, "filter expected 2 arguments, got " + std::to_string(nargs));
  Object* it = get_iter(ts, args[1]);
  if (!it) return nullptr;
  auto* f = static_cast<FilterObject*>(object_alloc(type, type->tp_basicsize));
  f->func = newref(args[0]);
  f->iterator = it;
  return f;
}

Object* filter_next(ThreadState* ts, Object* o) {
  auto* f = static_cast<FilterObject*>(o);
  bool truth_only = f->func == py_none() || f->func == reinterpret_cast<Object*>(&bool_type);
  for (;;) {
    Object* item = iter_next(ts, f->iterator);
    if (!item) return nullptr;
    int keep;
    if (truth_only) {
      keep = object_is_true(ts, item);
    } else {
      Object* r = call_object(ts, f->func, &item, 1, nullptr);
      keep = r ? object_is_true(ts, r) : -1;
      xdecref(r);
    }
    if (keep > 0) return item;
    decref(item);
    if (keep < 0) return nullptr;
  }
}

void filter_dealloc(Object* o) {
  auto* f = static_cast<FilterObject*>(o);
  release({f->func, f->iterator});
  object_free(o);
}

// ---- reversed -----------------------------------------------------------------------

struct ReversedObject : Object {
  Object* seq;  // null once exhausted
  Py_ssize_t index;
};

std::nullptr_t not_reversible(ThreadState* ts, Object* seq) {
  return raise(ts, &exc_TypeError, std::string("'") + seq->ob_type->tp_name + "' object is not reversible");
}

Object* reversed_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (type == &reversed_type && !no_kwargs(ts, "reversed", kwnames)) return nullptr;
  if (nargs != 1) return raise(ts, &exc_TypeError, "reversed expected 1 argument, got " + std::to_string(nargs));
  Object* seq = args[0];
  if (Object* meth = type_lookup_str(seq->ob_type, "__reversed__")) {
    if (meth == py_none()) return not_reversible(ts, seq);
    return call_dunder(ts, seq, "__reversed__", nullptr, 0);
  }
  // The sequence protocol: __len__ and __getitem__ with ints (not a mapping).
  if (!seq->ob_type->mp_subscript || is_instance(seq, &dict_type)) return not_reversible(ts, seq);
  Py_ssize_t n = object_length(ts, seq);
  if (n < 0) return nullptr;
  auto* r = static_cast<ReversedObject*>(object_alloc(type, type->tp_basicsize));
  r->seq = newref(seq);
  r->index = n - 1;
  return r;
}

Object* reversed_next(ThreadState* ts, Object* o) {
  auto* r = static_cast<ReversedObject*>(o);
  if (r->index >= 0 && r->seq) {
    Object* key = new_int(ts, r->index);
    Object* item = get_item(ts, r->seq, key);
    decref(key);
    if (item) {
      --r->index;
      return item;
    }
    if (!is_instance(ts->curexc, &exc_IndexError) && !is_instance(ts->curexc, &exc_StopIteration)) return nullptr;
    clear_error(ts);
  }
  r->index = -1;
  Object* seq = r->seq;
  r->seq = nullptr;
  xdecref(seq);
  return nullptr;
}

void reversed_dealloc(Object* o) {
  xdecref(static_cast<ReversedObject*>(o)->seq);
  object_free(o);
}

// ---- callable_iterator: iter(callable, sentinel) ------------------------------------

struct CallableIterObject : Object {
  Object* callable;  // both null once exhausted
  Object* sentinel;
};

void callable_iter_dealloc(Object* o) {
  auto* c = static_cast<CallableIterObject*>(o);
  release({c->callable, c->sentinel});
  object_free(o);
}

void callable_iter_exhaust(CallableIterObject* c) {
  Object* callable = c->callable;
  Object* sentinel = c->sentinel;
  c->callable = c->sentinel = nullptr;
  xdecref(callable);
  xdecref(sentinel);
}

Object* callable_iter_next(ThreadState* ts, Object* o) {
  auto* c = static_cast<CallableIterObject*>(o);
  if (!c->callable) return nullptr;
  Object* value = call_object(ts, c->callable, nullptr, 0, nullptr);
  if (!value) {
    // A StopIteration from the callable ends the iteration quietly, as in CPython.
    if (is_instance(ts->curexc, &exc_StopIteration)) {
      clear_error(ts);
      callable_iter_exhaust(c);
    }
    return nullptr;
  }
  int done = object_equal(ts, value, c->sentinel);
  if (done == 0) return value;
  decref(value);
  if (done > 0) callable_iter_exhaust(c);
  return nullptr;
}

TypeObject make_iter_type(const char* name, std::size_t size, void (*dealloc)(Object*), NewFunc new_fn,
                          UnaryFunc next, const char* doc) {
  TypeObject t = make_static_type(name, size, &object_type);
  t.tp_flags = TPFLAGS_BASETYPE;
  t.tp_dealloc = dealloc;
  t.tp_new = new_fn;
  t.tp_iter = self_iter;
  t.tp_iternext = next;
  t.tp_doc = doc;
  return t;
}

}  // namespace

TypeObject enumerate_type = make_iter_type(
    "enumerate", sizeof(EnumObject), enumerate_dealloc, enumerate_new, enumerate_next,
    "Return an enumerate object.\n\n  iterable\n    an object supporting iteration\n\nThe enumerate object yields "
    "pairs containing a count (from start, which\ndefaults to zero) and a value yielded by the iterable argument.\n\n"
    "enumerate is useful for obtaining an indexed list:\n    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...");
TypeObject zip_type = make_iter_type(
    "zip", sizeof(ZipObject), zip_dealloc, zip_new, zip_next,
    "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.");
TypeObject map_type = make_iter_type(
    "map", sizeof(MapObject), map_dealloc, map_new, map_next,
    "map(func, *iterables) --> map object\n\nMake an iterator that computes the function using arguments from\neach "
    "of the iterables.  Stops when the shortest iterable is exhausted.");
TypeObject filter_type = make_iter_type(
    "filter", sizeof(FilterObject), filter_dealloc, filter_new, filter_next,
    "filter(function or None, iterable) --> filter object\n\nReturn an iterator yielding those items of iterable "
    "for which function(item)\nis true. If function is None, return the items that are true.");
TypeObject callable_iterator_type = [] {
  TypeObject t = make_static_type("callable_iterator", sizeof(CallableIterObject), &object_type);
  t.tp_dealloc = callable_iter_dealloc;
  t.tp_iter = self_iter;
  t.tp_iternext = callable_iter_next;
  return t;
}();

Object* new_callable_iterator(ThreadState*, Object* callable, Object* sentinel) {
  auto* c = static_cast<CallableIterObject*>(object_alloc(&callable_iterator_type, sizeof(CallableIterObject)));
  c->callable = newref(callable);
  c->sentinel = newref(sentinel);
  return c;
}

TypeObject reversed_type = make_iter_type("reversed", sizeof(ReversedObject), reversed_dealloc, reversed_new,
                                          reversed_next, "Return a reverse iterator over the values of the given sequence.");

}  // namespace terrarium
