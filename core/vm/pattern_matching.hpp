// The run-time side of match statements: MATCH_CLASS and MATCH_KEYS.
// CPython 3.11: ceval.c match_class() and match_keys().
#pragma once
#include "objects/object.hpp"

namespace terrarium {

// Matches `subject` against class pattern `cls(<nargs positional>, **names)`: a new tuple
// of the attributes to match sub-patterns against, or null. Null without an error means
// no match (not an instance, or a missing attribute).
[[nodiscard]] Object* match_class(ThreadState* ts, Object* subject, Object* cls, int nargs, Object* names);

// The values of `keys` (a tuple) in the mapping `subject`, as a new tuple; None (a new
// reference) if a key is missing; null with an error set.
[[nodiscard]] Object* match_keys(ThreadState* ts, Object* subject, Object* keys);

}  // namespace terrarium
