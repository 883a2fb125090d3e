// The object header every Python value starts with, reference counting, and the type
// object's slot table. Owns only the layout and the refcount rules; each concrete type
// lives in its own file. CPython: Include/object.h (ob_refcnt, ob_type, tp_* slots).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace terrarium {

struct TypeObject;
struct ThreadState;
struct Object;

using Py_ssize_t = std::ptrdiff_t;
using Py_hash_t = std::int64_t;

// Invariant: ob_refcnt counts every strong reference; the object is freed by its
// type's tp_dealloc when the count drops to zero. Immortal objects are the exception:
// static ones (types, None, booleans, small ints) and everything made during the
// one-time global initialisation (core/objects/immortal.hpp) carry a count at or above
// kImmortalMin, which incref and decref never change, so interpreters running on
// different OS threads share them without writing to them (PEP 683).
// CPython 3.12: Include/object.h _Py_IsImmortal, Py_INCREF, Py_DECREF.
struct Object {
  Py_ssize_t ob_refcnt;
  TypeObject* ob_type;
};

constexpr Py_ssize_t kImmortalRefcnt = Py_ssize_t{1} << (8 * sizeof(Py_ssize_t) - 2);
// Any count this high is immortal; the gap below kImmortalRefcnt absorbs the writes made
// before an object was declared immortal.
constexpr Py_ssize_t kImmortalMin = kImmortalRefcnt / 2;

inline bool is_immortal(const Object* o) { return o->ob_refcnt >= kImmortalMin; }
// One well-predicted branch each: mortal objects are the common case.
inline void incref(Object* o) {
  if (is_immortal(o)) [[unlikely]] return;
  ++o->ob_refcnt;
}
inline void xincref(Object* o) {
  if (o) incref(o);
}
void dealloc(Object* o);
inline void decref(Object* o) {
  if (is_immortal(o)) [[unlikely]] return;
  if (--o->ob_refcnt == 0) dealloc(o);
}
inline void xdecref(Object* o) {
  if (o) decref(o);
}
template <class T>
inline T* newref(T* o) {
  incref(o);
  return o;
}

enum class CompareOp : int { Lt = 0, Le = 1, Eq = 2, Ne = 3, Gt = 4, Ge = 5 };
const char* compare_symbol(CompareOp op);  // "<", "<=", ... (CPython: opcode.cmp_op)

// Binary operators in the order of CPython 3.11's `_nb_ops` (the BINARY_OP argument).
enum class BinaryOp : int {
  Add, And, FloorDivide, Lshift, MatrixMultiply, Multiply, Remainder, Or, Power, Rshift,
  Subtract, TrueDivide, Xor,
  InplaceAdd, InplaceAnd, InplaceFloorDivide, InplaceLshift, InplaceMatrixMultiply,
  InplaceMultiply, InplaceRemainder, InplaceOr, InplacePower, InplaceRshift,
  InplaceSubtract, InplaceTrueDivide, InplaceXor,
};
constexpr int kBinaryOpCount = 13;  // the non-inplace ones; inplace = op + 13
const char* binary_op_symbol(BinaryOp op);  // "+", "+=", ...

using UnaryFunc = Object* (*)(ThreadState*, Object*);
using BinaryFunc = Object* (*)(ThreadState*, Object*, Object*);
using TernaryFunc = Object* (*)(ThreadState*, Object*, Object*, Object*);
using RichCompareFunc = Object* (*)(ThreadState*, Object*, Object*, CompareOp);
using InquiryFunc = int (*)(ThreadState*, Object*);  // -1 on error
using HashFunc = Py_hash_t (*)(ThreadState*, Object*);  // -1 on error
using LenFunc = Py_ssize_t (*)(ThreadState*, Object*);  // -1 on error
// Vectorcall-style: positional args first, then one value per name in kwnames (a tuple or null).
using CallFunc = Object* (*)(ThreadState*, Object* callable, Object* const* args,
                             std::size_t nargs, Object* kwnames);
using NewFunc = Object* (*)(ThreadState*, TypeObject* type, Object* const* args, std::size_t nargs,
                            Object* kwnames);
using InitFunc = int (*)(ThreadState*, Object* self, Object* const* args, std::size_t nargs,
                         Object* kwnames);  // 0 ok, -1 error
using GetattroFunc = Object* (*)(ThreadState*, Object* obj, Object* name);
// value null means delete. 0 ok, -1 error.
using SetattroFunc = int (*)(ThreadState*, Object* obj, Object* name, Object* value);
using DescrGetFunc = Object* (*)(ThreadState*, Object* descr, Object* obj, Object* type);
using DescrSetFunc = int (*)(ThreadState*, Object* descr, Object* obj, Object* value);
using ObjObjArgFunc = int (*)(ThreadState*, Object* container, Object* key, Object* value);
using ContainsFunc = int (*)(ThreadState*, Object* container, Object* item);  // 1, 0, -1
// A builtin method: self, then the call's arguments (vectorcall layout).
using MethodFunc = Object* (*)(ThreadState*, Object* self, Object* const* args, std::size_t nargs,
                               Object* kwnames);

// The cycle collector's view of a container: tp_traverse calls visit(referent, arg) for
// every reference the object owns (and nothing else); tp_clear drops the references
// that can take part in a cycle. CPython: traverseproc, inquiry (tp_clear).
using VisitProc = void (*)(Object* referent, void* arg);
using TraverseFunc = void (*)(Object* self, VisitProc visit, void* arg);
using ClearFunc = void (*)(Object* self);

enum MethodFlags : int { METH_INSTANCE = 0, METH_CLASS = 1, METH_STATIC = 2 };
struct MethodDef {
  const char* name;
  MethodFunc impl;
  int flags;
};
struct GetSetDef {
  const char* name;
  UnaryFunc get;
  int (*set)(ThreadState*, Object* obj, Object* value);  // null: read-only
};

// CPython: Include/object.h Py_TPFLAGS_*.
enum TypeFlags : std::uint32_t {
  TPFLAGS_HEAPTYPE = 1u << 9,
  TPFLAGS_BASETYPE = 1u << 10,
  TPFLAGS_READY = 1u << 12,
  TPFLAGS_MANAGED_DICT = 1u << 4,  // instances carry __dict__ before the header
  TPFLAGS_IMMUTABLETYPE = 1u << 8,
  TPFLAGS_HAVE_GC = 1u << 14,
  // What a match statement's sequence and mapping patterns accept; inherited, and set
  // on ABCs through __abc_tpflags__ (collections.abc.Sequence, Mapping).
  TPFLAGS_SEQUENCE = 1u << 5,
  TPFLAGS_MAPPING = 1u << 6,
  // Builtins whose class pattern takes one positional sub-pattern matching the subject
  // itself: int(x), str(s), list(items)...
  TPFLAGS_MATCH_SELF = 1u << 22,
  // With TPFLAGS_MANAGED_DICT: the words before the instance exist for its weak
  // references only (__slots__ with __weakref__ but no __dict__).
  TPFLAGS_DICTLESS_PREFIX = 1u << 23,
};

struct TypeObject : Object {
  const char* tp_name;
  TypeObject* tp_base;
  std::size_t tp_basicsize;
  std::uint32_t tp_flags;
  void (*tp_dealloc)(Object*);
  UnaryFunc tp_repr;
  UnaryFunc tp_str;
  HashFunc tp_hash;
  RichCompareFunc tp_richcompare;
  CallFunc tp_call;
  GetattroFunc tp_getattro;
  SetattroFunc tp_setattro;
  DescrGetFunc tp_descr_get;
  DescrSetFunc tp_descr_set;
  UnaryFunc tp_iter;
  UnaryFunc tp_iternext;  // null without an error set: the iterator is exhausted
  LenFunc mp_length;
  BinaryFunc mp_subscript;
  ObjObjArgFunc mp_ass_subscript;  // value null: delete
  ContainsFunc sq_contains;
  InquiryFunc nb_bool;
  UnaryFunc nb_negative;
  UnaryFunc nb_positive;
  UnaryFunc nb_invert;
  UnaryFunc nb_index;  // __index__: an int for slicing, range(), bin() ...
  // Indexed by BinaryOp (non-inplace forms). Each receives (a, b) in source order and
  // returns NotImplemented for operand types it does not handle, as CPython's nb_* do.
  BinaryFunc nb_binary[kBinaryOpCount];
  BinaryFunc nb_inplace[kBinaryOpCount];  // null: fall back to nb_binary
  NewFunc tp_new;
  InitFunc tp_init;
  const MethodDef* tp_methods;  // null-name terminated; installed into tp_dict by type_ready
  const GetSetDef* tp_getset;   // likewise
  TraverseFunc tp_traverse;  // TPFLAGS_HAVE_GC types
  ClearFunc tp_clear;
  const char* tp_doc;
  Object* tp_dict;   // the type's namespace (dict), filled by type_ready
  Object* tp_mro;    // tuple of types, the C3 linearisation
  Object* tp_bases;  // tuple of types
  // Heap types (classes made by `class` or type()): the owned name and qualname (str).
  Object* ht_name;
  Object* ht_qualname;
  Object* ht_module;
  Object* tp_weaklist;  // classes can be weakly referenced: the head of their weakref list
};

// Every object is created by object_alloc and released by object_free. Instances of
// types with TPFLAGS_MANAGED_DICT carry two words before the header (their __dict__ and
// weakref list), as CPython 3.11 keeps a managed dict before the object, so a class can
// extend any base layout, variable-size ones (tuple, int) included.
[[nodiscard]] Object* object_alloc(TypeObject* type, std::size_t size);
void object_free(Object* o);
constexpr std::size_t kManagedPrefixWords = 2;
inline Object** managed_dict_slot(Object* o) { return reinterpret_cast<Object**>(o) - 2; }
inline Object** managed_weaklist_slot(Object* o) { return reinterpret_cast<Object**>(o) - 1; }

inline TypeObject* type_of(Object* o) { return o->ob_type; }
bool is_subtype(TypeObject* a, TypeObject* b);
inline bool is_instance(Object* o, TypeObject* t) {
  return o->ob_type == t || is_subtype(o->ob_type, t);
}

// Builds a static type's header; slots are filled by the owning file.
#define TERRARIUM_STATIC_TYPE_HEAD(typetype) \
  { ::terrarium::kImmortalRefcnt, (typetype) }

}  // namespace terrarium
