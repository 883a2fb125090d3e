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
// type's tp_dealloc when the count drops to zero. Static objects (types, None,
// booleans, small ints) start with a huge count so they are never freed.
struct Object {
  Py_ssize_t ob_refcnt;
  TypeObject* ob_type;
};

constexpr Py_ssize_t kImmortalRefcnt = Py_ssize_t{1} << (8 * sizeof(Py_ssize_t) - 2);

inline void incref(Object* o) { ++o->ob_refcnt; }
inline void xincref(Object* o) { if (o) ++o->ob_refcnt; }
void dealloc(Object* o);
inline void decref(Object* o) {
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
using RichCompareFunc = Object* (*)(ThreadState*, Object*, Object*, CompareOp);
using InquiryFunc = int (*)(ThreadState*, Object*);  // -1 on error
using HashFunc = Py_hash_t (*)(ThreadState*, Object*);  // -1 on error
// Vectorcall-style: positional args first, then one value per name in kwnames (a tuple or null).
using CallFunc = Object* (*)(ThreadState*, Object* callable, Object* const* args,
                             std::size_t nargs, Object* kwnames);

struct TypeObject : Object {
  const char* tp_name;
  TypeObject* tp_base;
  std::size_t tp_basicsize;
  void (*tp_dealloc)(Object*);
  UnaryFunc tp_repr;
  UnaryFunc tp_str;
  HashFunc tp_hash;
  RichCompareFunc tp_richcompare;
  CallFunc tp_call;
  InquiryFunc nb_bool;
  UnaryFunc nb_negative;
  UnaryFunc nb_positive;
  UnaryFunc nb_invert;
  // Indexed by BinaryOp (non-inplace forms). Each receives (a, b) in source order and
  // returns NotImplemented for operand types it does not handle, as CPython's nb_* do.
  BinaryFunc nb_binary[kBinaryOpCount];
};

inline TypeObject* type_of(Object* o) { return o->ob_type; }
bool is_subtype(TypeObject* a, TypeObject* b);
inline bool is_instance(Object* o, TypeObject* t) {
  return o->ob_type == t || is_subtype(o->ob_type, t);
}

// Builds a static type's header; slots are filled by the owning file.
#define TERRARIUM_STATIC_TYPE_HEAD(typetype) \
  { ::terrarium::kImmortalRefcnt, (typetype) }

}  // namespace terrarium
