// math's integer functions, exact for ints of any size: gcd and lcm of any number of
// arguments, isqrt (Newton's method on big ints), factorial (a product tree), comb and
// perm. Arguments go through __index__, so floats are rejected.
// CPython: Modules/mathmodule.c math_gcd(), math_lcm(), math_isqrt(), math_factorial(),
// math_comb_impl(), math_perm_impl().
#include <algorithm>
#include <string>
#include "modules/builtins_registry.hpp"
#include "modules/math_internal.hpp"
#include "objects/exceptions.hpp"
#include "objects/getargs.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"

namespace terrarium {

namespace {

constexpr const char* kInt64Max = "9223372036854775807";

// The __index__ value of o as a BigInt. False with TypeError set.
bool index_value(ThreadState* ts, Object* o, BigInt& out) {
  Object* n = number_index(ts, o);
  if (!n) return false;
  out = int_to_bigint(n);
  decref(n);
  return true;
}

BigInt absolute(const BigInt& v) { return v.sign() < 0 ? -v : v; }

BigInt gcd_of(BigInt a, BigInt b) {
  a = absolute(a);
  b = absolute(b);
  while (!b.is_zero()) {
    if (a.fits_int64() && b.fits_int64()) {  // finish in machine words
      auto x = static_cast<std::uint64_t>(a.to_int64()), y = static_cast<std::uint64_t>(b.to_int64());
      while (y) {
        std::uint64_t r = x % y;
        x = y;
        y = r;
      }
      return BigInt::from_uint64(x);
    }
    BigInt q, r;
    BigInt::floor_divmod(a, b, q, r);
    a = std::move(b);
    b = std::move(r);
  }
  return a;
}

Object* math_gcd(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!no_kwargs(ts, "math.gcd", kwnames)) return nullptr;
  BigInt result;
  for (std::size_t i = 0; i < nargs; ++i) {
    BigInt v;
    if (!index_value(ts, args[i], v)) return nullptr;
    result = gcd_of(result, v);
  }
  return new_int_from_bigint(ts, absolute(result));
}

Object* math_lcm(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!no_kwargs(ts, "math.lcm", kwnames)) return nullptr;
  BigInt result(1);
  for (std::size_t i = 0; i < nargs; ++i) {
    BigInt v;
    if (!index_value(ts, args[i], v)) return nullptr;
    if (result.is_zero() || v.is_zero()) {
      result = BigInt();  // every later argument is still checked
      continue;
    }
    BigInt q, r;
    BigInt::floor_divmod(result, gcd_of(result, v), q, r);
    result = absolute(q * v);
  }
  return new_int_from_bigint(ts, result);
}

// The largest r with r*r <= n: Newton's iteration from above decreases monotonically to it.
BigInt integer_sqrt(const BigInt& n) {
  if (n.is_zero()) return n;
  BigInt x = BigInt(1) << ((n.bit_length() + 1) / 2);  // >= sqrt(n)
  for (;;) {
    BigInt q, r;
    BigInt::floor_divmod(n, x, q, r);
    BigInt y = (x + q) >> 1;
    if (y.compare(x) >= 0) return x;
    x = std::move(y);
  }
}

Object* math_isqrt(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_arg(ts, "math.isqrt", nargs, kwnames)) return nullptr;
  BigInt n;
  if (!index_value(ts, args[0], n)) return nullptr;
  if (n.sign() < 0) return raise(ts, &exc_ValueError, "isqrt() argument must be nonnegative");
  return new_int_from_bigint(ts, integer_sqrt(n));
}

// lo * (lo+1) * ... * hi, splitting the range in halves so the big multiplications
// are between numbers of similar size.
BigInt range_product(std::int64_t lo, std::int64_t hi) {
  if (lo > hi) return BigInt(1);
  if (hi - lo < 8) {
    BigInt p(lo);
    for (std::int64_t i = lo + 1; i <= hi; ++i) p = p * BigInt(i);
    return p;
  }
  std::int64_t mid = lo + (hi - lo) / 2;
  return range_product(lo, mid) * range_product(mid + 1, hi);
}

// (n - k + 1) * ... * n for a big n: k factors.
BigInt falling_product(const BigInt& n, std::int64_t k) {
  if (n.fits_int64() && n.to_int64() - k + 1 >= 1) return range_product(n.to_int64() - k + 1, n.to_int64());
  BigInt p(1);
  for (std::int64_t i = 0; i < k; ++i) p = p * (n - BigInt(i));
  return p;
}

Object* math_factorial(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_arg(ts, "math.factorial", nargs, kwnames)) return nullptr;
  BigInt n;
  if (!index_value(ts, args[0], n)) return nullptr;
  if (n.sign() < 0) return raise(ts, &exc_ValueError, "factorial() not defined for negative values");
  if (!n.fits_int64())
    return raise(ts, &exc_OverflowError, std::string("factorial() argument should not exceed ") + kInt64Max);
  return new_int_from_bigint(ts, range_product(1, n.to_int64()));
}

// n and k of comb/perm: ints, both non-negative.
bool n_and_k(ThreadState* ts, Object* n_obj, Object* k_obj, BigInt& n, BigInt& k) {
  if (!index_value(ts, n_obj, n) || !index_value(ts, k_obj, k)) return false;
  if (n.sign() < 0) {
    raise(ts, &exc_ValueError, "n must be a non-negative integer");
    return false;
  }
  if (k.sign() < 0) {
    raise(ts, &exc_ValueError, "k must be a non-negative integer");
    return false;
  }
  return true;
}

// perm(n, k=None): n! / (n - k)!, and n! when k is omitted.
Object* math_perm(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_positional(ts, "perm", "math.perm", nargs, kwnames, 1, 2)) return nullptr;
  if (nargs == 1 || args[1] == py_none()) return math_factorial(ts, self, args, 1, nullptr);
  BigInt n, k;
  if (!n_and_k(ts, args[0], args[1], n, k)) return nullptr;
  if (n.compare(k) < 0) return new_int(ts, 0);
  if (!k.fits_int64()) return raise(ts, &exc_OverflowError, std::string("k must not exceed ") + kInt64Max);
  return new_int_from_bigint(ts, falling_product(n, k.to_int64()));
}

// comb(n, k): n! / (k! * (n - k)!), computed with the smaller of k and n - k.
Object* math_comb(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_positional(ts, "comb", "math.comb", nargs, kwnames, 2, 2)) return nullptr;
  BigInt n, k;
  if (!n_and_k(ts, args[0], args[1], n, k)) return nullptr;
  BigInt rest = n - k;
  if (rest.sign() < 0) return new_int(ts, 0);
  if (rest.compare(k) < 0) k = rest;
  if (!k.fits_int64())
    return raise(ts, &exc_OverflowError, std::string("min(n - k, k) must not exceed ") + kInt64Max);
  std::int64_t kk = k.to_int64();
  BigInt q, r;
  BigInt::floor_divmod(falling_product(n, kk), range_product(1, kk), q, r);
  return new_int_from_bigint(ts, q);
}

}  // namespace

bool register_math_integer_functions(ThreadState* ts, Object* dict) {
  struct Fn { const char* name; CallFunc impl; };
  static const Fn kFunctions[] = {
      {"gcd", math_gcd}, {"lcm", math_lcm}, {"isqrt", math_isqrt},
      {"factorial", math_factorial}, {"perm", math_perm}, {"comb", math_comb},
  };
  for (const Fn& f : kFunctions)
    if (!add_builtin_function(ts, dict, f.name, f.impl)) return false;
  return true;
}

}  // namespace terrarium
