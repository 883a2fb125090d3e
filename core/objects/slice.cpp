// slice objects and index helpers. CPython: Objects/sliceobject.c, Objects/abstract.c PyNumber_Index.
#include "objects/slice.hpp"

#include <string>
#include "objects/abstract.hpp"
#include "objects/exceptions.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

void slice_dealloc(Object* o) {
  auto* s = static_cast<SliceObject*>(o);
  decref(s->start);
  decref(s->stop);
  decref(s->step);
  object_free(o);
}

Object* slice_repr(ThreadState* ts, Object* o) {
  auto* s = static_cast<SliceObject*>(o);
  std::string a, b, c;
  if (!repr_string(ts, s->start, a) || !repr_string(ts, s->stop, b) || !repr_string(ts, s->step, c)) return nullptr;
  return new_str(ts, "slice(" + a + ", " + b + ", " + c + ")");
}

Object* slice_get_start(ThreadState*, Object* o) { return newref(static_cast<SliceObject*>(o)->start); }
Object* slice_get_stop(ThreadState*, Object* o) { return newref(static_cast<SliceObject*>(o)->stop); }
Object* slice_get_step(ThreadState*, Object* o) { return newref(static_cast<SliceObject*>(o)->step); }
const GetSetDef kSliceGetSet[] = {{"start", slice_get_start, nullptr}, {"stop", slice_get_stop, nullptr},
                                  {"step", slice_get_step, nullptr}, {nullptr, nullptr, nullptr}};

Object* slice_new(ThreadState* ts, TypeObject*, Object* const* args, std::size_t nargs, Object*) {
  if (nargs == 1) return new_slice(ts, py_none(), args[0], nullptr);
  if (nargs == 2) return new_slice(ts, args[0], args[1], nullptr);
  if (nargs == 3) return new_slice(ts, args[0], args[1], args[2]);
  return raise(ts, &exc_TypeError, "slice expected at least 1 argument, got " + std::to_string(nargs));
}

bool index_value_as(ThreadState* ts, Object* o, std::int64_t& out, TypeObject* overflow);  // below

// A slice bound: None, or an integer clamped like CPython's _PyEval_SliceIndex.
bool bound(ThreadState* ts, Object* v, std::int64_t& out, bool& given) {
  given = v != py_none();
  if (!given) return true;
  if (!is_int(v) && !v->ob_type->nb_index) {
    raise(ts, &exc_TypeError, "slice indices must be integers or None or have an __index__ method");
    return false;
  }
  return index_value_as(ts, v, out, nullptr);  // huge bounds clamp: [1, 2][10**20:] == []
}

// slice.indices(length) -> (start, stop, step) normalised for a sequence of that length.
Object* slice_indices_method(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (kwnames && tuple_size(kwnames) > 0) return raise(ts, &exc_TypeError, "slice.indices() takes no keyword arguments");
  if (nargs != 1)
    return raise(ts, &exc_TypeError, "slice.indices() takes exactly one argument (" + std::to_string(nargs) + " given)");
  std::int64_t length = 0;
  if (!index_value_as(ts, args[0], length, &exc_OverflowError)) return nullptr;
  if (length < 0) return raise(ts, &exc_ValueError, "length should not be negative");
  Py_ssize_t start, stop, step;
  if (slice_indices(ts, self, static_cast<Py_ssize_t>(length), start, stop, step) < 0) return nullptr;
  Object* t = new_tuple(ts, 3);
  tuple_set(t, 0, new_int(ts, start));
  tuple_set(t, 1, new_int(ts, stop));
  tuple_set(t, 2, new_int(ts, step));
  return t;
}
const MethodDef kSliceMethods[] = {{"indices", slice_indices_method, METH_INSTANCE}, {nullptr, nullptr, 0}};

}  // namespace

TypeObject slice_type = [] {
  TypeObject t = make_static_type("slice", sizeof(SliceObject), &object_type);
  t.tp_dealloc = slice_dealloc;
  t.tp_repr = slice_repr;
  t.tp_getset = kSliceGetSet;
  t.tp_methods = kSliceMethods;
  t.tp_new = slice_new;
  t.tp_hash = nullptr;
  return t;
}();

Object* new_slice(ThreadState*, Object* start, Object* stop, Object* step) {
  auto* s = static_cast<SliceObject*>(object_alloc(&slice_type, sizeof(SliceObject)));
  s->start = newref(start);
  s->stop = newref(stop);
  s->step = newref(step ? step : py_none());
  return s;
}

namespace {

// PyNumber_AsSsize_t: int or __index__ -> int64. A value too large raises `overflow`
// ("cannot fit 'int' into an index-sized integer"), or is clamped when `overflow` is null.
bool index_value_as(ThreadState* ts, Object* o, std::int64_t& out, TypeObject* overflow) {
  Object* n = number_index(ts, o);
  if (!n) return false;
  bool fits = int_fits_int64(n);
  out = int_value(n);  // the saturated value is the clamped one
  decref(n);
  if (!fits && overflow) {
    raise(ts, overflow, std::string("cannot fit '") + o->ob_type->tp_name + "' into an index-sized integer");
    return false;
  }
  return true;
}

}  // namespace

bool index_value(ThreadState* ts, Object* o, std::int64_t& out) {
  if (is_int(o) && int_fits_int64(o)) {
    out = int_value(o);
    return true;
  }
  return index_value_as(ts, o, out, &exc_OverflowError);
}

bool sequence_index(ThreadState* ts, Object* key, Py_ssize_t length, const char* what, Py_ssize_t& out) {
  std::int64_t i;
  if (is_int(key) && int_fits_int64(key)) i = int_value(key);
  else if (!index_value_as(ts, key, i, &exc_IndexError)) return false;
  if (i < 0) i += length;
  if (i < 0 || i >= length) {
    raise(ts, &exc_IndexError, std::string(what) + " index out of range");
    return false;
  }
  out = static_cast<Py_ssize_t>(i);
  return true;
}

Py_ssize_t slice_indices(ThreadState* ts, Object* slice, Py_ssize_t length, Py_ssize_t& start, Py_ssize_t& stop,
                         Py_ssize_t& step) {
  auto* s = static_cast<SliceObject*>(slice);
  std::int64_t st = 1, a = 0, b = 0;
  bool has_step, has_start, has_stop;
  if (!bound(ts, s->step, st, has_step) || !bound(ts, s->start, a, has_start) || !bound(ts, s->stop, b, has_stop))
    return -1;
  if (!has_step) st = 1;
  if (st == 0) {
    raise(ts, &exc_ValueError, "slice step cannot be zero");
    return -1;
  }
  if (st < -INT64_MAX) st = -INT64_MAX;  // CPython too: so -step cannot overflow
  auto len = static_cast<std::int64_t>(length);
  if (!has_start) a = st < 0 ? len - 1 : 0;
  else if (a < 0) a = a + len < 0 ? (st < 0 ? -1 : 0) : a + len;
  else if (a >= len) a = st < 0 ? len - 1 : len;
  if (!has_stop) b = st < 0 ? -1 : len;
  else if (b < 0) b = b + len < 0 ? (st < 0 ? -1 : 0) : b + len;
  else if (b >= len) b = st < 0 ? len - 1 : len;
  start = static_cast<Py_ssize_t>(a);
  stop = static_cast<Py_ssize_t>(b);
  step = static_cast<Py_ssize_t>(st);
  if (st < 0) return b < a ? static_cast<Py_ssize_t>((a - b - 1) / (-st) + 1) : 0;
  return a < b ? static_cast<Py_ssize_t>((b - a - 1) / st + 1) : 0;
}

}  // namespace terrarium
