// Built-in functions over iterables and characters: min, max, sum, sorted, any, all,
// chr, ord, format, ascii; and the names of the iterator and set types (enumerate, zip,
// map, filter, reversed, set, frozenset). CPython: Python/bltinmodule.c.
#include <string>
#include "modules/builtins_itertypes.hpp"
#include "modules/builtins_registry.hpp"
#include "objects/abstract.hpp"
#include "objects/bytes.hpp"
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/format.hpp"
#include "objects/getargs.hpp"
#include "objects/int.hpp"
#include "objects/list.hpp"
#include "objects/set.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

// min(iterable, *, key=None, default=...) and min(a, b, *args, key=None). CPython: min_max.
Object* min_max(ThreadState* ts, Object* const* args, std::size_t nargs, Object* kwnames, CompareOp op) {
  const char* name = op == CompareOp::Lt ? "min" : "max";
  static const char* const kNames[] = {"key", "default"};
  Object* kw[2];
  bool positional = nargs > 1;
  if (nargs == 0) return raise(ts, &exc_TypeError, std::string(name) + " expected at least 1 argument, got 0");
  if (!unpack_keywords(ts, {name, kNames, 2, 0, 0, 0}, args + nargs, 0, kwnames, kw)) return nullptr;
  Object* key = kw[0] == py_none() ? nullptr : kw[0];
  Object* dflt = kw[1];
  if (positional && dflt)
    return raise(ts, &exc_TypeError,
                 std::string("Cannot specify a default for ") + name + "() with multiple positional arguments");
  Object* seq = nullptr;
  if (positional) {
    seq = new_tuple(ts, static_cast<Py_ssize_t>(nargs));
    for (std::size_t i = 0; i < nargs; ++i) tuple_set(seq, static_cast<Py_ssize_t>(i), newref(args[i]));
  }
  Object* it = get_iter(ts, seq ? seq : args[0]);
  xdecref(seq);
  if (!it) return nullptr;
  Object *best_item = nullptr, *best_val = nullptr;
  bool failed = false;
  while (Object* item = iter_next(ts, it)) {
    Object* val = key ? call_object(ts, key, &item, 1, nullptr) : newref(item);
    if (!val) {
      decref(item);
      failed = true;
      break;
    }
    if (!best_val) {
      best_item = item, best_val = val;
      continue;
    }
    Object* cmp = rich_compare(ts, val, best_val, op);
    int better = cmp ? object_is_true(ts, cmp) : -1;
    xdecref(cmp);
    if (better > 0) {
      decref(best_item), decref(best_val);
      best_item = item, best_val = val;
      continue;
    }
    decref(item), decref(val);
    if (better < 0) {
      failed = true;
      break;
    }
  }
  decref(it);
  xdecref(best_val);
  if (failed || has_error(ts)) return xdecref(best_item), nullptr;
  if (best_item) return best_item;
  if (dflt) return newref(dflt);
  return raise(ts, &exc_ValueError, std::string(name) + "() arg is an empty sequence");
}

Object* builtin_min(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  return min_max(ts, args, nargs, kwnames, CompareOp::Lt);
}
Object* builtin_max(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  return min_max(ts, args, nargs, kwnames, CompareOp::Gt);
}

// sum(iterable, /, start=0), with CPython's machine-int and float fast paths (which
// decide the result, e.g. float rounding, so they are kept). CPython: builtin_sum_impl.
Object* builtin_sum(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  static const char* const kNames[] = {"iterable", "start"};
  Object* a[2];
  if (!unpack_keywords(ts, {"sum", kNames, 2, 1, 2, 1}, args, nargs, kwnames, a)) return nullptr;
  Object* result = a[1];
  if (result && is_str(result)) return raise(ts, &exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  const char* tname = result ? result->ob_type->tp_name : "";
  if (result && (std::string_view(tname) == "bytes" || std::string_view(tname) == "bytearray"))
    return raise(ts, &exc_TypeError,
                 std::string("sum() can't sum ") + tname + " [use b''.join(seq) instead]");
  Object* it = get_iter(ts, a[0]);
  if (!it) return nullptr;
  result = result ? newref(result) : new_int(ts, 0);
  Object* item = nullptr;
  auto add = [&](Object* x) {
    Object* r = binary_op(ts, result, x, BinaryOp::Add);
    decref(result);
    decref(x);
    result = r;
    return r != nullptr;
  };
  if (result->ob_type == &int_type && int_fits_int64(result)) {
    std::int64_t acc = int_value(result);
    decref(result);
    result = nullptr;
    while (!result) {
      item = iter_next(ts, it);
      if (!item) {
        decref(it);
        return has_error(ts) ? nullptr : new_int(ts, acc);
      }
      std::int64_t sum;
      if ((item->ob_type == &int_type || item->ob_type == &bool_type) && int_fits_int64(item) &&
          !__builtin_add_overflow(acc, int_value(item), &sum)) {
        acc = sum;
        decref(item);
        continue;
      }
      result = new_int(ts, acc);
      if (!add(item)) return decref(it), nullptr;
    }
  }
  if (result->ob_type == &float_type) {
    double acc = float_value(result);
    decref(result);
    result = nullptr;
    while (!result) {
      item = iter_next(ts, it);
      if (!item) {
        decref(it);
        return has_error(ts) ? nullptr : new_float(ts, acc);
      }
      if (item->ob_type == &float_type) {
        acc += float_value(item);
        decref(item);
        continue;
      }
      if (is_int(item) && int_fits_int64(item)) {
        acc += static_cast<double>(int_value(item));
        decref(item);
        continue;
      }
      result = new_float(ts, acc);
      if (!add(item)) return decref(it), nullptr;
    }
  }
  while ((item = iter_next(ts, it))) {
    if (!add(item)) return decref(it), nullptr;
  }
  decref(it);
  if (has_error(ts)) return decref(result), nullptr;
  return result;
}

// sorted(iterable, /, *, key=None, reverse=False): a new list, then its sort(), which
// checks the keywords. CPython: builtin_sorted.
Object* builtin_sorted(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (nargs != 1) return raise(ts, &exc_TypeError, "sorted expected 1 argument, got " + std::to_string(nargs));
  Object* list = new_list(ts);
  if (!list_extend(ts, list, args[0])) return decref(list), nullptr;
  Object* sort = get_attr_str(ts, list, "sort");
  if (!sort) return decref(list), nullptr;
  Object* r = call_object(ts, sort, args + 1, 0, kwnames);
  decref(sort);
  if (!r) return decref(list), nullptr;
  decref(r);
  return list;
}

Object* any_all(ThreadState* ts, const char* qualname, Object* const* args, std::size_t nargs, Object* kwnames,
                bool want) {
  if (!one_arg(ts, qualname, nargs, kwnames)) return nullptr;
  Object* it = get_iter(ts, args[0]);
  if (!it) return nullptr;
  while (Object* item = iter_next(ts, it)) {
    int t = object_is_true(ts, item);
    decref(item);
    if (t < 0) return decref(it), nullptr;
    if (static_cast<bool>(t) == want) return decref(it), new_bool(want);
  }
  decref(it);
  if (has_error(ts)) return nullptr;
  return new_bool(!want);
}

Object* builtin_any(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  return any_all(ts, "any", args, nargs, kwnames, true);
}
Object* builtin_all(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  return any_all(ts, "all", args, nargs, kwnames, false);
}

Object* builtin_chr(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_arg(ts, "chr", nargs, kwnames)) return nullptr;
  Object* i = number_index(ts, args[0]);
  if (!i) return nullptr;
  bool fits = int_fits_int64(i) && int_value(i) >= INT32_MIN && int_value(i) <= INT32_MAX;
  std::int64_t v = int_value(i);
  decref(i);
  if (!fits) return raise(ts, &exc_OverflowError, "Python int too large to convert to C int");
  if (v < 0 || v > 0x10FFFF) return raise(ts, &exc_ValueError, "chr() arg not in range(0x110000)");
  return new_str_from_char(ts, static_cast<char32_t>(v));
}

Object* builtin_ord(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_arg(ts, "ord", nargs, kwnames)) return nullptr;
  Object* c = args[0];
  std::string_view bytes;
  if (buffer_view(c, bytes)) {
    if (bytes.size() == 1) return new_int(ts, static_cast<unsigned char>(bytes[0]));
    return raise(ts, &exc_TypeError, "ord() expected a character, but string of length " +
                                         std::to_string(bytes.size()) + " found");
  }
  if (!is_str(c))
    return raise(ts, &exc_TypeError,
                 std::string("ord() expected string of length 1, but ") + c->ob_type->tp_name + " found");
  if (str_length(c) != 1)
    return raise(ts, &exc_TypeError, "ord() expected a character, but string of length " +
                                         std::to_string(str_length(c)) + " found");
  return new_int(ts, str_char_at(c, 0));
}

Object* builtin_format(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_positional(ts, "format", "format", nargs, kwnames, 1, 2)) return nullptr;
  if (nargs == 2 && !is_str(args[1]))
    return raise(ts, &exc_TypeError, std::string("format() argument 2 must be str, not ") + clinic_type_name(args[1]));
  return object_format(ts, args[0], nargs == 2 ? args[1] : nullptr);
}

Object* builtin_ascii(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_arg(ts, "ascii", nargs, kwnames)) return nullptr;
  return object_ascii(ts, args[0]);
}

}  // namespace

bool register_iteration_builtins(ThreadState* ts, Object* dict) {
  struct Entry {
    const char* name;
    CallFunc fn;
  };
  static const Entry kFunctions[] = {
      {"min", builtin_min}, {"max", builtin_max}, {"sum", builtin_sum},       {"sorted", builtin_sorted},
      {"any", builtin_any}, {"all", builtin_all}, {"chr", builtin_chr},       {"ord", builtin_ord},
      {"format", builtin_format}, {"ascii", builtin_ascii},
  };
  for (const Entry& e : kFunctions)
    if (!add_builtin_function(ts, dict, e.name, e.fn)) return false;
  TypeObject* const kTypes[] = {&enumerate_type, &zip_type,  &map_type,      &filter_type,
                                &reversed_type,  &set_type,  &frozenset_type};
  for (TypeObject* t : kTypes)
    if (!add_builtin_object(ts, dict, t->tp_name, newref<Object>(t))) return false;
  return true;
}

}  // namespace terrarium
