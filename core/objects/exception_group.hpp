// BaseExceptionGroup and ExceptionGroup (PEP 654): an exception carrying a message and
// a tuple of other exceptions, with split()/subgroup()/derive(). ExceptionGroup
// derives from both BaseExceptionGroup and Exception, as in CPython.
// CPython: Objects/exceptions.c (BaseExceptionGroup_*, exceptiongroup_split_*).
#pragma once
#include "objects/exceptions.hpp"

namespace terrarium {

struct ExceptionGroupObject : ExceptionObject {
  Object* message;     // str
  Object* exceptions;  // non-empty tuple of exceptions
};

extern TypeObject exc_BaseExceptionGroup;
extern TypeObject exc_ExceptionGroup;

inline bool is_exception_group(Object* o) { return is_instance(o, &exc_BaseExceptionGroup); }

// Gives ExceptionGroup its second base (Exception) before it is readied.
[[nodiscard]] bool ready_exception_group_types(ThreadState* ts);

// ExceptionGroup(message, excs) or BaseExceptionGroup as the contents require.
[[nodiscard]] Object* new_exception_group(ThreadState* ts, const char* message, Object* excs);

// What split() keeps: a subgroup of `group` (a new reference, or null with an error),
// or nullptr with no error when nothing matched. `matches(leaf)` is 1, 0 or -1.
enum class GroupMatcher { ByType, ByPredicate, ByLeafIdentity };
struct SplitResult {
  Object* match = nullptr;
  Object* rest = nullptr;
};
[[nodiscard]] bool exception_group_split(ThreadState* ts, Object* exc, GroupMatcher kind, Object* matcher,
                                         bool construct_rest, SplitResult& out);

}  // namespace terrarium
