// range and its iterator (int64 bounds for now). CPython: Objects/rangeobject.c.
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

struct RangeObject : Object {
  std::int64_t start, stop, step, length;
};
struct RangeIterObject : Object {
  std::int64_t next, step, remaining;
};

extern TypeObject range_type;
extern TypeObject range_iterator_type;

namespace {

std::int64_t range_length(std::int64_t start, std::int64_t stop, std::int64_t step) {
  if (step > 0) return start < stop ? (stop - start - 1) / step + 1 : 0;
  return start > stop ? (start - stop - 1) / (-step) + 1 : 0;
}

Object* make_range(ThreadState*, TypeObject* type, std::int64_t a, std::int64_t b, std::int64_t s) {
  auto* r = static_cast<RangeObject*>(object_alloc(type, sizeof(RangeObject)));
  r->start = a;
  r->stop = b;
  r->step = s;
  r->length = range_length(a, b, s);
  return r;
}

Object* range_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(ts, &exc_TypeError, "range() takes no keyword arguments");
  std::int64_t v[3] = {0, 0, 1};
  if (nargs == 0) return raise(ts, &exc_TypeError, "range expected at least 1 argument, got 0");
  if (nargs > 3) return raise(ts, &exc_TypeError, "range expected at most 3 arguments, got " + std::to_string(nargs));
  for (std::size_t i = 0; i < nargs; ++i)
    if (!index_value(ts, args[i], v[nargs == 1 ? 1 : i])) return nullptr;
  if (v[2] == 0) return raise(ts, &exc_ValueError, "range() arg 3 must not be zero");
  return make_range(ts, type, v[0], v[1], v[2]);
}

Object* range_repr(ThreadState* ts, Object* o) {
  auto* r = static_cast<RangeObject*>(o);
  std::string s = "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop);
  if (r->step != 1) s += ", " + std::to_string(r->step);
  return new_str(ts, s + ")");
}

Py_ssize_t range_len(ThreadState*, Object* o) { return static_cast<Py_ssize_t>(static_cast<RangeObject*>(o)->length); }
int range_bool(ThreadState*, Object* o) { return static_cast<RangeObject*>(o)->length != 0; }

Object* range_subscript(ThreadState* ts, Object* o, Object* key) {
  auto* r = static_cast<RangeObject*>(o);
  if (is_slice(key)) {
    Py_ssize_t start, stop, step;
    Py_ssize_t n = slice_indices(ts, key, static_cast<Py_ssize_t>(r->length), start, stop, step);
    if (n < 0) return nullptr;
    std::int64_t a = r->start + start * r->step;
    std::int64_t s = r->step * step;
    return make_range(ts, &range_type, a, a + n * s, s);
  }
  Py_ssize_t i;
  if (!sequence_index(ts, key, static_cast<Py_ssize_t>(r->length), "range object", i)) return nullptr;
  return new_int(ts, r->start + i * r->step);
}

int range_contains(ThreadState* ts, Object* o, Object* item) {
  auto* r = static_cast<RangeObject*>(o);
  if (item->ob_type == &int_type || item->ob_type == &bool_type) {
    std::int64_t v = int_value(item);
    if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop)) return 0;
    return (v - r->start) % r->step == 0;
  }
  for (std::int64_t k = 0; k < r->length; ++k) {
    Object* x = new_int(ts, r->start + k * r->step);
    int eq = object_equal(ts, x, item);
    decref(x);
    if (eq != 0) return eq;
  }
  return 0;
}

Object* range_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  if (a->ob_type != &range_type || b->ob_type != &range_type || (op != CompareOp::Eq && op != CompareOp::Ne))
    return newref(py_not_implemented());
  auto* x = static_cast<RangeObject*>(a);
  auto* y = static_cast<RangeObject*>(b);
  bool eq = x->length == y->length &&
            (x->length == 0 || (x->start == y->start && (x->length == 1 || x->step == y->step)));
  return new_bool(op == CompareOp::Eq ? eq : !eq);
}

Object* range_iter(ThreadState*, Object* o) {
  auto* r = static_cast<RangeObject*>(o);
  auto* it = static_cast<RangeIterObject*>(object_alloc(&range_iterator_type, sizeof(RangeIterObject)));
  it->next = r->start;
  it->step = r->step;
  it->remaining = r->length;
  return it;
}

Object* range_iternext(ThreadState* ts, Object* o) {
  auto* it = static_cast<RangeIterObject*>(o);
  if (it->remaining <= 0) return nullptr;
  --it->remaining;
  std::int64_t v = it->next;
  it->next += it->step;
  return new_int(ts, v);
}

Object* self_iter(ThreadState*, Object* o) { return newref(o); }

Object* range_get_start(ThreadState* ts, Object* o) { return new_int(ts, static_cast<RangeObject*>(o)->start); }
Object* range_get_stop(ThreadState* ts, Object* o) { return new_int(ts, static_cast<RangeObject*>(o)->stop); }
Object* range_get_step(ThreadState* ts, Object* o) { return new_int(ts, static_cast<RangeObject*>(o)->step); }
const GetSetDef kRangeGetSet[] = {{"start", range_get_start, nullptr}, {"stop", range_get_stop, nullptr},
                                  {"step", range_get_step, nullptr}, {nullptr, nullptr, nullptr}};

}  // namespace

TypeObject range_type = [] {
  TypeObject t = make_static_type("range", sizeof(RangeObject), &object_type);
  t.tp_flags = TPFLAGS_SEQUENCE;
  t.tp_new = range_new;
  t.tp_repr = range_repr;
  t.mp_length = range_len;
  t.nb_bool = range_bool;
  t.mp_subscript = range_subscript;
  t.sq_contains = range_contains;
  t.tp_richcompare = range_richcompare;
  t.tp_iter = range_iter;
  t.tp_getset = kRangeGetSet;
  return t;
}();

TypeObject range_iterator_type = [] {
  TypeObject t = make_static_type("range_iterator", sizeof(RangeIterObject), &object_type);
  t.tp_iter = self_iter;
  t.tp_iternext = range_iternext;
  return t;
}();

}  // namespace terrarium
