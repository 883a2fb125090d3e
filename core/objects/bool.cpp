// bool: a subclass of int whose only instances are True and False. Arithmetic is
// inherited from int (True + True == 2); repr, the constructor and &, |, ^ between two
// bools (which stay bool) differ. Not subclassable. CPython: Objects/boolobject.c.
#include <string>
#include "objects/abstract.hpp"
#include "objects/exceptions.hpp"
#include "objects/getargs.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"

namespace terrarium {

namespace {
Object* bool_repr(ThreadState* ts, Object* o) { return new_str(ts, o == py_true() ? "True" : "False"); }

// bool(x=False, /). CPython: bool_new().
Object* bool_new(ThreadState* ts, TypeObject*, Object* const* args, std::size_t nargs, Object* kwnames) {
  if (!no_kwargs(ts, "bool", kwnames)) return nullptr;
  if (nargs > 1) return raise(ts, &exc_TypeError, "bool expected at most 1 argument, got " + std::to_string(nargs));
  if (nargs == 0) return new_bool(false);
  int t = object_is_true(ts, args[0]);
  return t < 0 ? nullptr : new_bool(t);
}

// True & False is False, not 0; with any other int the int operator answers.
template <BinaryOp Op>
Object* bool_bitwise(ThreadState* ts, Object* a, Object* b) {
  if (a->ob_type != &bool_type || b->ob_type != &bool_type)
    return int_type.nb_binary[static_cast<int>(Op)](ts, a, b);
  bool x = a == py_true(), y = b == py_true();
  if constexpr (Op == BinaryOp::And) return new_bool(x && y);
  else if constexpr (Op == BinaryOp::Or) return new_bool(x || y);
  else return new_bool(x != y);
}
}  // namespace

TypeObject bool_type = [] {
  // Inherit int's slots by calling the function that fills them, not by copying
  // int_type: static initialisation order across files is unspecified.
  TypeObject t = make_static_type("bool", sizeof(IntObject), &int_type);
  t.tp_flags = TPFLAGS_MATCH_SELF;
  fill_int_slots(t);
  t.tp_repr = bool_repr;
  t.tp_str = bool_repr;
  t.tp_new = bool_new;
  t.nb_binary[static_cast<int>(BinaryOp::And)] = bool_bitwise<BinaryOp::And>;
  t.nb_binary[static_cast<int>(BinaryOp::Or)] = bool_bitwise<BinaryOp::Or>;
  t.nb_binary[static_cast<int>(BinaryOp::Xor)] = bool_bitwise<BinaryOp::Xor>;
  return t;
}();

IntObject true_object{{kImmortalRefcnt, &bool_type}, 1};
IntObject false_object{{kImmortalRefcnt, &bool_type}, 0};

}  // namespace terrarium
