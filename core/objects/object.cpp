// The root types (object, type), the singletons (None, NotImplemented, True, False) and
// the refcount release path. CPython: Objects/object.c, Objects/typeobject.c, boolobject.c.
#include <cstdio>
#include <cstdlib>
#include "objects/exceptions.hpp"
#include "objects/gc_object.hpp"
#include "objects/immortal.hpp"
#include "objects/object.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "trace/allocation_hooks.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

void dealloc(Object* o) {
  note_free(o);
  // Out of the collector's lists first: releasing the contents may run Python code
  // (__del__) and with it a collection, which must not see this dying object.
  if (o->ob_type->tp_flags & TPFLAGS_HAVE_GC) gc_untrack(o);
  o->ob_type->tp_dealloc(o);
}

Object* object_alloc(TypeObject* type, std::size_t size) {
  std::size_t managed = (type->tp_flags & TPFLAGS_MANAGED_DICT) ? kManagedPrefixWords * sizeof(Object*) : 0;
  std::size_t gc = (type->tp_flags & TPFLAGS_HAVE_GC) ? kGCHeadSize : 0;
  // Containers start zeroed: the collector may traverse one before its constructor has
  // filled every field (a collection run by Python code the constructor calls).
  char* raw = static_cast<char*>(managed || gc ? std::calloc(1, gc + managed + size) : std::malloc(size));
  if (!raw) return nullptr;
  auto* o = reinterpret_cast<Object*>(raw + gc + managed);
  o->ob_refcnt = 1;
  o->ob_type = type;
  if (type->tp_flags & TPFLAGS_HEAPTYPE) incref(type);  // instances keep their class alive
  if (gc) {
    if (managed) reinterpret_cast<GCHead*>(raw)->flags = GC_MANAGED_PREFIX;
    gc_track(o);
  }
  if (immortal_window_open.load(std::memory_order_relaxed)) [[unlikely]]
    immortal_window_allocated(o);
  note_allocation(o);
  return o;
}

void object_free(Object* o) {
  TypeObject* type = o->ob_type;
  char* raw = reinterpret_cast<char*>(o);
  if (immortal_window_open.load(std::memory_order_relaxed)) [[unlikely]]
    immortal_window_freed(o);
  if (type->tp_flags & TPFLAGS_MANAGED_DICT) {
    Object* dict = *managed_dict_slot(o);
    *managed_dict_slot(o) = nullptr;
    xdecref(dict);
    raw -= kManagedPrefixWords * sizeof(Object*);
  }
  if (type->tp_flags & TPFLAGS_HAVE_GC) {
    gc_untrack(o);
    raw -= kGCHeadSize;
  }
  std::free(raw);
  if (type->tp_flags & TPFLAGS_HEAPTYPE) decref(type);
}

bool is_subtype(TypeObject* a, TypeObject* b) {
  if (a == b) return true;
  if (Object* mro = a->tp_mro) {  // multiple inheritance: the MRO is authoritative
    auto* t = static_cast<TupleObject*>(mro);
    for (Py_ssize_t i = 0; i < t->size; ++i)
      if (t->items[i] == b) return true;
    return false;
  }
  for (TypeObject* t = a; t != nullptr; t = t->tp_base)
    if (t == b) return true;
  return false;
}

const char* compare_symbol(CompareOp op) {
  static const char* const kSymbols[] = {"<", "<=", "==", "!=", ">", ">="};
  return kSymbols[static_cast<int>(op)];
}

const char* binary_op_symbol(BinaryOp op) {
  static const char* const kSymbols[] = {
      "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
      "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^="};
  return kSymbols[static_cast<int>(op)];
}

void clear_error(ThreadState* ts) {
  Object* e = ts->curexc;
  ts->curexc = nullptr;
  xdecref(e);
}

namespace {

void free_object(Object* o) { object_free(o); }

}  // namespace

void never_dealloc(Object* o) {
  // Static objects carry kImmortalRefcnt; reaching zero means a refcount bug.
  std::fprintf(stderr, "terrarium: fatal: refcount of static %s object reached zero\n",
               o->ob_type->tp_name);
  std::abort();
}

namespace {

Object* default_repr(ThreadState* ts, Object* o) {
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(o));
  return new_str(ts, "<" + qualified_type_name(o->ob_type) + " object at " + addr + ">");
}

}  // namespace

Py_hash_t identity_hash(ThreadState*, Object* o) {
  // CPython: _Py_HashPointer rotates by 4 bits so aligned addresses spread.
  auto y = reinterpret_cast<std::uintptr_t>(o);
  y = (y >> 4) | (y << (8 * sizeof(y) - 4));
  auto h = static_cast<Py_hash_t>(y);
  return h == -1 ? -2 : h;
}

namespace {

Object* identity_compare(ThreadState*, Object* a, Object* b, CompareOp op) {
  if (op == CompareOp::Eq) return new_bool(a == b);
  if (op == CompareOp::Ne) return new_bool(a != b);
  return newref(py_not_implemented());
}

Object* none_repr(ThreadState* ts, Object*) { return new_str(ts, "None"); }
int none_bool(ThreadState*, Object*) { return 0; }
Object* not_implemented_repr(ThreadState* ts, Object*) { return new_str(ts, "NotImplemented"); }

// Calling a singleton's type hands back the singleton: allocating a second None
// would break `is None` everywhere (CPython: none_new, notimplemented_new, ellipsis_new).
template <Object* (*Singleton)(), const char* Name>
Object* singleton_new(ThreadState* ts, TypeObject*, Object* const*, std::size_t nargs, Object* kwnames) {
  bool has_kwargs = kwnames && tuple_size(kwnames) > 0;
  if (nargs > 0 || has_kwargs) return raise(ts, &exc_TypeError, std::string(Name) + " takes no arguments");
  return newref(Singleton());
}
constexpr char kNoneTypeName[] = "NoneType";
constexpr char kNotImplementedTypeName[] = "NotImplementedType";
constexpr char kEllipsisTypeName[] = "EllipsisType";

}  // namespace

TypeObject make_static_type(const char* name, std::size_t basicsize, TypeObject* base) {
  TypeObject t{};
  t.ob_refcnt = kImmortalRefcnt;
  t.ob_type = &type_type;
  t.tp_name = name;
  t.tp_base = base;
  t.tp_basicsize = basicsize;
  t.tp_dealloc = free_object;
  t.tp_repr = default_repr;
  t.tp_hash = identity_hash;
  t.tp_richcompare = identity_compare;
  return t;
}

TypeObject none_type = [] {
  TypeObject t = make_static_type("NoneType", sizeof(Object), &object_type);
  t.tp_repr = none_repr;
  t.nb_bool = none_bool;
  t.tp_new = singleton_new<py_none, kNoneTypeName>;
  t.tp_dealloc = never_dealloc;
  return t;
}();
TypeObject not_implemented_type = [] {
  TypeObject t = make_static_type("NotImplementedType", sizeof(Object), &object_type);
  t.tp_repr = not_implemented_repr;
  t.tp_new = singleton_new<py_not_implemented, kNotImplementedTypeName>;
  t.tp_dealloc = never_dealloc;
  return t;
}();

namespace {
Object* ellipsis_repr(ThreadState* ts, Object*) { return new_str(ts, "Ellipsis"); }
}  // namespace
TypeObject ellipsis_type = [] {
  TypeObject t = make_static_type("ellipsis", sizeof(Object), &object_type);
  t.tp_repr = ellipsis_repr;
  t.tp_new = singleton_new<py_ellipsis, kEllipsisTypeName>;
  t.tp_dealloc = never_dealloc;
  return t;
}();
Object ellipsis_object{kImmortalRefcnt, &ellipsis_type};
Object none_object{kImmortalRefcnt, &none_type};
Object not_implemented_object{kImmortalRefcnt, &not_implemented_type};

}  // namespace terrarium
