// int's methods and attributes: bit_length, bit_count, to_bytes/from_bytes,
// as_integer_ratio, __round__ (half to even for negative ndigits), the conversions
// (__int__, __float__, __trunc__, ...), __format__ and numerator/denominator/real/imag.
// CPython: Objects/longobject.c int_* methods, Objects/clinic/longobject.c.h.
#include <algorithm>
#include <string>
#include <vector>
#include "objects/abstract.hpp"
#include "objects/bytes.hpp"
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/format.hpp"
#include "objects/getargs.hpp"
#include "objects/int.hpp"
#include "objects/int_internal.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

Object* int_conjugate(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  return no_args(ts, "int.conjugate", nargs, kwnames) ? int_exact(ts, self) : nullptr;
}

Object* int_bit_length_method(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_args(ts, "int.bit_length", nargs, kwnames)) return nullptr;
  return new_int(ts, static_cast<std::int64_t>(int_bit_length(self)));
}

Object* int_bit_count(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_args(ts, "int.bit_count", nargs, kwnames)) return nullptr;
  std::int64_t count = 0;
  if (int_fits_int64(self)) {
    std::int64_t v = int_value(self);
    count = __builtin_popcountll(v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v));
  } else {
    for (std::uint32_t w : int_to_bigint(self).magnitude_words()) count += __builtin_popcount(w);
  }
  return new_int(ts, count);
}

Object* int_as_integer_ratio(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_args(ts, "int.as_integer_ratio", nargs, kwnames)) return nullptr;
  Object* t = new_tuple(ts, 2);
  tuple_set(t, 0, int_exact(ts, self));
  tuple_set(t, 1, new_int(ts, 1));
  return t;
}

// __trunc__, __floor__, __ceil__: an int is its own integral part.
Object* int_trunc(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  return no_args(ts, "int.__trunc__", nargs, kwnames) ? int_exact(ts, self) : nullptr;
}
Object* int_floor(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  return no_args(ts, "int.__floor__", nargs, kwnames) ? int_exact(ts, self) : nullptr;
}
Object* int_ceil(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  return no_args(ts, "int.__ceil__", nargs, kwnames) ? int_exact(ts, self) : nullptr;
}
Object* int_int(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  return wrapper_args(ts, "__int__", 0, nargs, kwnames) ? int_exact(ts, self) : nullptr;
}
Object* int_float(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!wrapper_args(ts, "__float__", 0, nargs, kwnames)) return nullptr;
  double v;
  return int_to_double(ts, self, v) ? new_float(ts, v) : nullptr;
}
Object* int_abs(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!wrapper_args(ts, "__abs__", 0, nargs, kwnames)) return nullptr;
  if (int_sign(self) >= 0) return int_exact(ts, self);
  return unary_negative(ts, self);
}

Object* int_divmod_method(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!wrapper_args(ts, "__divmod__", 1, nargs, kwnames)) return nullptr;
  if (!is_int(args[0])) return newref(py_not_implemented());
  return int_divmod(ts, self, args[0]);
}
Object* int_rdivmod_method(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!wrapper_args(ts, "__rdivmod__", 1, nargs, kwnames)) return nullptr;
  if (!is_int(args[0])) return newref(py_not_implemented());
  return int_divmod(ts, args[0], self);
}

// round(x, ndigits) for ndigits < 0: the nearest multiple of 10**-ndigits, ties to the
// even multiple. CPython: long_round() with _PyLong_DivmodNear().
Object* round_to_power_of_ten(ThreadState* ts, Object* self, Object* ndigits) {
  std::uint64_t bits = int_bit_length(self);
  // 10**k > 2**(3k - 3) >= 2 * |self| once 3(k - 1) >= bits + 1: the answer is 0, and
  // 10**k need not be computed (it could be enormous).
  if (!int_fits_int64(ndigits) || int_value(ndigits) == INT64_MIN) return new_int(ts, 0);
  auto k = static_cast<std::uint64_t>(-int_value(ndigits));
  if (3 * (k - 1) >= bits + 1) return new_int(ts, 0);
  BigInt x = int_to_bigint(self);
  BigInt p = BigInt::pow(BigInt(10), k);
  BigInt q, r;
  BigInt::floor_divmod(x, p, q, r);  // 0 <= r < p
  BigInt twice = r + r;
  int c = twice.compare(p);
  if (c > 0 || (c == 0 && !(q & BigInt(1)).is_zero())) r = r - p;
  return new_int_from_bigint(ts, x - r);
}

Object* int_round(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_positional(ts, "__round__", "int.__round__", nargs, kwnames, 0, 1)) return nullptr;
  if (nargs == 0) return int_exact(ts, self);
  Object* ndigits = number_index(ts, args[0]);
  if (!ndigits) return nullptr;
  Object* r = int_sign(ndigits) >= 0 ? int_exact(ts, self) : round_to_power_of_ten(ts, self, ndigits);
  decref(ndigits);
  return r;
}

Object* int_format(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_arg(ts, "int.__format__", nargs, kwnames)) return nullptr;
  if (!is_str(args[0]))
    return raise(ts, &exc_TypeError, std::string("__format__() argument must be str, not ") + args[0]->ob_type->tp_name);
  // An empty spec is str(self), so format(True) is 'True' and subclasses keep their __str__.
  if (str_view(args[0]).empty()) return object_str(ts, self);
  return format_int_value(ts, int_to_bigint(self), str_view(args[0]));
}

// The byteorder and signed arguments shared by to_bytes and from_bytes.
bool byte_options(ThreadState* ts, const char* fname, Object* byteorder, Object* is_signed, bool& little, bool& sign) {
  little = false;
  if (byteorder) {
    if (!is_str(byteorder)) {
      raise(ts, &exc_TypeError, std::string(fname) + "() argument 'byteorder' must be str, not " + byteorder->ob_type->tp_name);
      return false;
    }
    std::string_view order = str_view(byteorder);
    if (order != "little" && order != "big") {
      raise(ts, &exc_ValueError, "byteorder must be either 'little' or 'big'");
      return false;
    }
    little = order == "little";
  }
  sign = false;
  if (is_signed) {
    int t = object_is_true(ts, is_signed);
    if (t < 0) return false;
    sign = t == 1;
  }
  return true;
}

const char* const kToBytesNames[] = {"length", "byteorder", "signed"};
const char* const kFromBytesNames[] = {"bytes", "byteorder", "signed"};

// int.to_bytes(length=1, byteorder='big', *, signed=False), with every check CPython makes.
Object* int_to_bytes(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* a[3];
  if (!unpack_keywords(ts, {"to_bytes", kToBytesNames, 3, 0, 2, 0}, args, nargs, kwnames, a)) return nullptr;
  std::int64_t length = 1;
  if (a[0]) {
    Object* n = number_index(ts, a[0]);
    if (!n) return nullptr;
    bool fits = int_fits_int64(n);
    length = int_value(n);
    decref(n);
    if (!fits) return raise(ts, &exc_OverflowError, "Python int too large to convert to C ssize_t");
    if (length < 0) return raise(ts, &exc_ValueError, "length argument must be non-negative");
  }
  bool little, sign;
  if (!byte_options(ts, "to_bytes", a[1], a[2], little, sign)) return nullptr;
  int s = int_sign(self);
  if (s < 0 && !sign) return raise(ts, &exc_OverflowError, "can't convert negative int to unsigned");
  // Two's complement needs bit_length(x) bits (of ~x for negatives) plus a sign bit.
  std::uint64_t needed = s < 0 ? (~int_to_bigint(self)).bit_length() : int_bit_length(self);
  if (sign) ++needed;
  // CPython's byte loop lets -1 through into zero bytes (all its bytes are sign bytes).
  bool minus_one_in_nothing = length == 0 && s < 0 && needed == 1;
  if (needed > static_cast<std::uint64_t>(length) * 8 && !minus_one_in_nothing)
    return raise(ts, &exc_OverflowError, "int too big to convert");
  // Two's complement of a negative value: 2**(8*length) + value, which fits by the check above.
  BigInt value = int_to_bigint(self);
  if (s < 0) value = (BigInt(1) << (8 * static_cast<std::uint64_t>(length))) + value;
  std::vector<std::uint32_t> words = value.magnitude_words();
  std::string out(static_cast<std::size_t>(length), '\0');
  for (std::size_t i = 0; i < out.size() && i / 4 < words.size(); ++i)
    out[little ? i : out.size() - 1 - i] = static_cast<char>(words[i / 4] >> (8 * (i % 4)));
  return new_bytes(ts, out);
}

// The bytes of `source` as bytes(source) would give them (lists, tuples and iterables of
// ints 0..255). CPython: Objects/bytesobject.c PyBytes_FromObject().
bool collect_bytes(ThreadState* ts, Object* source, std::vector<std::uint8_t>& out) {
  std::string_view buffer;
  if (buffer_view(source, buffer)) return out.assign(buffer.begin(), buffer.end()), true;
  auto cannot = [&] {
    raise(ts, &exc_TypeError, std::string("cannot convert '") + source->ob_type->tp_name + "' object to bytes");
    return false;
  };
  if (is_str(source) || !source->ob_type->tp_iter) return cannot();
  return for_each_item(ts, source, [&](Object* item) {
    Object* n = number_index(ts, item);
    if (!n) return false;
    std::int64_t v = int_value(n);  // saturated when huge: out of range either way
    decref(n);
    if (v < 0 || v > 255) {
      raise(ts, &exc_ValueError, "bytes must be in range(0, 256)");
      return false;
    }
    out.push_back(static_cast<std::uint8_t>(v));
    return true;
  });
}

// int.from_bytes(bytes, byteorder='big', *, signed=False), a class method.
Object* int_from_bytes(ThreadState* ts, Object* cls, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* a[3];
  if (!unpack_keywords(ts, {"from_bytes", kFromBytesNames, 3, 0, 2, 1}, args, nargs, kwnames, a)) return nullptr;
  bool little, sign;
  if (!byte_options(ts, "from_bytes", a[1], a[2], little, sign)) return nullptr;
  std::vector<std::uint8_t> bytes;
  if (!collect_bytes(ts, a[0], bytes)) return nullptr;
  if (!little) std::reverse(bytes.begin(), bytes.end());  // now least significant first
  std::vector<std::uint32_t> words((bytes.size() + 3) / 4, 0);
  for (std::size_t i = 0; i < bytes.size(); ++i) words[i / 4] |= static_cast<std::uint32_t>(bytes[i]) << (8 * (i % 4));
  BigInt v = BigInt::from_magnitude_words(words, false);
  if (sign && !bytes.empty() && (bytes.back() & 0x80)) v = v - (BigInt(1) << (8 * bytes.size()));
  Object* result = new_int_from_bigint(ts, std::move(v));
  if (cls == &int_type) return result;
  Object* instance = call_object(ts, cls, &result, 1, nullptr);
  decref(result);
  return instance;
}

Object* int_get_self(ThreadState* ts, Object* self) { return int_exact(ts, self); }
Object* int_get_zero(ThreadState* ts, Object*) { return new_int(ts, 0); }
Object* int_get_one(ThreadState* ts, Object*) { return new_int(ts, 1); }

}  // namespace

const MethodDef kIntMethods[] = {
    {"conjugate", int_conjugate, METH_INSTANCE},
    {"bit_length", int_bit_length_method, METH_INSTANCE},
    {"bit_count", int_bit_count, METH_INSTANCE},
    {"to_bytes", int_to_bytes, METH_INSTANCE},
    {"from_bytes", int_from_bytes, METH_CLASS},
    {"as_integer_ratio", int_as_integer_ratio, METH_INSTANCE},
    {"__trunc__", int_trunc, METH_INSTANCE},
    {"__floor__", int_floor, METH_INSTANCE},
    {"__ceil__", int_ceil, METH_INSTANCE},
    {"__round__", int_round, METH_INSTANCE},
    {"__int__", int_int, METH_INSTANCE},
    {"__float__", int_float, METH_INSTANCE},
    {"__abs__", int_abs, METH_INSTANCE},
    {"__divmod__", int_divmod_method, METH_INSTANCE},
    {"__rdivmod__", int_rdivmod_method, METH_INSTANCE},
    {"__format__", int_format, METH_INSTANCE},
    {nullptr, nullptr, 0},
};

const GetSetDef kIntGetSet[] = {
    {"real", int_get_self, nullptr},
    {"imag", int_get_zero, nullptr},
    {"numerator", int_get_self, nullptr},
    {"denominator", int_get_one, nullptr},
    {nullptr, nullptr, nullptr},
};

Object* int_to_prefixed_string(ThreadState* ts, Object* o, int base) {
  const char* prefix = base == 2 ? "0b" : base == 8 ? "0o" : "0x";
  std::string digits = int_to_bigint(o).to_string(base);
  bool negative = !digits.empty() && digits[0] == '-';
  if (negative) digits.erase(0, 1);
  return new_str(ts, (negative ? "-" : "") + std::string(prefix) + digits);
}

}  // namespace terrarium
