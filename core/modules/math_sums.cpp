// math's accurate sums: fsum (exact summation with a list of non-overlapping partial
// sums, Shewchuk's method, rounded once at the end), hypot and dist (a scaled, compensated
// sum of squares with one correction step after the square root) and prod.
// CPython: Modules/mathmodule.c math_fsum(), vector_norm(), math_prod_impl().
#include <cmath>
#include <vector>
#include "modules/builtins_registry.hpp"
#include "modules/math_internal.hpp"
#include "objects/abstract.hpp"
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/getargs.hpp"
#include "objects/int.hpp"
#include "objects/tuple.hpp"

namespace terrarium {

namespace {

// hi + lo == a + b exactly, with hi the rounded sum (Knuth's two-sum, no ordering needed).
void two_sum(double a, double b, double& hi, double& lo) {
  hi = a + b;
  double b_virtual = hi - a;
  lo = (a - (hi - b_virtual)) + (b - b_virtual);
}

// Invariant of `partials`: non-zero, non-overlapping, increasing in magnitude, and summing
// exactly to the total of the finite items seen so far.
Object* math_fsum(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_arg(ts, "math.fsum", nargs, kwnames)) return nullptr;
  std::vector<double> partials;
  double special_sum = 0.0;  // the infinities and NaNs, kept apart
  double inf_sum = 0.0;      // the infinities alone: NaN here means inf + -inf
  bool overflow = false;
  bool ok = for_each_item(ts, args[0], [&](Object* item) {
    double x;
    if (!float_as_double(ts, item, x)) return false;
    double original = x;
    std::size_t kept = 0;
    for (double y : partials) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);  // exact, since |x| >= |y|
      if (lo != 0.0) partials[kept++] = lo;
      x = hi;
    }
    partials.resize(kept);
    if (x == 0.0) return true;
    if (std::isfinite(x)) {
      partials.push_back(x);
      return true;
    }
    // A non-finite running sum: an inf or nan item, or finite items that overflowed.
    if (std::isfinite(original)) {
      overflow = true;
      return false;
    }
    if (std::isinf(original)) inf_sum += original;
    special_sum += original;
    partials.clear();
    return true;
  });
  if (overflow) return raise(ts, &exc_OverflowError, "intermediate overflow in fsum");
  if (!ok) return nullptr;
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum)) return raise(ts, &exc_ValueError, "-inf + inf in fsum");
    return new_float(ts, special_sum);
  }
  // Add the partials from the largest down until a sum is inexact; the remaining ones
  // can only matter when the dropped part lies exactly halfway between two doubles.
  double hi = 0.0, lo = 0.0;
  std::size_t n = partials.size();
  if (n > 0) {
    hi = partials[--n];
    while (n > 0) {
      double x = hi, y = partials[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo != 0.0) break;
    }
    // Round half to even would go the wrong way if the next partial pushes the same way
    // as lo: the true sum is then beyond the halfway point.
    if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      if (y == x - hi) hi = x;
    }
  }
  return new_float(ts, hi);
}

// sqrt(sum(x*x)) for |x| values whose largest is `max`, correctly rounded in nearly all
// cases. Scaling by a power of two (exact) keeps the squares in range; each square is
// split into a rounded part and its exact error (fma), summed with two_sum; the root is
// then corrected by one Newton step using the exact residual. CPython: vector_norm().
double vector_norm(std::vector<double>& values, double max, bool found_nan) {
  if (std::isinf(max)) return max;
  if (found_nan) return NAN;
  if (max == 0.0 || values.size() <= 1) return max;
  int max_e;
  std::frexp(max, &max_e);
  double hi = 0.0, lo = 0.0;
  for (double v : values) {
    double x = std::ldexp(v, -max_e);  // now below 1.0
    double square = x * x;
    double square_error = std::fma(x, x, -square);
    double sum_error;
    two_sum(hi, square, hi, sum_error);
    lo += sum_error + square_error;
  }
  double total = hi + lo;
  double low_part = lo - (total - hi);
  double h = std::sqrt(total);
  double residual = std::fma(-h, h, total) + low_part;  // total + low_part - h*h
  h += residual / (2.0 * h);
  return std::ldexp(h, max_e);
}

Object* math_hypot(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!no_kwargs(ts, "math.hypot", kwnames)) return nullptr;
  std::vector<double> values(nargs);
  double max = 0.0;
  bool found_nan = false;
  for (std::size_t i = 0; i < nargs; ++i) {
    double x;
    if (!float_as_double(ts, args[i], x)) return nullptr;
    x = std::fabs(x);
    values[i] = x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return new_float(ts, vector_norm(values, max, found_nan));
}

// dist(p, q): the Euclidean distance between two points given as sequences.
Object* math_dist(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_positional(ts, "dist", "math.dist", nargs, kwnames, 2, 2)) return nullptr;
  // Both points are collected before any coordinate is converted, so a dimension
  // mismatch is reported first, as CPython does after making them tuples.
  std::vector<Object*> points[2];
  auto release = [&] {
    for (auto& point : points)
      for (Object* o : point) decref(o);
  };
  for (int side = 0; side < 2; ++side) {
    if (!for_each_item(ts, args[side], [&](Object* item) {
          points[side].push_back(newref(item));
          return true;
        })) {
      release();
      return nullptr;
    }
  }
  if (points[0].size() != points[1].size()) {
    release();
    return raise(ts, &exc_ValueError, "both points must have the same number of dimensions");
  }
  std::vector<double> p(points[0].size()), q(points[1].size());
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (!float_as_double(ts, points[0][i], p[i]) || !float_as_double(ts, points[1][i], q[i])) {
      release();
      return nullptr;
    }
  }
  release();
  double max = 0.0;
  bool found_nan = false;
  for (std::size_t i = 0; i < p.size(); ++i) {
    double x = std::fabs(p[i] - q[i]);
    p[i] = x;
    found_nan |= std::isnan(x);
    if (x > max) max = x;
  }
  return new_float(ts, vector_norm(p, max, found_nan));
}

const char* const kProdNames[] = {"iterable", "start"};

// prod(iterable, /, *, start=1): start * item * item ..., with each type's own *.
Object* math_prod(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* a[2];
  if (!unpack_keywords(ts, {"prod", kProdNames, 2, 1, 1, 1}, args, nargs, kwnames, a)) return nullptr;
  Object* result = a[1] ? newref(a[1]) : new_int(ts, 1);
  bool ok = for_each_item(ts, a[0], [&](Object* item) {
    Object* next = binary_op(ts, result, item, BinaryOp::Multiply);
    if (!next) return false;
    decref(result);
    result = next;
    return true;
  });
  if (!ok) {
    decref(result);
    return nullptr;
  }
  return result;
}

}  // namespace

bool register_math_sum_functions(ThreadState* ts, Object* dict) {
  struct Fn { const char* name; CallFunc impl; };
  static const Fn kFunctions[] = {
      {"fsum", math_fsum}, {"hypot", math_hypot}, {"dist", math_dist}, {"prod", math_prod},
  };
  for (const Fn& f : kFunctions)
    if (!add_builtin_function(ts, dict, f.name, f.impl)) return false;
  return true;
}

}  // namespace terrarium
