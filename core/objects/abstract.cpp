// Generic protocol dispatch with CPython's rules: binary operators try the left operand's
// slot, then the right's (the right first when it is a subtype), and report CPython's
// exact TypeError texts; comparisons fall back to the reflected operation and to identity
// for == and !=. CPython: Objects/abstract.c binary_op1, Objects/object.c do_richcompare.
#include "objects/abstract.hpp"
#include "objects/bytes.hpp"
#include "objects/exceptions.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

std::string type_name(Object* o) { return o->ob_type->tp_name; }

CompareOp swapped(CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return CompareOp::Gt;
    case CompareOp::Le: return CompareOp::Ge;
    case CompareOp::Gt: return CompareOp::Lt;
    case CompareOp::Ge: return CompareOp::Le;
    default: return op;
  }
}

// CPython: binary_op1. Returns NotImplemented (new ref) when neither side handles it.
Object* binary_op1(ThreadState* ts, Object* a, Object* b, int slot) {
  BinaryFunc fa = a->ob_type->nb_binary[slot];
  BinaryFunc fb = b->ob_type != a->ob_type ? b->ob_type->nb_binary[slot] : nullptr;
  if (fb == fa) fb = nullptr;
  if (fa) {
    if (fb && is_subtype(b->ob_type, a->ob_type)) {
      Object* r = fb(ts, a, b);
      if (r != py_not_implemented()) return r;
      decref(r);
      fb = nullptr;
    }
    Object* r = fa(ts, a, b);
    if (r != py_not_implemented()) return r;
    decref(r);
  }
  if (fb) return fb(ts, a, b);
  return newref(py_not_implemented());
}

}  // namespace

Object* object_repr(ThreadState* ts, Object* o) { return o->ob_type->tp_repr(ts, o); }

Object* object_str(ThreadState* ts, Object* o) {
  UnaryFunc f = o->ob_type->tp_str ? o->ob_type->tp_str : o->ob_type->tp_repr;
  return f(ts, o);
}

bool repr_string(ThreadState* ts, Object* o, std::string& out) {
  Object* r = object_repr(ts, o);
  if (!r) return false;
  out.assign(str_view(r));
  decref(r);
  return true;
}

int object_is_true(ThreadState* ts, Object* o) {
  if (o == py_true()) return 1;
  if (o == py_false() || o == py_none()) return 0;
  if (InquiryFunc f = o->ob_type->nb_bool) return f(ts, o);
  // Containers without __bool__ are true when non-empty. CPython: PyObject_IsTrue.
  if (LenFunc len = o->ob_type->mp_length) {
    Py_ssize_t n = len(ts, o);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}

Py_hash_t object_hash(ThreadState* ts, Object* o) {
  HashFunc f = o->ob_type->tp_hash;
  if (!f) {
    raise(ts, &exc_TypeError, "unhashable type: '" + type_name(o) + "'");
    return -1;
  }
  return f(ts, o);
}

Object* rich_compare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  bool checked_reverse = false;
  RichCompareFunc fb = b->ob_type->tp_richcompare;
  if (a->ob_type != b->ob_type && is_subtype(b->ob_type, a->ob_type) && fb) {
    checked_reverse = true;
    Object* r = fb(ts, b, a, swapped(op));
    if (r != py_not_implemented()) return r;
    decref(r);
  }
  if (RichCompareFunc fa = a->ob_type->tp_richcompare) {
    Object* r = fa(ts, a, b, op);
    if (r != py_not_implemented()) return r;
    decref(r);
  }
  if (!checked_reverse && fb) {
    Object* r = fb(ts, b, a, swapped(op));
    if (r != py_not_implemented()) return r;
    decref(r);
  }
  if (op == CompareOp::Eq) return new_bool(a == b);
  if (op == CompareOp::Ne) return new_bool(a != b);
  return raise(ts, &exc_TypeError, std::string("'") + compare_symbol(op) +
                                       "' not supported between instances of '" + type_name(a) +
                                       "' and '" + type_name(b) + "'");
}

int object_equal(ThreadState* ts, Object* a, Object* b) {
  if (a == b) return 1;
  Object* r = rich_compare(ts, a, b, CompareOp::Eq);
  if (!r) return -1;
  int t = object_is_true(ts, r);
  decref(r);
  return t;
}

Object* binary_op(ThreadState* ts, Object* a, Object* b, BinaryOp op) {
  int index = static_cast<int>(op);
  int slot = index >= kBinaryOpCount ? index - kBinaryOpCount : index;
  // In-place forms try the left operand's in-place slot first, then the plain operator.
  // CPython: binary_iop1.
  if (index >= kBinaryOpCount) {
    if (BinaryFunc f = a->ob_type->nb_inplace[slot]) {
      Object* r = f(ts, a, b);
      if (r != py_not_implemented()) return r;
      decref(r);
    }
  }
  Object* r = binary_op1(ts, a, b, slot);
  if (r != py_not_implemented()) return r;
  decref(r);
  auto plain = static_cast<BinaryOp>(slot);
  // CPython reports sequence concatenation and repetition in sequence terms.
  if (plain == BinaryOp::Add && is_str(a))
    return raise(ts, &exc_TypeError, "can only concatenate str (not \"" + type_name(b) + "\") to str");
  if (plain == BinaryOp::Add && (is_bytes(a) || is_bytearray(a)))
    return raise(ts, &exc_TypeError, "can't concat " + type_name(b) + " to " + type_name(a));
  auto text_like = [](Object* o) { return is_str(o) || is_bytes(o) || is_bytearray(o); };
  if (plain == BinaryOp::Multiply && (text_like(a) || text_like(b)))
    return raise(ts, &exc_TypeError,
                 "can't multiply sequence by non-int of type '" + type_name(text_like(a) ? b : a) + "'");
  std::string sym = binary_op_symbol(op);
  if (plain == BinaryOp::Power && index < kBinaryOpCount) sym = "** or pow()";
  return raise(ts, &exc_TypeError, "unsupported operand type(s) for " + sym + ": '" + type_name(a) +
                                       "' and '" + type_name(b) + "'");
}

namespace {
Object* unary(ThreadState* ts, Object* o, UnaryFunc f, const char* symbol) {
  if (f) return f(ts, o);
  return raise(ts, &exc_TypeError, std::string("bad operand type for unary ") + symbol + ": '" + type_name(o) + "'");
}
}  // namespace

Object* unary_negative(ThreadState* ts, Object* o) { return unary(ts, o, o->ob_type->nb_negative, "-"); }
Object* unary_positive(ThreadState* ts, Object* o) { return unary(ts, o, o->ob_type->nb_positive, "+"); }
Object* unary_invert(ThreadState* ts, Object* o) { return unary(ts, o, o->ob_type->nb_invert, "~"); }

Object* call_object(ThreadState* ts, Object* callable, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (CallFunc f = callable->ob_type->tp_call) return f(ts, callable, args, nargs, kwnames);
  return raise(ts, &exc_TypeError, "'" + type_name(callable) + "' object is not callable");
}

}  // namespace terrarium
