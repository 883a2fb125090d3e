// The builtins module's namespace (print, repr, ...). CPython: Python/bltinmodule.c.
#pragma once
#include "objects/object.hpp"

namespace terrarium {

// A new dict holding the built-in names. Null with an error set on failure.
[[nodiscard]] Object* make_builtins(ThreadState* ts);

}  // namespace terrarium
