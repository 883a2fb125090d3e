// complex(): the constructor (also for subclasses) with CPython's argument rules and
// messages, __complex__, and parsing text such as '1+2j', '(-j)', 'nan+infj', with
// Unicode digits and spaces and underscores between digits.
// CPython: Objects/complexobject.c complex_new_impl(), complex_from_string_inner().
#include <cmath>
#include <cstdlib>
#include <string>
#include "objects/complex_internal.hpp"
#include "objects/descr.hpp"
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/getargs.hpp"
#include "objects/int.hpp"
#include "objects/numeric_text.hpp"
#include "objects/str.hpp"
#include "objects/typeobject.hpp"

namespace terrarium {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool starts_with_ignoring_case(std::string_view s, std::size_t i, std::string_view lower) {
  if (s.size() - i < lower.size()) return false;
  for (std::size_t k = 0; k < lower.size(); ++k)
    if ((s[i + k] | 0x20) != lower[k]) return false;
  return true;
}

// The longest prefix of s[i..] that is a Python float (sign, digits, point, exponent, or
// inf/infinity/nan); advances i past it and returns true, or leaves i and returns false.
// CPython: PyOS_string_to_double() with an end pointer.
bool read_float(const std::string& s, std::size_t& i, double& out) {
  std::size_t p = i;
  if (p < s.size() && (s[p] == '+' || s[p] == '-')) ++p;
  std::size_t word = starts_with_ignoring_case(s, p, "infinity") ? 8
                     : starts_with_ignoring_case(s, p, "inf") || starts_with_ignoring_case(s, p, "nan") ? 3 : 0;
  if (word) {
    bool negative = s[i] == '-';
    double v = (s[p] | 0x20) == 'n' ? NAN : HUGE_VAL;
    out = negative ? -v : v;
    i = p + word;
    return true;
  }
  std::size_t digits = 0;
  while (p < s.size() && is_digit(s[p])) ++p, ++digits;
  if (p < s.size() && s[p] == '.') {
    ++p;
    while (p < s.size() && is_digit(s[p])) ++p, ++digits;
  }
  if (digits == 0) return false;
  if (p < s.size() && (s[p] | 0x20) == 'e') {
    std::size_t q = p + 1;
    if (q < s.size() && (s[q] == '+' || s[q] == '-')) ++q;
    if (q < s.size() && is_digit(s[q])) {
      while (q < s.size() && is_digit(s[q])) ++q;
      p = q;
    }
  }
  // Within this grammar strtod rounds correctly; out-of-range values give inf or 0.
  out = std::strtod(s.substr(i, p - i).c_str(), nullptr);
  i = p;
  return true;
}

// <float> | <float>j | <float><signed-float>j, plus the older forms <float><sign>j,
// <sign>j and j, optionally in parentheses, with surrounding spaces. False: malformed.
bool parse_complex_text(const std::string& s, ComplexValue& out) {
  std::size_t i = 0;
  auto skip_spaces = [&] {
    while (i < s.size() && is_space(s[i])) ++i;
  };
  auto at_j = [&] { return i < s.size() && (s[i] | 0x20) == 'j'; };
  auto at_sign = [&] { return i < s.size() && (s[i] == '+' || s[i] == '-'); };
  skip_spaces();
  bool bracket = i < s.size() && s[i] == '(';
  if (bracket) {
    ++i;
    skip_spaces();
  }
  double first;
  out = {};
  if (read_float(s, i, first)) {
    if (at_sign()) {
      out.real = first;
      if (!read_float(s, i, out.imag)) out.imag = s[i++] == '+' ? 1.0 : -1.0;
      if (!at_j()) return false;
      ++i;
    } else if (at_j()) {
      ++i;
      out.imag = first;
    } else {
      out.real = first;
    }
  } else {
    out.imag = 1.0;
    if (at_sign()) out.imag = s[i++] == '+' ? 1.0 : -1.0;
    if (!at_j()) return false;
    ++i;
  }
  skip_spaces();
  if (bracket) {
    if (i >= s.size() || s[i] != ')') return false;
    ++i;
    skip_spaces();
  }
  return i == s.size();
}

// Underscores are allowed only between two digits; they are dropped before parsing.
// CPython: _Py_string_to_number_with_underscores().
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

Object* complex_from_string(ThreadState* ts, TypeObject* type, Object* text) {
  std::string s = transform_decimal_and_space(str_view(text));
  if (!drop_underscores(s))
    return raise(ts, &exc_ValueError, "could not convert string to complex: " + str_repr_string(str_view(text)));
  ComplexValue z;
  if (!parse_complex_text(s, z)) return raise(ts, &exc_ValueError, "complex() arg is a malformed string");
  return new_complex_of_type(ts, type, z);
}

// o.__complex__() if its type defines it: 1 with `out` set (a new reference, a complex),
// 0 if there is no such method, -1 on error. CPython: try_complex_special_method().
int call_complex_method(ThreadState* ts, Object* o, Object*& out) {
  Object* f = type_lookup_str(o->ob_type, "__complex__");
  if (!f) return 0;
  out = call_unbound(ts, f, o, nullptr, 0);
  if (!out) return -1;
  if (!is_complex(out)) {
    std::string message = std::string("__complex__ returned non-complex (type ") + out->ob_type->tp_name + ")";
    decref(out);
    raise(ts, &exc_TypeError, message);
    return -1;
  }
  return 1;
}

// Whether o can be a part: a complex, or anything float() takes without text.
bool is_number(Object* o) {
  return is_complex(o) || is_float(o) || o->ob_type->nb_index || type_lookup_str(o->ob_type, "__float__");
}

// One argument's contribution: its complex value, or its float value with imag 0.
bool part_value(ThreadState* ts, Object* o, ComplexValue& out, bool& was_complex) {
  was_complex = is_complex(o);
  if (was_complex) {
    out = complex_value(o);
    return true;
  }
  Object* f = number_float(ts, o);
  if (!f) return false;
  out = {float_value(f), 0.0};
  decref(f);
  return true;
}

const char* const kComplexNames[] = {"real", "imag"};

// real (present) and imag (null when omitted) as complex() takes them.
Object* complex_from_parts(ThreadState* ts, TypeObject* type, Object* real, Object* imag) {
  if (real->ob_type == &complex_type && !imag && type == &complex_type) return newref(real);
  if (is_str(real)) {
    if (imag) return raise(ts, &exc_TypeError, "complex() can't take second arg if first is a string");
    return complex_from_string(ts, type, real);
  }
  if (imag && is_str(imag)) return raise(ts, &exc_TypeError, "complex() second arg can't be a string");
  Object* converted = nullptr;
  int found = call_complex_method(ts, real, converted);
  if (found < 0) return nullptr;
  if (found) real = converted;
  if (!is_number(real)) {
    xdecref(converted);
    return raise(ts, &exc_TypeError, std::string("complex() first argument must be a string or a number, not '") +
                                         real->ob_type->tp_name + "'");
  }
  if (imag && !is_number(imag)) {
    xdecref(converted);
    return raise(ts, &exc_TypeError,
                 std::string("complex() second argument must be a number, not '") + imag->ob_type->tp_name + "'");
  }
  ComplexValue r, i;
  bool real_is_complex, imag_is_complex = false;
  bool ok = part_value(ts, real, r, real_is_complex);
  xdecref(converted);
  if (!ok) return nullptr;
  if (!imag) {
    i = {r.imag, 0.0};
  } else if (!part_value(ts, imag, i, imag_is_complex)) {
    return nullptr;
  }
  // real + imag*1j when either part is complex. CPython: complex_new_impl().
  if (imag_is_complex) r.real -= i.imag;
  if (real_is_complex && imag) i.real += r.imag;
  return new_complex_of_type(ts, type, {r.real, i.real});
}

}  // namespace

// complex(real=0, imag=0) == real + imag*1j, where either may itself be complex.
Object* complex_new(ThreadState* ts, TypeObject* type, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* a[2];
  if (!unpack_keywords(ts, {"complex", kComplexNames, 2, 0, 2, 0}, args, nargs, kwnames, a)) return nullptr;
  Object* real = a[0];
  Object* imag = a[1];
  if (!real) {
    Object* zero = new_int(ts, 0);
    Object* result = complex_from_parts(ts, type, zero, imag);
    decref(zero);
    return result;
  }
  return complex_from_parts(ts, type, real, imag);
}

}  // namespace terrarium
