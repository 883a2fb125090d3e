// The run-time side of try/except*: CHECK_EG_MATCH and PREP_RERAISE_STAR.
// CPython 3.11: ceval.c exception_group_match(), check_except_star_type_valid() and
// Objects/exceptions.c _PyExc_PrepReraiseStar().
#pragma once
#include "objects/object.hpp"

namespace terrarium {

// Splits the exception being handled by an except* clause's type. On success `match`
// is the matching part (the exception wrapped in an ExceptionGroup if it was a naked
// one) or None, and `rest` what is left or None; both new references.
[[nodiscard]] bool except_star_match(ThreadState* ts, Object* exc, Object* type, Object*& match, Object*& rest);

// What leaves a try/except*: `orig` is the exception that entered it, `raised` the list
// of what the clauses raised or re-raised plus the unhandled rest. Returns the exception
// to raise or None (new reference); null with an error set.
[[nodiscard]] Object* prep_reraise_star(ThreadState* ts, Object* orig, Object* raised);

}  // namespace terrarium
