// int: a 64-bit machine integer for now, with the small-int cache (-5..256) CPython has
// so that `is` answers as in CPython. Arbitrary precision is a later step: operations
// that overflow raise OverflowError saying so, never a wrong answer.
#pragma once
#include <cstdint>
#include "objects/object.hpp"

namespace terrarium {

struct IntObject : Object {
  std::int64_t value;
};

extern TypeObject int_type;
// Sets int's behaviour slots on t (int itself and its subclass bool).
void fill_int_slots(TypeObject& t);

[[nodiscard]] Object* new_int(ThreadState* ts, std::int64_t v);  // never fails today
inline bool is_int(Object* o) { return is_instance(o, &int_type); }
inline std::int64_t int_value(Object* o) { return static_cast<IntObject*>(o)->value; }
// Parses an int literal's text as the tokenizer gives it (underscores, 0x/0o/0b).
// Returns null with OverflowError set when it does not fit yet.
[[nodiscard]] Object* int_from_literal(ThreadState* ts, const std::string& text);

}  // namespace terrarium
