// One deterministic run of a debug session's program: a fresh Interpreter runs it from
// the start, counting the program's instructions (steps), until a StopRule fires; the
// snapshot is taken right there, inside the paused eval loop, and the run is abandoned.
// Time travel is running again to another step: nothing but the current run is kept, so
// memory stays that of one run. Instructions of code outside the program (library
// modules written in Python, exec'd strings) run but are not steps.
#pragma once
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>

namespace terrarium {

struct Breakpoint {
  int line = 0;
  std::string condition;  // a Python expression; empty: always
};

// When to pause. Steps after `from_step` are checked in this order: `max_step`
// (reason `max_reason`), then `until`; a program that ends first gives 'finished'.
struct StopRule {
  enum class Until {
    Nothing,       // only max_step
    LineStart,     // step line: the next line event anywhere
    LineAtDepth,   // step over: the next line event no deeper than at from_step
    Shallower,     // step out: the first step in a shallower frame
    Breakpoint,    // continue: a breakpoint's line starts and its condition holds
  };
  std::uint64_t from_step = 0;
  std::uint64_t max_step = 0;
  const char* max_reason = "step";
  Until until = Until::Nothing;
  std::vector<Breakpoint> breakpoints;
  // Nonzero (set from another thread / through shared memory) asks to pause: 'pause'.
  std::atomic<std::uint8_t>* pause_flag = nullptr;
  // The flag is looked at from this step on (it may be before from_step: a far goto),
  // so a pause never lands before the step the command started from.
  std::uint64_t pause_from = 0;
};

struct OutputChunk {
  int stream;
  std::string text;
};

struct ReplayResult {
  bool compiled = true;            // false: SyntaxError, its text in `output`
  nlohmann::json snapshot;         // Snapshot JSON
  nlohmann::json program_info;     // ProgramInfo JSON (only when asked for)
  std::vector<OutputChunk> output; // everything written up to the pause
  std::uint64_t step = 0;
  bool finished = false;
};

// Runs `source` until `rule` pauses it (or it ends); with `green_seed`, its threads are
// green threads (Interpreter::use_green_threads), so the run is the same every time.
ReplayResult replay(const std::string& source, const std::string& filename, const StopRule& rule,
                    bool want_program_info, std::optional<std::uint64_t> green_seed = std::nullopt);

}  // namespace terrarium
