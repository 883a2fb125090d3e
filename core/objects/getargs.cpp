// Argument-count and keyword checks for built-ins, worded as CPython words them.
// CPython: Python/getargs.c, Objects/methodobject.c (METH_NOARGS / METH_O checks).
#include "objects/getargs.hpp"

#include <string>
#include "objects/exceptions.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"

namespace terrarium {

namespace {

std::string plural(std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

}  // namespace

bool wrapper_args(ThreadState* ts, const char* name, std::size_t expected, std::size_t nargs, Object* kwnames) {
  if (kwcount(kwnames) != 0) {
    raise(ts, &exc_TypeError, std::string("wrapper ") + name + "() takes no keyword arguments");
    return false;
  }
  if (nargs == expected) return true;
  raise(ts, &exc_TypeError, "expected " + std::to_string(expected) + (expected == 1 ? " argument" : " arguments") +
                                ", got " + std::to_string(nargs));
  return false;
}

bool no_kwargs(ThreadState* ts, const char* qualname, Object* kwnames) {
  if (kwcount(kwnames) == 0) return true;
  raise(ts, &exc_TypeError, std::string(qualname) + "() takes no keyword arguments");
  return false;
}

bool no_args(ThreadState* ts, const char* qualname, std::size_t nargs, Object* kwnames) {
  if (!no_kwargs(ts, qualname, kwnames)) return false;
  if (nargs == 0) return true;
  raise(ts, &exc_TypeError, std::string(qualname) + "() takes no arguments (" + std::to_string(nargs) + " given)");
  return false;
}

bool one_arg(ThreadState* ts, const char* qualname, std::size_t nargs, Object* kwnames) {
  if (!no_kwargs(ts, qualname, kwnames)) return false;
  if (nargs == 1) return true;
  raise(ts, &exc_TypeError,
        std::string(qualname) + "() takes exactly one argument (" + std::to_string(nargs) + " given)");
  return false;
}

// CPython: _PyArg_CheckPositional.
bool check_positional(ThreadState* ts, const char* name, const char* qualname, std::size_t nargs, Object* kwnames,
                      std::size_t min, std::size_t max) {
  if (!no_kwargs(ts, qualname, kwnames)) return false;
  if (nargs < min) {
    raise(ts, &exc_TypeError, std::string(name) + " expected " + (min == max ? "" : "at least ") +
                                  plural(min, "argument") + ", got " + std::to_string(nargs));
    return false;
  }
  if (nargs > max) {
    raise(ts, &exc_TypeError, std::string(name) + " expected " + (min == max ? "" : "at most ") +
                                  plural(max, "argument") + ", got " + std::to_string(nargs));
    return false;
  }
  return true;
}

// CPython: vgetargs1's count messages.
bool check_tuple_args(ThreadState* ts, const char* name, const char* qualname, std::size_t nargs, Object* kwnames,
                      std::size_t min, std::size_t max) {
  if (!no_kwargs(ts, qualname, kwnames)) return false;
  if (nargs >= min && nargs <= max) return true;
  std::size_t bound = nargs < min ? min : max;
  const char* how = min == max ? "exactly" : nargs < min ? "at least" : "at most";
  raise(ts, &exc_TypeError, std::string(name) + "() takes " + how + " " + plural(bound, "argument") + " (" +
                                std::to_string(nargs) + " given)");
  return false;
}

const char* clinic_type_name(Object* o) { return o == py_none() ? "None" : o->ob_type->tp_name; }

namespace {
bool bounded_int(ThreadState* ts, Object* o, std::int64_t& out, std::int64_t lo, std::int64_t hi, const char* ctype) {
  Object* n = number_index(ts, o);
  if (!n) return false;
  bool fits = int_fits_int64(n) && int_value(n) >= lo && int_value(n) <= hi;
  out = int_value(n);
  decref(n);
  if (fits) return true;
  raise(ts, &exc_OverflowError, std::string("Python int too large to convert to C ") + ctype);
  return false;
}
}  // namespace

bool ssize_arg(ThreadState* ts, Object* o, std::int64_t& out) {
  return bounded_int(ts, o, out, INT64_MIN, INT64_MAX, "ssize_t");
}
bool c_int_arg(ThreadState* ts, Object* o, std::int64_t& out) { return bounded_int(ts, o, out, INT32_MIN, INT32_MAX, "int"); }

// CPython: _PyArg_UnpackKeywords.
bool unpack_keywords(ThreadState* ts, const KwSpec& spec, Object* const* args, std::size_t nargs, Object* kwnames,
                     Object** out) {
  std::size_t nkw = kwcount(kwnames);
  std::string fn = std::string(spec.fname) + "()";
  for (std::size_t i = 0; i < spec.count; ++i) out[i] = nullptr;
  if (nargs + nkw > spec.count) {
    raise(ts, &exc_TypeError, fn + " takes at most " + std::to_string(spec.count) + " " +
                                  (nargs == 0 ? "keyword " : "") + (spec.count == 1 ? "argument" : "arguments") +
                                  " (" + std::to_string(nargs + nkw) + " given)");
    return false;
  }
  if (nargs > spec.maxpos) {
    if (spec.maxpos == 0) raise(ts, &exc_TypeError, fn + " takes no positional arguments");
    else
      raise(ts, &exc_TypeError, fn + " takes " + (spec.required < spec.maxpos ? "at most " : "exactly ") +
                                    plural(spec.maxpos, "positional argument") + " (" + std::to_string(nargs) +
                                    " given)");
    return false;
  }
  std::size_t min_posonly = spec.required < spec.posonly ? spec.required : spec.posonly;
  if (nargs < min_posonly) {
    raise(ts, &exc_TypeError, fn + " takes " + (min_posonly < spec.maxpos ? "at least " : "exactly ") +
                                  plural(min_posonly, "positional argument") + " (" + std::to_string(nargs) +
                                  " given)");
    return false;
  }
  for (std::size_t i = 0; i < nargs; ++i) out[i] = args[i];
  std::size_t matched = 0;
  for (std::size_t k = 0; k < nkw; ++k) {
    std::string_view key = str_view(tuple_get(kwnames, static_cast<Py_ssize_t>(k)));
    std::size_t i = spec.posonly;
    while (i < spec.count && key != spec.names[i]) ++i;
    if (i == spec.count) continue;
    if (i < nargs) {
      raise(ts, &exc_TypeError, "argument for " + fn + " given by name ('" + std::string(key) + "') and position (" +
                                    std::to_string(i + 1) + ")");
      return false;
    }
    out[i] = args[nargs + k];
    ++matched;
  }
  for (std::size_t i = nargs; i < spec.required; ++i) {
    if (!out[i]) {
      raise(ts, &exc_TypeError, fn + " missing required argument '" + spec.names[i] + "' (pos " +
                                    std::to_string(i + 1) + ")");
      return false;
    }
  }
  if (matched < nkw) {
    for (std::size_t k = 0; k < nkw; ++k) {
      std::string_view key = str_view(tuple_get(kwnames, static_cast<Py_ssize_t>(k)));
      bool known = false;
      for (std::size_t i = spec.posonly; i < spec.count; ++i) known = known || key == spec.names[i];
      if (!known) {
        raise(ts, &exc_TypeError, "'" + std::string(key) + "' is an invalid keyword argument for " + fn);
        return false;
      }
    }
  }
  return true;
}

}  // namespace terrarium
