// The parts of the _thread built-in module, each file adding its own names.
#pragma once
#include "objects/object.hpp"

namespace terrarium {

// modules/thread_start.cpp: start_new_thread, start_new, _count, _set_sentinel.
[[nodiscard]] bool add_thread_start_functions(ThreadState* ts, Object* dict);

extern TypeObject thread_local_type;  // modules/thread_local.cpp: "_thread._local"

}  // namespace terrarium
