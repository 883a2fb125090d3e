// The Python name of a thread (threading.Thread.name), for the deadlock report and the
// debugger's snapshots. Read from threading._active (ident -> Thread) and the Thread's
// instance dict, so no Python code runs. Not here: naming threads (core/pylib/threading.py).
#pragma once
#include <cstdint>
#include <string>

namespace terrarium {

struct ThreadState;

// The `_name` of the Thread whose ident is `ident`, or "" when the threading module does
// not know it (not imported, a thread started with _thread, or one not yet bootstrapped).
// `running` holds the GIL; errors are cleared.
std::string python_thread_name(ThreadState* running, std::uint64_t ident);

}  // namespace terrarium
