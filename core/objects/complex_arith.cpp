// Complex arithmetic on plain values: the four operations, the modulus and powers, each
// with the special-value behaviour of CPython's C routines so results print identically.
// Owns no Python objects except in complex_power_values, which raises the errors.
// CPython: Objects/complexobject.c _Py_c_quot(), _Py_c_pow(), c_powu(), _Py_c_abs().
#include <cmath>
#include "objects/complex_internal.hpp"
#include "objects/exceptions.hpp"

namespace terrarium {

ComplexValue complex_sum(ComplexValue a, ComplexValue b) { return {a.real + b.real, a.imag + b.imag}; }
ComplexValue complex_difference(ComplexValue a, ComplexValue b) { return {a.real - b.real, a.imag - b.imag}; }
ComplexValue complex_product(ComplexValue a, ComplexValue b) {
  return {a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
}

// Smith's method: divide through by the larger part of b, so that b.real**2 + b.imag**2
// is never formed and cannot overflow or underflow on its own.
ComplexValue complex_quotient(ComplexValue a, ComplexValue b, bool& by_zero) {
  by_zero = false;
  double abs_real = std::fabs(b.real), abs_imag = std::fabs(b.imag);
  if (abs_real >= abs_imag) {
    if (abs_real == 0.0) {
      by_zero = true;
      return {0.0, 0.0};
    }
    double ratio = b.imag / b.real;
    double denominator = b.real + b.imag * ratio;
    return {(a.real + a.imag * ratio) / denominator, (a.imag - a.real * ratio) / denominator};
  }
  if (abs_imag >= abs_real) {
    double ratio = b.real / b.imag;
    double denominator = b.real * ratio + b.imag;
    return {(a.real * ratio + a.imag) / denominator, (a.imag * ratio - a.real) / denominator};
  }
  return {NAN, NAN};  // a part of b is a NaN: neither comparison held
}

double complex_modulus(ComplexValue z, bool& overflow) {
  overflow = false;
  // C99 Annex G: an infinite part makes the modulus infinite, even beside a NaN.
  if (std::isinf(z.real)) return std::fabs(z.real);
  if (std::isinf(z.imag)) return std::fabs(z.imag);
  if (std::isnan(z.real) || std::isnan(z.imag)) return NAN;
  double r = std::hypot(z.real, z.imag);
  overflow = std::isinf(r);
  return r;
}

namespace {

// x**n for n >= 0 by repeated squaring: exact for small Gaussian integers, so
// (1+2j)**2 is (-3+4j), not a rounded polar result.
ComplexValue power_unsigned(ComplexValue x, long n) {
  ComplexValue result{1.0, 0.0};
  for (long mask = 1; mask > 0 && n >= mask; mask <<= 1) {
    if (n & mask) result = complex_product(result, x);
    x = complex_product(x, x);
  }
  return result;
}

// The general case in polar form: |a|**b * e**(i*b*arg(a)), with the imaginary part of
// b scaling the length and turning the phase. `zero_base` is set for 0 ** (negative or
// complex), which has no value.
ComplexValue power_polar(ComplexValue a, ComplexValue b, bool& zero_base) {
  zero_base = false;
  if (b.real == 0.0 && b.imag == 0.0) return {1.0, 0.0};
  if (a.real == 0.0 && a.imag == 0.0) {
    zero_base = b.imag != 0.0 || b.real < 0.0;
    return {0.0, 0.0};
  }
  double modulus = std::hypot(a.real, a.imag);
  double length = std::pow(modulus, b.real);
  double angle = std::atan2(a.imag, a.real);
  double phase = angle * b.real;
  if (b.imag != 0.0) {
    length /= std::exp(angle * b.imag);
    phase += b.imag * std::log(modulus);
  }
  return {length * std::cos(phase), length * std::sin(phase)};
}

}  // namespace

Object* complex_power_values(ThreadState* ts, ComplexValue a, ComplexValue b) {
  ComplexValue result;
  bool zero_base = false;
  // Small integral exponents use exact multiplication, as CPython does up to 100.
  if (b.imag == 0.0 && b.real == std::floor(b.real) && std::fabs(b.real) <= 100.0) {
    auto n = static_cast<long>(b.real);
    if (n > 0) {
      result = power_unsigned(a, n);
    } else {
      result = complex_quotient({1.0, 0.0}, power_unsigned(a, -n), zero_base);
    }
  } else {
    result = power_polar(a, b, zero_base);
  }
  if (zero_base) return raise(ts, &exc_ZeroDivisionError, "0.0 to a negative or complex power");
  if (std::isinf(result.real) || std::isinf(result.imag))
    return raise(ts, &exc_OverflowError, "complex exponentiation");
  return new_complex(ts, result.real, result.imag);
}

}  // namespace terrarium
