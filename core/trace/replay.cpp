// The replay observer: counts the program's steps, applies the StopRule and snapshots.
// It follows the program's threads: with green threads they all run on this OS thread,
// one at a time, so it needs no lock, and every thread's instructions are steps.
#include "trace/replay.hpp"

#include "terrarium/interpreter.hpp"
#include "trace/frame_eval.hpp"
#include "trace/observer.hpp"
#include "trace/program_info.hpp"
#include "trace/snapshot.hpp"
#include "trace/value_view.hpp"
#include "vm/fiber.hpp"
#include "vm/frame.hpp"
#include "vm/gil.hpp"
#include "vm/green_scheduler.hpp"
#include "vm/interpreter_state.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

// How often a forward run looks at the pause flag (an atomic exchange per step would
// show in the replay speed).
constexpr std::uint64_t kPauseCheckInterval = 1024;

// Keeps what the program writes until the pause; after it, output of the abandoned
// rest of the run (the KeyboardInterrupt that ends it, finalizers) is dropped.
class CaptureOutput : public OutputSink {
 public:
  void write(int stream, std::string_view text) override {
    if (closed) return;
    if (!chunks.empty() && chunks.back().stream == stream) {
      chunks.back().text.append(text);
    } else {
      chunks.push_back({stream, std::string(text)});
    }
    // The page measures text in UTF-16 code units (JavaScript string length): one per
    // code point, two for those outside the BMP.
    for (unsigned char c : text) {
      if ((c & 0xC0) != 0x80) ++utf16_length;
      if (c >= 0xF0) ++utf16_length;
    }
  }
  std::vector<OutputChunk> chunks;
  std::size_t utf16_length = 0;
  bool closed = false;
};

int frame_depth(const Frame& frame) {
  int depth = 0;
  for (const Frame* f = &frame; f; f = f->previous) ++depth;
  return depth;
}

// The debugger's own Python code (reprs, breakpoint conditions) runs with no thread
// switch in the middle: the other threads stay where the pause found them.
class NoPreemption {
 public:
  explicit NoPreemption(ThreadState* ts) : green_(green_scheduler(ts)) {
    if (green_) green_->set_preemption(false);
  }
  ~NoPreemption() {
    if (green_) green_->set_preemption(true);
  }
  NoPreemption(const NoPreemption&) = delete;
  NoPreemption& operator=(const NoPreemption&) = delete;

 private:
  GreenScheduler* green_;
};

// Whether the thread with this serial is still alive (it may have ended meanwhile).
bool thread_alive(const ThreadState* ts, std::uint64_t serial) {
  if (serial == 0) return true;  // the main thread outlives the program
  for (const ThreadState* t : ts->interp->threads)
    if (t->serial == serial) return true;
  return false;
}

bool threads_started(const ThreadState* ts) { return ts->runtime->next_serial.load() > 1; }

class ReplayObserver : public TraceObserver {
 public:
  // `green`: the run's threads are green threads, so following them keeps it deterministic
  // (OS threads, where fibers are missing, stay untraced as the run is then not repeatable).
  ReplayObserver(const StopRule& rule, CaptureOutput& out, bool want_program_info, bool green)
      : rule_(rule), out_(out), want_program_info_(want_program_info), green_(green) {}

  bool on_instruction(ThreadState* ts, const Frame& frame, int opcode, int stack_depth) override {
    // After the pause the run is abandoned: no more of the program's code runs. In a
    // program with threads, library code (threading's) still runs so that the threads,
    // told to stop in pause(), release its locks and end.
    if (stopped_) return green_ && threads_started(ts) && program_.index_of(frame.code) < 0;
    if (guard_.active) return guard_.count_step();
    // The program is the code of the main thread's module frame, the first one to run.
    if (!program_ready_) {
      if (!is_main_thread(ts)) return true;
      start_program(ts, frame);
    }
    bool line_start = line_start_of_ == ts;
    line_start_of_ = nullptr;
    if (program_.index_of(frame.code) < 0) return true;
    std::uint64_t step = step_;
    if (step >= rule_.from_step) {
      if (step == rule_.from_step) {
        followed_serial_ = ts->serial;
        base_depth_ = frame_depth(frame);
      }
      if (const char* reason = pause_reason(ts, frame, step, line_start)) {
        pause(ts, step, reason);
        return false;
      }
    } else if (step >= rule_.pause_from && pause_requested(step)) {
      // Replaying towards a far step (a goto from a link into an endless loop) can
      // take as long as running there did: Pause and Stop must reach it too.
      pause(ts, step, "pause");
      return false;
    }
    ++step_;
    return true;
  }

  // A line event comes just before its instruction, on the same thread (no switch can
  // fall between them); remembering whose it is keeps it from leaking to another thread.
  void on_line(ThreadState* ts, const Frame&, int) override { line_start_of_ = ts; }

  bool follows_threads() const override { return green_; }

  void on_exception(ThreadState* ts, const Frame& frame, const Object* exc) override {
    // Only an exception raised at or after the step the command starts from can be shown.
    if (guard_.active || stopped_ || step_ < rule_.from_step || !program_ready_) return;
    raised_serial_ = ts->serial;
    raised_ = exception_view_json(ts, const_cast<Object*>(exc), guard_);
    int code = program_.index_of(frame.code);
    int offset = 0;
    if (code >= 0 && find_exception_handler(frame, offset)) raised_["handler"] = {{"code", code}, {"offset", offset}};
    raised_step_ = step_;
  }

  bool stopped() const { return stopped_; }
  bool program_ready() const { return program_ready_; }
  std::uint64_t steps() const { return step_; }
  const std::uint64_t* clock() const { return &step_; }
  nlohmann::json snapshot;
  nlohmann::json program_info;

 private:
  void start_program(ThreadState* ts, const Frame& module_frame) {
    program_ready_ = true;
    program_ = ProgramCodes(module_frame.code);
    if (want_program_info_ && !program_info_json(ts, program_, module_frame.code->co_filename, program_info))
      clear_error(ts);
  }

  const char* pause_reason(ThreadState* ts, const Frame& frame, std::uint64_t step, bool line_start) {
    if (step == rule_.from_step) return step == rule_.max_step ? rule_.max_reason : nullptr;
    // Step line, over and out follow the thread the command started in (the others run
    // meanwhile); once it has ended, the next line of any thread will do.
    bool followed = ts->serial == followed_serial_ || !thread_alive(ts, followed_serial_);
    switch (rule_.until) {
      case StopRule::Until::Nothing:
        break;
      case StopRule::Until::LineStart:
        if (line_start && followed) return "step";
        break;
      case StopRule::Until::LineAtDepth:
        if (line_start && followed && (ts->serial != followed_serial_ || frame_depth(frame) <= base_depth_))
          return "step";
        break;
      case StopRule::Until::Shallower:
        if (ts->serial == followed_serial_) {
          if (frame_depth(frame) < base_depth_) return "step";
        } else if (followed && line_start) {
          return "step";  // the thread stepped out of has ended
        }
        break;
      case StopRule::Until::Breakpoint:
        if (line_start && breakpoint_hit(ts, frame)) return "breakpoint";
        break;
    }
    if (step >= rule_.max_step) return rule_.max_reason;
    if (pause_requested(step)) return "pause";
    return nullptr;
  }

  bool pause_requested(std::uint64_t step) const {
    return rule_.pause_flag && step % kPauseCheckInterval == 0 && rule_.pause_flag->exchange(0);
  }

  bool breakpoint_hit(ThreadState* ts, const Frame& frame) {
    int line = frame.lineno();
    for (const Breakpoint& bp : rule_.breakpoints) {
      if (bp.line != line) continue;
      // As pdb does, a condition that fails to evaluate stops the program too.
      if (bp.condition.empty()) return true;
      NoPreemption hold(ts);
      if (eval_condition(ts, frame, bp.condition, guard_) != ConditionResult::False) return true;
    }
    return false;
  }

  void pause(ThreadState* ts, std::uint64_t step, const char* reason) {
    out_.closed = true;
    SnapshotInput input;
    input.step = step;
    input.reason = reason;
    input.output_length = out_.utf16_length;
    // An exception of the step just before, if this thread raised it.
    if (raised_step_ == step && raised_serial_ == ts->serial && !raised_.is_null()) input.raised = &raised_;
    NoPreemption hold(ts);
    snapshot = snapshot_json(ts, program_, guard_, input);
    step_ = step;
    stopped_ = true;  // after the snapshot: its reprs run Python code that must not be stopped
    // As the Stop button does: the other threads end with SystemExit and their waits end,
    // so the interpreter's shutdown finds no thread to wait for. A worker paused here
    // gets KeyboardInterrupt from this step; the main thread then gets it from the breaker.
    if (green_ && threads_started(ts)) {
      std::uint8_t bits = kBreakStopThreads | (is_main_thread(ts) ? 0 : kBreakInterrupt);
      ts->runtime->eval_breaker.fetch_or(bits);
    }
  }

  const StopRule& rule_;
  CaptureOutput& out_;
  bool want_program_info_;
  bool green_;
  ProgramCodes program_;
  bool program_ready_ = false;
  EvalGuard guard_;
  std::uint64_t step_ = 0;  // program instructions executed; the virtual clock reads it too
  // The thread running the step the command starts from, and its depth there.
  std::uint64_t followed_serial_ = 0;
  int base_depth_ = 0;
  const ThreadState* line_start_of_ = nullptr;  // on_line's thread, until its instruction
  bool stopped_ = false;
  nlohmann::json raised_;
  std::uint64_t raised_step_ = UINT64_MAX;
  std::uint64_t raised_serial_ = 0;
};

// Replays must not differ: the random module's default seed comes from object
// addresses, which differ between runs, so a session seeds it with a fixed value first.
void seed_random(Interpreter& interp, const std::string& source) {
  if (source.find("random") == std::string::npos) return;  // the import costs; skip it when unused
  (void)interp.run_source("import random\nrandom.seed(0)\n", "<debug-session>", false);
}

}  // namespace

ReplayResult replay(const std::string& source, const std::string& filename, const StopRule& rule,
                    bool want_program_info, std::optional<std::uint64_t> green_seed) {
  CaptureOutput out;
  // Interpreter::use_green_threads does nothing where fibers are missing.
  ReplayObserver observer(rule, out, want_program_info, green_seed && fibers_available());
  ReplayResult result;
  int status = 0;
  {
    Interpreter interp(out);
    interp.set_virtual_clock(observer.clock());
    if (green_seed) (void)interp.use_green_threads(*green_seed);
    seed_random(interp, source);
    out.chunks.clear();
    out.utf16_length = 0;
    interp.set_trace_observer(&observer);
    status = interp.run_source(source, filename);
    result.compiled = observer.program_ready();  // nothing ran: the source did not compile
    // A finished program's shutdown (finalizers) is part of its output, untraced; after a
    // pause the observer stays attached and stops whatever Python code would still run.
    if (!observer.stopped()) interp.set_trace_observer(nullptr);
  }
  if (result.compiled && !observer.stopped()) {
    result.finished = true;
    result.snapshot = finished_snapshot_json(observer.steps(), out.utf16_length, status);
  }
  if (observer.stopped()) result.snapshot = std::move(observer.snapshot);
  result.program_info = std::move(observer.program_info);
  result.output = std::move(out.chunks);
  result.step = observer.steps();
  return result;
}

}  // namespace terrarium
