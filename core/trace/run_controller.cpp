// Commands as stop rules over deterministic replays: every command re-runs the program
// from step 0 and pauses where the rule says. Back and goto are the same as any other
// command, so time travel needs no checkpoints and keeps the memory of a single run.
#include "trace/run_controller.hpp"

#include <algorithm>

#include "terrarium/interpreter.hpp"
#include "trace/snapshot.hpp"
#include "vm/fiber.hpp"

namespace terrarium {

bool RunController::use_green_threads(std::uint64_t seed) {
  if (!fibers_available()) return false;
  green_seed_ = seed;
  return true;
}

RunController::RunController(std::string source, std::string filename, std::vector<Breakpoint> breakpoints,
                             std::uint64_t step_budget, std::atomic<std::uint8_t>* pause_flag)
    : source_(std::move(source)),
      filename_(std::move(filename)),
      breakpoints_(std::move(breakpoints)),
      step_budget_(step_budget > 0 ? step_budget : 1),
      pause_flag_(pause_flag) {}

bool RunController::start(nlohmann::json& program_info, std::string& error) {
  StopRule rule;
  rule.max_reason = "start";
  ReplayResult result = replay(source_, filename_, rule, true, green_seed_);
  if (!result.compiled) {
    for (const OutputChunk& chunk : result.output) error += chunk.text;
    return false;
  }
  program_info = std::move(result.program_info);
  step_ = result.step;
  finished_ = result.finished;
  snapshot_ = std::move(result.snapshot);
  output_ = std::move(result.output);
  return true;
}

StopRule RunController::rule_from_here(StopRule::Until until) const {
  StopRule rule;
  rule.from_step = step_;
  rule.max_step = step_ + step_budget_;
  rule.max_reason = "budget";
  rule.until = until;
  rule.pause_flag = pause_flag_;
  rule.pause_from = step_;
  if (until == StopRule::Until::Breakpoint) rule.breakpoints = breakpoints_;
  return rule;
}

const nlohmann::json& RunController::command(const nlohmann::json& command) {
  std::string kind = command.value("kind", "");
  auto go_to = [&](std::uint64_t target) -> const nlohmann::json& {
    StopRule rule;
    rule.from_step = rule.max_step = target;
    // A far goto (a link into an endless loop) can run long and no budget applies to
    // it: the pause flag reaches it once it is past the step it started from.
    rule.pause_flag = pause_flag_;
    rule.pause_from = std::min(step_, target);
    return run(rule);
  };
  if (kind == "back") return go_to(step_ > 0 ? step_ - 1 : 0);
  if (kind == "goto") {
    const nlohmann::json& target = command.value("step", nlohmann::json(0));
    bool valid = target.is_number_integer() && target.get<std::int64_t>() >= 0;
    return go_to(valid ? target.get<std::uint64_t>() : 0);
  }
  // The rest go forward from here; nothing is left to run after the end.
  if (finished_) return snapshot_;
  if (kind == "step-instruction") return go_to(step_ + 1);
  if (kind == "step-line") return run(rule_from_here(StopRule::Until::LineStart));
  if (kind == "step-over") return run(rule_from_here(StopRule::Until::LineAtDepth));
  if (kind == "step-out") return run(rule_from_here(StopRule::Until::Shallower));
  if (kind == "continue") return run(rule_from_here(StopRule::Until::Breakpoint));
  return snapshot_;
}

const nlohmann::json& RunController::run(StopRule rule) {
  ReplayResult result = replay(source_, filename_, rule, false, green_seed_);
  step_ = result.step;
  finished_ = result.finished;
  snapshot_ = std::move(result.snapshot);
  output_ = std::move(result.output);
  return snapshot_;
}

std::vector<OutputChunk> RunController::take_new_output() {
  std::vector<OutputChunk> fresh;
  std::size_t seen = 0;
  for (const OutputChunk& chunk : output_) {
    std::size_t end = seen + chunk.text.size();
    if (end > output_sent_) {
      std::size_t from = output_sent_ > seen ? output_sent_ - seen : 0;
      fresh.push_back({chunk.stream, chunk.text.substr(from)});
    }
    seen = end;
  }
  if (seen > output_sent_) output_sent_ = seen;
  return fresh;
}

std::vector<Breakpoint> breakpoints_from_json(const nlohmann::json& list) {
  std::vector<Breakpoint> out;
  if (!list.is_array()) return out;
  for (const nlohmann::json& item : list) {
    if (!item.is_object() || !item.contains("line") || !item["line"].is_number_integer()) continue;
    Breakpoint bp;
    bp.line = item["line"].get<int>();
    if (item.contains("condition") && item["condition"].is_string()) bp.condition = item["condition"].get<std::string>();
    out.push_back(std::move(bp));
  }
  return out;
}

}  // namespace terrarium
