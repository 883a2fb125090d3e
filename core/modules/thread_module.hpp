// The parts of the _thread built-in module, each file adding its own names.
#pragma once
#include "objects/object.hpp"

namespace terrarium {

// modules/thread_start.cpp: start_new_thread, start_new, _count, _set_sentinel.
[[nodiscard]] bool add_thread_start_functions(ThreadState* ts, Object* dict);

// The end of a thread state, with the GIL held: its sentinel locks released, its
// per-thread data (_thread._local values) dropped, the thread registry updated. Also
// run for the main thread when the interpreter finalizes.
void clear_thread_state(ThreadState* ts);

extern TypeObject thread_local_type;  // modules/thread_local.cpp: "_thread._local"

}  // namespace terrarium
