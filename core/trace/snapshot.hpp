// Snapshots of a paused program, in exactly the shapes of web/src/vm/debug-protocol.ts
// (Snapshot, FrameView, ValueView, ExceptionView): the program's frames outermost first,
// suspended generator and coroutine frames apart, the exception in flight or being
// handled. Frames of code outside the program (library modules written in Python) are
// left out: the panes only know the program's code objects. In a program with threads the
// frames are the paused thread's; the others are listed apart (thread_views.hpp).
#pragma once
#include <cstdint>
#include <string>
#include <nlohmann/json_fwd.hpp>

namespace terrarium {

struct Frame;
struct Object;
struct ThreadState;
class ProgramCodes;
struct EvalGuard;

struct SnapshotInput {
  std::uint64_t step = 0;
  const char* reason = "step";
  std::size_t output_length = 0;  // UTF-16 units of output so far
  // ExceptionView of an exception the last step raised (exception_view_json), if any.
  const nlohmann::json* raised = nullptr;
};

// The Snapshot of the paused program on `ts` (inside the observer's on_instruction).
nlohmann::json snapshot_json(ThreadState* ts, const ProgramCodes& program, EvalGuard& guard,
                             const SnapshotInput& input);
// FrameViews of the program's frames on `owner`'s stack, outermost first (reprs run on
// `running`, the paused thread; `owner` may be another thread, paused where it switched).
nlohmann::json program_stack_json(ThreadState* running, const ThreadState* owner, const ProgramCodes& program,
                                  EvalGuard& guard);
// The Snapshot of a finished program: no frames, its exit status.
nlohmann::json finished_snapshot_json(std::uint64_t step, std::size_t output_length, int status);
// ExceptionView of `exc` without its handler; str(exc) runs under `guard`.
nlohmann::json exception_view_json(ThreadState* ts, Object* exc, EvalGuard& guard);
// ExceptionView.handler: where the exception table of `frame`'s code sends an exception
// raised at its current instruction; false if nowhere in this frame.
bool find_exception_handler(const Frame& frame, int& target_offset);

}  // namespace terrarium
