// Shortcuts the eval loop takes before the generic protocols, for the exact built-in
// types that dominate real programs: int64-sized ints, floats, list and tuple indexing
// by int, dict lookups by str or int. Each returns null with no error set when it does
// not apply (or would overflow), and the caller takes the generic path, so behaviour
// and error messages stay those of the protocols. CPython 3.11 reaches the same by
// specialising instructions (BINARY_OP_ADD_INT, BINARY_SUBSCR_LIST_INT, ...).
#pragma once
#include "bytecode/code.hpp"
#include "objects/dict.hpp"
#include "objects/float.hpp"
#include "objects/int.hpp"
#include "objects/list.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"

namespace terrarium {

inline bool is_small_int(Object* o) { return o->ob_type == &int_type && int_fits_int64(o); }

// Python's floor division and modulo on machine ints (the sign follows the divisor).
inline bool floor_divmod(std::int64_t x, std::int64_t y, std::int64_t& q, std::int64_t& r) {
  if (y == 0 || (x == INT64_MIN && y == -1)) return false;
  q = x / y;
  r = x % y;
  if (r != 0 && ((r < 0) != (y < 0))) {
    --q;
    r += y;
  }
  return true;
}

inline Object* int_binary_fast(ThreadState* ts, std::int64_t x, std::int64_t y, BinaryOp op) {
  std::int64_t r, q;
  switch (op) {
    case BinaryOp::Add: return __builtin_add_overflow(x, y, &r) ? nullptr : new_int(ts, r);
    case BinaryOp::Subtract: return __builtin_sub_overflow(x, y, &r) ? nullptr : new_int(ts, r);
    case BinaryOp::Multiply: return __builtin_mul_overflow(x, y, &r) ? nullptr : new_int(ts, r);
    case BinaryOp::FloorDivide: return floor_divmod(x, y, q, r) ? new_int(ts, q) : nullptr;
    case BinaryOp::Remainder: return floor_divmod(x, y, q, r) ? new_int(ts, r) : nullptr;
    case BinaryOp::And: return new_int(ts, x & y);
    case BinaryOp::Or: return new_int(ts, x | y);
    case BinaryOp::Xor: return new_int(ts, x ^ y);
    case BinaryOp::TrueDivide: {
      // Exact in double below 2**53, so the quotient is correctly rounded as CPython's.
      constexpr std::int64_t kExact = std::int64_t{1} << 53;
      if (y == 0 || x > kExact || x < -kExact || y > kExact || y < -kExact) return nullptr;
      return new_float(ts, static_cast<double>(x) / static_cast<double>(y));
    }
    default: return nullptr;
  }
}

inline Object* float_binary_fast(ThreadState* ts, double x, double y, BinaryOp op) {
  switch (op) {
    case BinaryOp::Add: return new_float(ts, x + y);
    case BinaryOp::Subtract: return new_float(ts, x - y);
    case BinaryOp::Multiply: return new_float(ts, x * y);
    case BinaryOp::TrueDivide: return y == 0.0 ? nullptr : new_float(ts, x / y);
    default: return nullptr;
  }
}

inline Object* binary_op_fast(ThreadState* ts, Object* a, Object* b, int oparg) {
  auto op = static_cast<BinaryOp>(oparg >= kBinaryOpCount ? oparg - kBinaryOpCount : oparg);
  if (is_small_int(a)) {
    if (is_small_int(b)) return int_binary_fast(ts, int_value(a), int_value(b), op);
    if (b->ob_type == &float_type) return float_binary_fast(ts, static_cast<double>(int_value(a)), float_value(b), op);
    return nullptr;
  }
  if (a->ob_type == &float_type) {
    if (b->ob_type == &float_type) return float_binary_fast(ts, float_value(a), float_value(b), op);
    if (is_small_int(b)) return float_binary_fast(ts, float_value(a), static_cast<double>(int_value(b)), op);
  }
  return nullptr;
}

template <typename T>
inline bool compare_values(T x, T y, CompareOp op) {
  switch (op) {
    case CompareOp::Lt: return x < y;
    case CompareOp::Le: return x <= y;
    case CompareOp::Eq: return x == y;
    case CompareOp::Ne: return x != y;
    case CompareOp::Gt: return x > y;
    case CompareOp::Ge: return x >= y;
  }
  return false;
}

inline Object* compare_fast(Object* a, Object* b, int oparg) {
  auto op = static_cast<CompareOp>(oparg);
  if (is_small_int(a) && is_small_int(b)) return new_bool(compare_values(int_value(a), int_value(b), op));
  if (a->ob_type == &float_type && b->ob_type == &float_type)
    return new_bool(compare_values(float_value(a), float_value(b), op));
  if (a->ob_type == &str_type && b->ob_type == &str_type && (op == CompareOp::Eq || op == CompareOp::Ne))
    return new_bool(str_equal(a, b) == (op == CompareOp::Eq));
  return nullptr;
}

// seq[i] for an in-range index of a list or tuple (a new reference).
inline Object* subscript_fast(ThreadState* ts, Object* container, Object* key) {
  if (is_small_int(key)) {
    std::int64_t i = int_value(key);
    if (container->ob_type == &list_type) {
      auto& items = list_items(container);
      auto n = static_cast<std::int64_t>(items.size());
      if (i < 0) i += n;
      return i >= 0 && i < n ? newref(items[static_cast<std::size_t>(i)]) : nullptr;
    }
    if (container->ob_type == &tuple_type) {
      std::int64_t n = tuple_size(container);
      if (i < 0) i += n;
      return i >= 0 && i < n ? newref(tuple_get(container, static_cast<Py_ssize_t>(i))) : nullptr;
    }
  }
  // str and int keys hash and compare without running Python code.
  if (container->ob_type == &dict_type && (key->ob_type == &str_type || is_small_int(key))) {
    Object* v = dict_get_item(ts, container, key);
    return v ? newref(v) : nullptr;  // missing: the generic path raises KeyError
  }
  return nullptr;
}

// list[i] = v for an in-range index; true when done.
inline bool store_subscript_fast(Object* container, Object* key, Object* value) {
  if (container->ob_type != &list_type || !is_small_int(key)) return false;
  auto& items = list_items(container);
  std::int64_t i = int_value(key);
  auto n = static_cast<std::int64_t>(items.size());
  if (i < 0) i += n;
  if (i < 0 || i >= n) return false;
  Object*& slot = items[static_cast<std::size_t>(i)];
  Object* old = slot;
  slot = newref(value);
  decref(old);  // last: the old item's __del__ may look at the list
  return true;
}

// LOAD_GLOBAL through the code object's cache: a new reference, or null when the
// cache cannot answer (then the caller looks the name up and calls remember_global).
inline Object* cached_global(const CodeObject* code, Object* globals, Object* builtins, int index) {
  if (code->global_cache.empty()) return nullptr;
  const CodeObject::GlobalCacheEntry& e = code->global_cache[static_cast<std::size_t>(index)];
  if (e.globals != globals || e.builtins != builtins || !e.value) return nullptr;
  if (e.globals_version != static_cast<DictObject*>(globals)->version ||
      e.builtins_version != static_cast<DictObject*>(builtins)->version)
    return nullptr;
  return newref(e.value);
}

inline void remember_global(const CodeObject* code, Object* globals, Object* builtins, int index, Object* value) {
  if (globals->ob_type != &dict_type || builtins->ob_type != &dict_type) return;
  if (code->global_cache.empty()) code->global_cache.resize(code->co_names.size());
  code->global_cache[static_cast<std::size_t>(index)] = {globals, static_cast<DictObject*>(globals)->version, builtins,
                                                         static_cast<DictObject*>(builtins)->version, value};
}

}  // namespace terrarium
