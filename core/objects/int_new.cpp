// int(): the constructor (int_new, also for subclasses), the protocols it relies on
// (PyNumber_Index, PyNumber_Long: __int__, __index__, __trunc__) and parsing text in
// base 0 or 2..36 with CPython's messages and its 4300-digit limit.
// CPython: Objects/longobject.c long_new_impl(), PyLong_FromString(); Objects/abstract.c.
#include <string>
#include "objects/bytes.hpp"
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/int.hpp"
#include "objects/int_internal.hpp"
#include "objects/descr.hpp"
#include "objects/numeric_text.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

std::string type_name_of(Object* o) { return o->ob_type->tp_name; }

// CPython's "%.200R": the repr, cut after 200 code points.
std::string repr_200(Object* str) {
  std::string r = str_repr_string(str_view(str));
  std::size_t points = 0;
  for (std::size_t i = 0; i < r.size(); ++i) {
    if ((static_cast<unsigned char>(r[i]) & 0xc0) == 0x80) continue;  // continuation byte
    if (points++ == 200) return r.substr(0, i);
  }
  return r;
}

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// The number of digits int(text, base) would convert, counted as CPython counts them for
// the digit limit: after the sign and any prefix, up to the first character that is not
// a digit or an underscore. -1 when the underscores are already wrong there, because
// CPython reports "invalid literal" first in that case.
long long count_digits(std::string_view s, int& base) {
  std::size_t i = 0;
  while (i < s.size() && is_space(s[i])) ++i;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  auto prefix = [&](char lower) {
    return i + 1 < s.size() && s[i] == '0' && (s[i + 1] | 0x20) == lower;
  };
  if (base == 0) base = prefix('x') ? 16 : prefix('o') ? 8 : prefix('b') ? 2 : 10;
  if ((base == 16 && prefix('x')) || (base == 8 && prefix('o')) || (base == 2 && prefix('b'))) {
    i += 2;
    if (i < s.size() && s[i] == '_') ++i;
  }
  long long digits = 0;
  char prev = '\0';
  for (; i < s.size() && (digit_value(s[i]) < base || s[i] == '_'); ++i) {
    if (s[i] == '_' && prev == '_') return -1;
    if (s[i] != '_') ++digits;
    prev = s[i];
  }
  return prev == '_' ? -1 : digits;
}

Object* exact_int_result(ThreadState* ts, Object* r, const char* method) {
  if (!r) return nullptr;
  if (r->ob_type == &int_type) return r;
  if (is_int(r)) {  // CPython warns (DeprecationWarning) and converts
    Object* exact = int_exact(ts, r);
    decref(r);
    return exact;
  }
  std::string name = type_name_of(r);
  decref(r);
  return raise(ts, &exc_TypeError, std::string(method) + " returned non-int (type " + name + ")");
}

}  // namespace

Object* int_from_text(ThreadState* ts, std::string_view text, int base, Object* original) {
  std::string ascii = transform_decimal_and_space(text);
  int actual_base = base;
  long long digits = count_digits(ascii, actual_base);
  if ((actual_base & (actual_base - 1)) != 0 && digits > 0 &&
      !int_str_digits_allowed(ts, static_cast<std::size_t>(digits), false))
    return nullptr;
  BigInt v;
  if (!BigInt::parse(ascii, base, v))
    return raise(ts, &exc_ValueError,
                 "invalid literal for int() with base " + std::to_string(base) + ": " + repr_200(original));
  return new_int_from_bigint(ts, std::move(v));
}

Object* number_index(ThreadState* ts, Object* o) {
  if (is_int(o)) return int_exact(ts, o);
  if (UnaryFunc f = o->ob_type->nb_index) return exact_int_result(ts, f(ts, o), "__index__");
  return raise(ts, &exc_TypeError, "'" + type_name_of(o) + "' object cannot be interpreted as an integer");
}

Object* number_long(ThreadState* ts, Object* o) {
  if (o->ob_type == &int_type) return newref(o);
  if (o->ob_type == &float_type) return new_int_from_double(ts, float_value(o));
  if (Object* f = type_lookup_str(o->ob_type, "__int__"))
    return exact_int_result(ts, call_unbound(ts, f, o, nullptr, 0), "__int__");
  if (o->ob_type->nb_index) return number_index(ts, o);
  if (Object* f = type_lookup_str(o->ob_type, "__trunc__")) {
    Object* r = call_unbound(ts, f, o, nullptr, 0);
    if (!r || r->ob_type == &int_type) return r;
    if (!is_int(r) && !r->ob_type->nb_index) {
      std::string name = type_name_of(r);
      decref(r);
      return raise(ts, &exc_TypeError, "__trunc__ returned non-Integral (type " + name + ")");
    }
    Object* result = number_index(ts, r);
    decref(r);
    return result;
  }
  if (is_str(o)) return int_from_text(ts, str_view(o), 10, o);
  std::string_view data;
  if (buffer_view(o, data)) return int_from_text(ts, std::string(data), 10, o);
  return raise(ts, &exc_TypeError,
               "int() argument must be a string, a bytes-like object or a real number, not '" + type_name_of(o) + "'");
}

// int(x=0, /, base=10). CPython: long_new_impl(); subclasses get a copy of the value.
Object* int_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  std::size_t nkw = kwnames ? static_cast<std::size_t>(tuple_size(kwnames)) : 0;
  if (nargs + nkw > 2)
    return raise(ts, &exc_TypeError, "int() takes at most 2 arguments (" + std::to_string(nargs + nkw) + " given)");
  Object* x = nargs > 0 ? args[0] : nullptr;
  Object* obase = nargs > 1 ? args[1] : nullptr;
  for (std::size_t k = 0; k < nkw; ++k) {
    std::string_view key = str_view(tuple_get(kwnames, static_cast<Py_ssize_t>(k)));
    if (key != "base")
      return raise(ts, &exc_TypeError, "'" + std::string(key) + "' is an invalid keyword argument for int()");
    if (obase)
      return raise(ts, &exc_TypeError, "argument for int() given by name ('base') and position (2)");
    obase = args[nargs + k];
  }
  Object* value;
  if (!x) {
    if (obase) return raise(ts, &exc_TypeError, "int() missing string argument");
    value = new_int(ts, 0);
  } else if (!obase) {
    value = number_long(ts, x);
  } else {
    Object* b = number_index(ts, obase);
    if (!b) return nullptr;
    std::int64_t base = int_fits_int64(b) ? int_value(b) : -1;
    decref(b);
    if ((base != 0 && base < 2) || base > 36)
      return raise(ts, &exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    std::string_view data;
    if (is_str(x)) data = str_view(x);
    else if (!buffer_view(x, data)) return raise(ts, &exc_TypeError, "int() can't convert non-string with explicit base");
    value = int_from_text(ts, std::string(data), static_cast<int>(base), x);
  }
  if (!value || type == &int_type) return value;
  Object* instance = init_int_instance(type, value);
  decref(value);
  return instance;
}

}  // namespace terrarium
