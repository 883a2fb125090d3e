// The threads of a paused program as Snapshot.thread and Snapshot.threads show them
// (web/src/vm/debug-protocol.ts ThreadView): which thread is paused, and every live
// Python thread with its name, whether it waits, and its program frames. Only for
// programs that started a thread, so other programs' snapshots stay as they were.
#pragma once
#include <nlohmann/json_fwd.hpp>

namespace terrarium {

struct ThreadState;
class ProgramCodes;
struct EvalGuard;

// Adds `thread` and `threads` to `snap` when the program on `paused` has started a thread.
void add_thread_views(ThreadState* paused, const ProgramCodes& program, EvalGuard& guard, nlohmann::json& snap);

}  // namespace terrarium
