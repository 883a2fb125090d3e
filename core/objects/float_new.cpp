// float(): the constructor (also for subclasses), PyNumber_Float and PyFloat_AsDouble,
// and parsing text: Unicode digits and spaces, underscores between digits, 'inf',
// 'infinity' and 'nan' with a sign, and nothing that C's strtod accepts beyond Python's
// grammar (no hex, no 'nan(...)'). CPython: Objects/floatobject.c float_new_impl(),
// PyFloat_FromString(); Objects/abstract.c PyNumber_Float().
#include <cstdlib>
#include <string>
#include "objects/bytes.hpp"
#include "objects/descr.hpp"
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/float_internal.hpp"
#include "objects/getargs.hpp"
#include "objects/int.hpp"
#include "objects/numeric_text.hpp"
#include "objects/str.hpp"
#include "objects/typeobject.hpp"

namespace terrarium {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool equals_ignoring_case(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i)
    if ((s[i] | 0x20) != lower[i]) return false;
  return true;
}

// Removes underscores, which CPython allows only between two digits. False if misplaced.
bool drop_underscores(std::string& s) {
  if (s.find('_') == std::string::npos) return true;
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '_') {
      out += s[i];
      continue;
    }
    if (i == 0 || !is_digit(s[i - 1]) || i + 1 == s.size() || !is_digit(s[i + 1])) return false;
  }
  s = std::move(out);
  return true;
}

// Python's float grammar, on ASCII text without spaces or underscores:
// [sign] (digits ['.' [digits]] | '.' digits) [('e'|'E') [sign] digits] | [sign] inf | infinity | nan.
bool valid_float_text(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  std::string_view rest = s.substr(i);
  if (equals_ignoring_case(rest, "inf") || equals_ignoring_case(rest, "infinity") || equals_ignoring_case(rest, "nan"))
    return true;
  std::size_t mantissa_digits = 0;
  while (i < s.size() && is_digit(s[i])) ++i, ++mantissa_digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && is_digit(s[i])) ++i, ++mantissa_digits;
  }
  if (mantissa_digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t exponent_digits = 0;
    while (i < s.size() && is_digit(s[i])) ++i, ++exponent_digits;
    if (exponent_digits == 0) return false;
  }
  return i == s.size();
}

Object* float_result(ThreadState* ts, Object* o, Object* r) {
  if (!r || r->ob_type == &float_type) return r;
  if (is_float(r)) {  // CPython warns (DeprecationWarning) and converts
    double v = float_value(r);
    decref(r);
    return new_float(ts, v);
  }
  std::string message = std::string(o->ob_type->tp_name) + ".__float__ returned non-float (type " + r->ob_type->tp_name + ")";
  decref(r);
  return raise(ts, &exc_TypeError, message);
}

}  // namespace

bool float_from_text(ThreadState* ts, std::string_view text, Object* original, double& out) {
  std::string s = transform_decimal_and_space(text);
  std::size_t begin = 0, end = s.size();
  while (begin < end && is_space(s[begin])) ++begin;
  while (end > begin && is_space(s[end - 1])) --end;
  s = s.substr(begin, end - begin);
  if (!drop_underscores(s) || !valid_float_text(s)) {
    raise(ts, &exc_ValueError, "could not convert string to float: " + str_repr_string(str_view(original)));
    return false;
  }
  // Validated text is within strtod's grammar, where it rounds correctly; out-of-range
  // values become +-inf or 0, as Python wants (float('1e500') == inf).
  out = std::strtod(s.c_str(), nullptr);
  return true;
}

Object* number_float(ThreadState* ts, Object* o) {
  if (o->ob_type == &float_type) return newref(o);
  if (o->ob_type == &int_type) {
    double v;
    return int_to_double(ts, o, v) ? new_float(ts, v) : nullptr;
  }
  if (Object* f = type_lookup_str(o->ob_type, "__float__")) return float_result(ts, o, call_unbound(ts, f, o, nullptr, 0));
  if (o->ob_type->nb_index) {
    Object* i = number_index(ts, o);
    if (!i) return nullptr;
    double v;
    bool ok = int_to_double(ts, i, v);
    decref(i);
    return ok ? new_float(ts, v) : nullptr;
  }
  std::string_view data;
  if (is_str(o) || buffer_view(o, data)) {
    double v;
    std::string text(is_str(o) ? str_view(o) : data);  // a copy: a bytearray may change
    return float_from_text(ts, text, o, v) ? new_float(ts, v) : nullptr;
  }
  return raise(ts, &exc_TypeError,
               std::string("float() argument must be a string or a real number, not '") + o->ob_type->tp_name + "'");
}

bool float_as_double(ThreadState* ts, Object* o, double& out) {
  if (is_float(o)) {
    out = float_value(o);
    return true;
  }
  if (is_int(o)) return int_to_double(ts, o, out);
  if (!type_lookup_str(o->ob_type, "__float__") && !o->ob_type->nb_index) {
    raise(ts, &exc_TypeError, std::string("must be real number, not ") + o->ob_type->tp_name);
    return false;
  }
  Object* f = number_float(ts, o);
  if (!f) return false;
  out = float_value(f);
  decref(f);
  return true;
}

Object* new_float_of_type(ThreadState* ts, TypeObject* type, double v) {
  if (type == &float_type) return new_float(ts, v);
  auto* o = static_cast<FloatObject*>(object_alloc(type, type->tp_basicsize));
  o->value = v;
  return o;
}

// float(x=0.0, /). CPython: float_new_impl(), float_subtype_new().
Object* float_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!no_kwargs(ts, "float", kwnames)) return nullptr;
  if (nargs > 1) return raise(ts, &exc_TypeError, "float expected at most 1 argument, got " + std::to_string(nargs));
  if (nargs == 0) return new_float_of_type(ts, type, 0.0);
  Object* value = number_float(ts, args[0]);
  if (!value || type == &float_type) return value;
  Object* instance = new_float_of_type(ts, type, float_value(value));
  decref(value);
  return instance;
}

}  // namespace terrarium
