// complex's methods and attributes: conjugate, __abs__, __complex__, __getnewargs__,
// __format__ and the read-only real/imag. CPython: Objects/complexobject.c complex_methods,
// complex_members.
#include "objects/complex_internal.hpp"
#include "objects/exceptions.hpp"
#include "objects/float.hpp"
#include "objects/format.hpp"
#include "objects/getargs.hpp"
#include "objects/abstract.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"

namespace terrarium {

namespace {

Object* complex_conjugate(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_args(ts, "complex.conjugate", nargs, kwnames)) return nullptr;
  ComplexValue z = complex_value(self);
  return new_complex(ts, z.real, -z.imag);
}

Object* complex_abs(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!wrapper_args(ts, "__abs__", 0, nargs, kwnames)) return nullptr;
  bool overflow;
  double r = complex_modulus(complex_value(self), overflow);
  if (overflow) return raise(ts, &exc_OverflowError, "absolute value too large");
  return new_float(ts, r);
}

// An exact complex with self's value (self itself when it is one).
Object* complex_complex(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_args(ts, "complex.__complex__", nargs, kwnames)) return nullptr;
  if (self->ob_type == &complex_type) return newref(self);
  ComplexValue z = complex_value(self);
  return new_complex(ts, z.real, z.imag);
}

Object* complex_getnewargs(ThreadState* ts, Object* self, Object* const*, std::size_t nargs, Object* kwnames) {
  if (!no_args(ts, "complex.__getnewargs__", nargs, kwnames)) return nullptr;
  ComplexValue z = complex_value(self);
  Object* t = new_tuple(ts, 2);
  tuple_set(t, 0, new_float(ts, z.real));
  tuple_set(t, 1, new_float(ts, z.imag));
  return t;
}

Object* complex_format(ThreadState* ts, Object* self, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!one_arg(ts, "complex.__format__", nargs, kwnames)) return nullptr;
  if (!is_str(args[0]))
    return raise(ts, &exc_TypeError, std::string("__format__() argument must be str, not ") + args[0]->ob_type->tp_name);
  // An empty spec is str(self), so subclasses keep their __str__.
  if (str_view(args[0]).empty()) return object_str(ts, self);
  ComplexValue z = complex_value(self);
  return format_complex_value(ts, z.real, z.imag, str_view(args[0]));
}

Object* complex_get_real(ThreadState* ts, Object* self) { return new_float(ts, complex_value(self).real); }
Object* complex_get_imag(ThreadState* ts, Object* self) { return new_float(ts, complex_value(self).imag); }
// CPython makes real and imag read-only members (T_DOUBLE, READONLY), whose error text
// differs from a getset without a setter.
int complex_set_readonly(ThreadState* ts, Object*, Object*) {
  raise(ts, &exc_AttributeError, "readonly attribute");
  return -1;
}

}  // namespace

const MethodDef kComplexMethods[] = {
    {"conjugate", complex_conjugate, METH_INSTANCE},
    {"__abs__", complex_abs, METH_INSTANCE},
    {"__complex__", complex_complex, METH_INSTANCE},
    {"__getnewargs__", complex_getnewargs, METH_INSTANCE},
    {"__format__", complex_format, METH_INSTANCE},
    {nullptr, nullptr, 0},
};

const GetSetDef kComplexGetSet[] = {
    {"real", complex_get_real, complex_set_readonly},
    {"imag", complex_get_imag, complex_set_readonly},
    {nullptr, nullptr, nullptr},
};

}  // namespace terrarium
