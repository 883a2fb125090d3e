// The name a thread goes by in the deadlock report and the debugger's snapshots:
// threading.Thread.name, as threading.py reports it (_thread._report_name, kept in
// ThreadState::python_name), else what threading would call it.
#pragma once
#include <string>

namespace terrarium {

struct ThreadState;

// "MainThread" / "Thread-<serial>" for a thread threading has not named (one started
// with _thread, or not yet bootstrapped).
std::string thread_display_name(const ThreadState& thread);

}  // namespace terrarium
