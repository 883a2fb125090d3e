// bool: a subclass of int whose only instances are True and False. Arithmetic is
// inherited from int (True + True == 2); only repr and the type differ.
// CPython: Objects/boolobject.c.
#include "objects/singletons.hpp"
#include "objects/str.hpp"

namespace terrarium {

namespace {
Object* bool_repr(ThreadState* ts, Object* o) { return new_str(ts, o == py_true() ? "True" : "False"); }
}  // namespace

TypeObject bool_type = [] {
  // Inherit int's slots by calling the function that fills them, not by copying
  // int_type: static initialisation order across files is unspecified.
  TypeObject t = make_static_type("bool", sizeof(IntObject), &int_type);
  fill_int_slots(t);
  t.tp_repr = bool_repr;
  t.tp_str = bool_repr;
  return t;
}();

IntObject true_object{{kImmortalRefcnt, &bool_type}, 1};
IntObject false_object{{kImmortalRefcnt, &bool_type}, 0};

}  // namespace terrarium
