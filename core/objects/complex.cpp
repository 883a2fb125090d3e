// The complex type object: arithmetic with int and float operands (converted to complex,
// ints with OverflowError when too large), equality only (ordering is a TypeError through
// NotImplemented), CPython's hash and repr. The arithmetic itself is in complex_arith.cpp,
// the constructor in complex_new.cpp, methods and attributes in complex_methods.cpp.
// CPython: Objects/complexobject.c.
#include <cmath>
#include "objects/complex.hpp"
#include "objects/complex_internal.hpp"
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/format.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"

namespace terrarium {

namespace {

// An int, float or complex operand as a complex value: 1; 0 when the operand is none of
// these (the slot answers NotImplemented); -1 with OverflowError for a huge int.
// CPython: to_complex().
int operand_complex(ThreadState* ts, Object* o, ComplexValue& out) {
  if (is_complex(o)) {
    out = complex_value(o);
    return 1;
  }
  if (is_float(o)) {
    out = {float_value(o), 0.0};
    return 1;
  }
  if (is_int(o)) {
    out.imag = 0.0;
    return int_to_double(ts, o, out.real) ? 1 : -1;
  }
  return 0;
}

Object* complex_binary(ThreadState* ts, Object* a, Object* b, BinaryOp op) {
  ComplexValue x, y;
  int ok = operand_complex(ts, a, x);
  if (ok > 0) ok = operand_complex(ts, b, y);
  if (ok < 0) return nullptr;
  if (ok == 0) return newref(py_not_implemented());
  ComplexValue r;
  switch (op) {
    case BinaryOp::Add: r = complex_sum(x, y); break;
    case BinaryOp::Subtract: r = complex_difference(x, y); break;
    case BinaryOp::Multiply: r = complex_product(x, y); break;
    case BinaryOp::TrueDivide: {
      bool by_zero;
      r = complex_quotient(x, y, by_zero);
      if (by_zero) return raise(ts, &exc_ZeroDivisionError, "complex division by zero");
      break;
    }
    case BinaryOp::Power: return complex_power_values(ts, x, y);
    default: return newref(py_not_implemented());
  }
  return new_complex(ts, r.real, r.imag);
}

template <BinaryOp Op>
Object* complex_slot(ThreadState* ts, Object* a, Object* b) {
  return complex_binary(ts, a, b, Op);
}

Object* complex_repr(ThreadState* ts, Object* o) { return new_str(ts, complex_repr_string(complex_value(o))); }

// Combines the parts' hashes so that complex(x, 0) hashes as x. CPython: complex_hash().
Py_hash_t complex_hash(ThreadState* ts, Object* o) {
  constexpr std::uint64_t kImagMultiplier = 1000003;  // CPython: _PyHASH_IMAG
  ComplexValue z = complex_value(o);
  Py_hash_t real_hash = hash_double(ts, o, z.real);
  Py_hash_t imag_hash = hash_double(ts, o, z.imag);
  // Unsigned arithmetic: the overflow wraps, as CPython's Py_uhash_t does.
  std::uint64_t combined =
      static_cast<std::uint64_t>(real_hash) + kImagMultiplier * static_cast<std::uint64_t>(imag_hash);
  auto h = static_cast<Py_hash_t>(combined);
  return h == -1 ? -2 : h;
}

// Only == and != are defined. An int is compared exactly with the real part (through
// float's comparison), so 2**53 + 1 != complex(2**53 + 1). CPython: complex_richcompare().
Object* complex_richcompare(ThreadState* ts, Object* a, Object* b, CompareOp op) {
  if ((op != CompareOp::Eq && op != CompareOp::Ne) || !is_complex(a)) return newref(py_not_implemented());
  ComplexValue z = complex_value(a);
  bool equal;
  if (is_int(b)) {
    if (z.imag == 0.0) {
      Object* real = new_float(ts, z.real);
      Object* r = float_type.tp_richcompare(ts, real, b, op);
      decref(real);
      return r;
    }
    equal = false;
  } else if (is_float(b)) {
    equal = z.real == float_value(b) && z.imag == 0.0;
  } else if (is_complex(b)) {
    ComplexValue w = complex_value(b);
    equal = z.real == w.real && z.imag == w.imag;
  } else {
    return newref(py_not_implemented());
  }
  return new_bool(equal == (op == CompareOp::Eq));
}

int complex_bool(ThreadState*, Object* o) {
  ComplexValue z = complex_value(o);
  return z.real != 0.0 || z.imag != 0.0;
}
Object* complex_negative(ThreadState* ts, Object* o) {
  ComplexValue z = complex_value(o);
  return new_complex(ts, -z.real, -z.imag);
}
Object* complex_positive(ThreadState* ts, Object* o) {
  ComplexValue z = complex_value(o);
  return new_complex(ts, z.real, z.imag);
}

}  // namespace

TypeObject complex_type = [] {
  TypeObject t = make_static_type("complex", sizeof(ComplexObject), &object_type);
  t.tp_flags = TPFLAGS_BASETYPE;
  t.tp_repr = complex_repr;
  t.tp_hash = complex_hash;
  t.tp_richcompare = complex_richcompare;
  t.nb_bool = complex_bool;
  t.nb_negative = complex_negative;
  t.nb_positive = complex_positive;
  t.tp_new = complex_new;
  t.tp_methods = kComplexMethods;
  t.tp_getset = kComplexGetSet;
  t.tp_doc =
      "Create a complex number from a real part and an optional imaginary part.\n\n"
      "This is equivalent to (real + imag*1j) where imag defaults to 0.";
#define TERRARIUM_COMPLEX_SLOT(op) t.nb_binary[static_cast<int>(BinaryOp::op)] = complex_slot<BinaryOp::op>;
  TERRARIUM_COMPLEX_SLOT(Add) TERRARIUM_COMPLEX_SLOT(Subtract) TERRARIUM_COMPLEX_SLOT(Multiply)
  TERRARIUM_COMPLEX_SLOT(TrueDivide) TERRARIUM_COMPLEX_SLOT(Power)
#undef TERRARIUM_COMPLEX_SLOT
  return t;
}();

Object* new_complex(ThreadState*, double real, double imag) {
  auto* o = static_cast<ComplexObject*>(object_alloc(&complex_type, sizeof(ComplexObject)));
  o->value = {real, imag};
  return o;
}

Object* new_complex_of_type(ThreadState* ts, TypeObject* type, ComplexValue z) {
  if (type == &complex_type) return new_complex(ts, z.real, z.imag);
  auto* o = static_cast<ComplexObject*>(object_alloc(type, type->tp_basicsize));
  o->value = z;
  return o;
}

std::string complex_repr_string(ComplexValue z) {
  // Each part is the shortest round-tripping text without a forced ".0": 1.0 shows as 1.
  if (z.real == 0.0 && !std::signbit(z.real)) return double_to_string(z.imag, 'r', 0, 0) + "j";
  return "(" + double_to_string(z.real, 'r', 0, 0) + double_to_string(z.imag, 'r', 0, DTSF_SIGN) + "j)";
}

}  // namespace terrarium
