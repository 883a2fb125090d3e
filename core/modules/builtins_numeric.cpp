// Numeric built-in functions: round, divmod, pow, bin, oct, hex, and the complex type. Each dispatches to the
// operands' types (__round__, __divmod__/__rdivmod__, __pow__, __index__) with CPython's
// argument rules and messages. CPython: Python/bltinmodule.c, Objects/abstract.c
// (PyNumber_Divmod, PyNumber_Power, PyNumber_ToBase).
#include <string>
#include "modules/builtins_registry.hpp"
#include "objects/abstract.hpp"
#include "objects/complex.hpp"
#include "objects/descr.hpp"
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/getargs.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/typeobject.hpp"

namespace terrarium {

namespace {

const char* const kRoundNames[] = {"number", "ndigits"};
const char* const kPowNames[] = {"base", "exp", "mod"};

// round(number, ndigits=None): number.__round__() or number.__round__(ndigits).
Object* builtin_round(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* a[2];
  if (!unpack_keywords(ts, {"round", kRoundNames, 2, 0, 2, 1}, args, nargs, kwnames, a)) return nullptr;
  Object* f = type_lookup_str(a[0]->ob_type, "__round__");
  if (!f)
    return raise(ts, &exc_TypeError, std::string("type ") + a[0]->ob_type->tp_name + " doesn't define __round__ method");
  if (!a[1] || a[1] == py_none()) return call_unbound(ts, f, a[0], nullptr, 0);
  return call_unbound(ts, f, a[0], &a[1], 1);
}

// Calls type(self).name(self, other) if the type defines it; NotImplemented otherwise.
Object* call_binary_dunder(ThreadState* ts, Object* method, Object* self, Object* other) {
  if (!method) return newref(py_not_implemented());
  return call_unbound(ts, method, self, &other, 1);
}

// divmod(a, b) with binary_op1's order: a.__divmod__(b), then b.__rdivmod__(a) (first
// when b's type is a subclass of a's). CPython: PyNumber_Divmod().
Object* builtin_divmod(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!check_positional(ts, "divmod", "divmod", nargs, kwnames, 2, 2)) return nullptr;
  Object* a = args[0];
  Object* b = args[1];
  TypeObject* ta = a->ob_type;
  TypeObject* tb = b->ob_type;
  // The built-in numbers need no lookups.
  bool a_builtin = ta == &int_type || ta == &bool_type || ta == &float_type;
  bool b_builtin = tb == &int_type || tb == &bool_type || tb == &float_type;
  if (a_builtin && b_builtin) {
    if (ta != &float_type && tb != &float_type) return int_divmod(ts, a, b);
    return float_divmod(ts, a, b);
  }
  Object* fa = type_lookup_str(ta, "__divmod__");
  Object* fb = tb != ta ? type_lookup_str(tb, "__rdivmod__") : nullptr;
  if (fa) {
    if (fb && is_subtype(tb, ta)) {
      Object* r = call_binary_dunder(ts, fb, b, a);
      if (r != py_not_implemented()) return r;
      decref(r);
      fb = nullptr;
    }
    Object* r = call_binary_dunder(ts, fa, a, b);
    if (r != py_not_implemented()) return r;
    decref(r);
  }
  if (fb) {
    Object* r = call_binary_dunder(ts, fb, b, a);
    if (r != py_not_implemented()) return r;
    decref(r);
  }
  return raise(ts, &exc_TypeError, std::string("unsupported operand type(s) for divmod(): '") + ta->tp_name + "' and '" +
                                       tb->tp_name + "'");
}

// pow(base, exp, mod=None). Three-argument pow is defined for ints (and for classes whose
// __pow__ takes a modulus); a float anywhere is an error. CPython: ternary_op().
Object* builtin_pow(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  Object* a[3];
  if (!unpack_keywords(ts, {"pow", kPowNames, 3, 0, 3, 2}, args, nargs, kwnames, a)) return nullptr;
  Object* base = a[0];
  Object* exp = a[1];
  Object* mod = a[2];
  if (!mod || mod == py_none()) return binary_op(ts, base, exp, BinaryOp::Power);
  if (is_int(base) && is_int(exp) && is_int(mod)) return int_pow_mod(ts, base, exp, mod);
  // ternary_op asks base's, then exp's, then mod's type: int's declines a non-int,
  // float's refuses any modulus with TypeError, complex's (once base and exp convert)
  // with ValueError.
  auto builtin_number = [](Object* o) { return is_int(o) || is_float(o) || is_complex(o); };
  for (Object* o : {base, exp, mod}) {
    if (is_float(o))
      return raise(ts, &exc_TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    if (is_complex(o) && builtin_number(base) && builtin_number(exp))
      return raise(ts, &exc_ValueError, "complex modulo");
  }
  if (!builtin_number(base)) {  // the built-in numbers' __pow__ takes no modulus here
    if (Object* f = type_lookup_str(base->ob_type, "__pow__")) {
      Object* call_args[2] = {exp, mod};
      Object* r = call_unbound(ts, f, base, call_args, 2);
      if (r != py_not_implemented()) return r;
      decref(r);
    }
  }
  return raise(ts, &exc_TypeError, std::string("unsupported operand type(s) for ** or pow(): '") +
                                       base->ob_type->tp_name + "', '" + exp->ob_type->tp_name + "', '" +
                                       mod->ob_type->tp_name + "'");
}

// bin(), oct(), hex(): the __index__ value in base 2, 8 or 16. CPython: PyNumber_ToBase().
template <int Base>
Object* builtin_to_base(ThreadState* ts, Object*, Object* const* args, std::size_t nargs, Object* kwnames) {
  const char* name = Base == 2 ? "bin" : Base == 8 ? "oct" : "hex";
  if (!one_arg(ts, name, nargs, kwnames)) return nullptr;
  Object* n = number_index(ts, args[0]);
  if (!n) return nullptr;
  Object* r = int_to_prefixed_string(ts, n, Base);
  decref(n);
  return r;
}

}  // namespace

bool register_numeric_builtins(ThreadState* ts, Object* dict) {
  return add_builtin_object(ts, dict, "complex", newref<Object>(&complex_type)) &&
         add_builtin_function(ts, dict, "round", builtin_round) &&
         add_builtin_function(ts, dict, "divmod", builtin_divmod) &&
         add_builtin_function(ts, dict, "pow", builtin_pow) &&
         add_builtin_function(ts, dict, "bin", builtin_to_base<2>) &&
         add_builtin_function(ts, dict, "oct", builtin_to_base<8>) &&
         add_builtin_function(ts, dict, "hex", builtin_to_base<16>);
}

}  // namespace terrarium
