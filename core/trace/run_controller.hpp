// The run controller of a debug session: the commands of DebugCommand in
// web/src/vm/debug-protocol.ts (step instruction/line/over/out, continue, back, goto)
// turned into StopRules for a fresh replay of the program (trace/replay.hpp).
// Holds only the source, the breakpoints and the current snapshot between commands, so
// it needs no thread of its own and works the same in the single-threaded wasm build.
#pragma once
#include <atomic>
#include <optional>
#include <cstdint>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>
#include "trace/replay.hpp"

namespace terrarium {

class RunController {
 public:
  // `step_budget`: how many steps a continue / step line / over / out may run before
  // pausing with reason 'budget'. `pause_flag` (may be null) is polled while running.
  RunController(std::string source, std::string filename, std::vector<Breakpoint> breakpoints,
                std::uint64_t step_budget, std::atomic<std::uint8_t>* pause_flag = nullptr);

  // Compiles and pauses before the first instruction. False on a SyntaxError, whose
  // text (as the traceback prints it) is then in `error`.
  [[nodiscard]] bool start(nlohmann::json& program_info, std::string& error);
  // Runs a DebugCommand ({kind: 'step-instruction'} ...) from the current step; returns
  // the new Snapshot. An unknown kind returns the current one. Stopping is no command:
  // the page ends the session (debug-end) and the controller is dropped.
  const nlohmann::json& command(const nlohmann::json& command);
  void set_breakpoints(std::vector<Breakpoint> breakpoints) { breakpoints_ = std::move(breakpoints); }
  // Replays run the program's threads as green threads with this seed (deterministic,
  // so every replay to a step is the same run). Call before start(). False where the
  // build has no fibers (threads are then OS threads, as without this call).
  [[nodiscard]] bool use_green_threads(std::uint64_t seed);
  // Output the program wrote up to the current step that no earlier call handed out
  // (after a step back: nothing; the page cuts its transcript at outputLength).
  std::vector<OutputChunk> take_new_output();

  const nlohmann::json& snapshot() const { return snapshot_; }
  std::uint64_t step() const { return step_; }

 private:
  const nlohmann::json& run(StopRule rule);
  StopRule rule_from_here(StopRule::Until until) const;

  std::string source_;
  std::string filename_;
  std::vector<Breakpoint> breakpoints_;
  std::uint64_t step_budget_;
  std::atomic<std::uint8_t>* pause_flag_;
  std::optional<std::uint64_t> green_seed_;
  std::uint64_t step_ = 0;
  bool finished_ = false;
  nlohmann::json snapshot_;
  std::vector<OutputChunk> output_;  // of the current step
  std::size_t output_sent_ = 0;      // bytes of output already handed out
};

// Breakpoints from JSON ([{line, condition?}]), ignoring malformed entries.
std::vector<Breakpoint> breakpoints_from_json(const nlohmann::json& list);

}  // namespace terrarium
