// The weakref.ref type. Basic references (no callback, exact type) are shared: ref(o)
// returns the same object each time, as in CPython.
#include "objects/weakref.hpp"

#include <cstdio>
#include <string>
#include "objects/abstract.hpp"
#include "objects/exceptions.hpp"
#include "objects/function.hpp"
#include "objects/gc_object.hpp"
#include "objects/list.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"
#include "vm/gc_state.hpp"
#include "vm/thread_state.hpp"
#include "vm/unraisable.hpp"

namespace terrarium {

namespace {

WeakRefObject* as_ref(Object* o) { return static_cast<WeakRefObject*>(o); }

// Where a referent keeps its list: the word before an instance of a class, or a field
// of classes and functions. Null for objects that cannot be weakly referenced.
WeakRefObject** list_head(Object* referent) {
  if (is_immortal(referent)) return nullptr;
  if (referent->ob_type->tp_flags & TPFLAGS_MANAGED_DICT)
    return reinterpret_cast<WeakRefObject**>(managed_weaklist_slot(referent));
  if (is_instance(referent, &type_type) && (static_cast<TypeObject*>(referent)->tp_flags & TPFLAGS_HEAPTYPE))
    return reinterpret_cast<WeakRefObject**>(&static_cast<TypeObject*>(referent)->tp_weaklist);
  if (referent->ob_type == &function_type)
    return reinterpret_cast<WeakRefObject**>(&static_cast<FunctionObject*>(referent)->weaklist);
  return nullptr;
}

void unlink(WeakRefObject* r) {
  if (!r->referent) return;
  WeakRefObject** head = list_head(r->referent);
  if (*head == r) *head = r->next_ref;
  if (r->prev_ref) r->prev_ref->next_ref = r->next_ref;
  if (r->next_ref) r->next_ref->prev_ref = r->prev_ref;
  r->prev_ref = r->next_ref = nullptr;
  r->referent = nullptr;
}

bool is_basic(WeakRefObject* r) { return !r->callback && r->ob_type == &weakref_type; }

std::string address_of(const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", p);
  return buf;
}

void weakref_dealloc(Object* o) {
  unlink(as_ref(o));
  xdecref(as_ref(o)->callback);
  object_free(o);
}

void weakref_traverse(Object* o, VisitProc visit, void* arg) {
  if (as_ref(o)->callback) visit(as_ref(o)->callback, arg);
}

void weakref_clear(Object* o) {
  unlink(as_ref(o));
  Object* cb = as_ref(o)->callback;
  as_ref(o)->callback = nullptr;
  xdecref(cb);
}

Object* weakref_call(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (nargs || (kwnames && tuple_size(kwnames)))
    return raise(ts, &exc_TypeError, "weakref() takes no arguments (" + std::to_string(nargs) + " given)");
  Object* r = as_ref(self)->referent;
  return newref(r ? r : py_none());
}

Object* weakref_tp_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (kwnames && tuple_size(kwnames)) return raise(ts, &exc_TypeError, "ref() takes no keyword arguments");
  if (nargs < 1 || nargs > 2)
    return raise(ts, &exc_TypeError, std::string("__new__ expected at ") + (nargs < 1 ? "least 1 argument, got 0" : "most 2 arguments, got " + std::to_string(nargs)));
  Object* callback = nargs == 2 && args[1] != py_none() ? args[1] : nullptr;
  return new_weakref_of_type(ts, type, args[0], callback);
}

int weakref_init(ThreadState*, Object*, Object* const*, std::size_t, Object*) { return 0; }

Object* weakref_repr(ThreadState* ts, Object* o) {
  Object* r = as_ref(o)->referent;
  if (!r) return new_str(ts, "<weakref at " + address_of(o) + "; dead>");
  std::string out = "<weakref at " + address_of(o) + "; to '" + qualified_type_name(r->ob_type) + "' at " + address_of(r);
  Object* name = get_attr_str_or_null(ts, r, "__name__");
  if (name && is_str(name)) out += " (" + std::string(str_view(name)) + ")";
  xdecref(name);
  clear_error(ts);
  return new_str(ts, out + ">");
}

Py_hash_t weakref_hash(ThreadState* ts, Object* o) {
  WeakRefObject* r = as_ref(o);
  if (r->hash != -1) return r->hash;
  if (!r->referent) {
    raise(ts, &exc_TypeError, "weak object has gone away");
    return -1;
  }
  r->hash = object_hash(ts, r->referent);
  return r->hash;
}

// Two live references compare as their referents; otherwise by identity.
Object* weakref_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || !is_instance(b, &weakref_type))
    return newref(py_not_implemented());
  Object* x = as_ref(a)->referent;
  Object* y = as_ref(b)->referent;
  if (!x || !y) {
    bool same = a == b;
    return new_bool(op == CompareOp::Eq ? same : !same);
  }
  return rich_compare(ts, x, y, op);
}

Object* weakref_get_callback(ThreadState*, Object* o) {
  Object* cb = as_ref(o)->callback;
  return newref(cb ? cb : py_none());
}
const GetSetDef kWeakrefGetSet[] = {{"__callback__", weakref_get_callback, nullptr}, {nullptr, nullptr, nullptr}};

}  // namespace

TypeObject weakref_type = [] {
  TypeObject t = make_static_type("weakref.ReferenceType", sizeof(WeakRefObject), &object_type);
  t.tp_flags = TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC;
  t.tp_traverse = weakref_traverse;
  t.tp_clear = weakref_clear;
  t.tp_dealloc = weakref_dealloc;
  t.tp_call = weakref_call;
  t.tp_new = weakref_tp_new;
  t.tp_init = weakref_init;
  t.tp_repr = weakref_repr;
  t.tp_hash = weakref_hash;
  t.tp_richcompare = weakref_richcompare;
  t.tp_getset = kWeakrefGetSet;
  return t;
}();

bool supports_weakrefs(Object* o) { return list_head(o) != nullptr; }

Object* new_weakref(ThreadState* ts, Object* referent, Object* callback) {
  return new_weakref_of_type(ts, &weakref_type, referent, callback);
}

Object* new_weakref_of_type(ThreadState* ts, TypeObject* type, Object* referent, Object* callback) {
  if (!supports_weakrefs(referent))
    return raise(ts, &exc_TypeError, "cannot create weak reference to '" + std::string(referent->ob_type->tp_name) + "' object");
  WeakRefObject** head = list_head(referent);
  if (type == &weakref_type && !callback && *head && is_basic(*head)) return newref(*head);
  auto* r = static_cast<WeakRefObject*>(object_alloc(type, type->tp_basicsize));
  r->referent = referent;
  r->callback = callback ? newref(callback) : nullptr;
  r->hash = -1;
  // Basic references go first, so the shared one is always found at the head.
  if (!callback || !*head || !is_basic(*head)) {
    r->next_ref = *head;
    if (*head) (*head)->prev_ref = r;
    *head = r;
  } else {
    WeakRefObject* basic = *head;
    r->next_ref = basic->next_ref;
    r->prev_ref = basic;
    if (basic->next_ref) basic->next_ref->prev_ref = r;
    basic->next_ref = r;
  }
  return r;
}

Py_ssize_t weakref_count(Object* referent) {
  if (!supports_weakrefs(referent)) return 0;
  Py_ssize_t n = 0;
  for (WeakRefObject* r = *list_head(referent); r; r = r->next_ref) ++n;
  return n;
}

Object* weakrefs_of(ThreadState* ts, Object* referent) {
  Object* out = new_list(ts);
  if (!supports_weakrefs(referent)) return out;
  for (WeakRefObject* r = *list_head(referent); r; r = r->next_ref)
    if (!list_append(ts, out, r)) {
      decref(out);
      return nullptr;
    }
  return out;
}

void detach_weakrefs(Object* referent, std::vector<Object*>& with_callbacks) {
  if (!supports_weakrefs(referent)) return;
  WeakRefObject** head = list_head(referent);
  while (WeakRefObject* r = *head) {
    unlink(r);
    // A reference that is itself being freed (refcount zero) gets no callback.
    if (r->callback && r->ob_refcnt > 0) with_callbacks.push_back(newref<Object>(r));
  }
}

void run_weakref_callback(ThreadState* ts, Object* ref) {
  Object* cb = as_ref(ref)->callback;
  if (!cb || !ts) return;
  incref(cb);
  Object* pending = fetch_error(ts);
  Object* r = call_object(ts, cb, &ref, 1, nullptr);
  if (r) decref(r);
  else write_unraisable(ts, cb);
  decref(cb);
  ts->curexc = pending;
}

void clear_weakrefs(Object* referent) {
  if (!supports_weakrefs(referent) || !*list_head(referent)) return;
  std::vector<Object*> pending;
  detach_weakrefs(referent, pending);
  ThreadState* ts = current_thread_state();
  for (Object* ref : pending) {  // in list order, as CPython's PyObject_ClearWeakRefs
    run_weakref_callback(ts, ref);
    decref(ref);
  }
}

}  // namespace terrarium
