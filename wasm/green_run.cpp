// Running a program with green threads in the browser module linked with ASYNCIFY
// (`terrarium-green`, loaded by pages that are not cross-origin isolated when a program
// uses threads): each Python thread is an Emscripten fiber.
// Asyncify unwinds and rewinds the stack only up to an exported function it wraps, and
// Embind's calls go through the function table, which it cannot see: so the run itself
// is a plain C export. The page stages the program with prepareGreenRun (Embind), calls
// _terrarium_run_green(), then reads greenRunStatus() — the export's own return value is
// lost when the first fiber switch unwinds it.
#include <emscripten.h>
#include <emscripten/bind.h>

#include <cstdint>
#include <string>
#include "terrarium/interpreter.hpp"
#include "trace/thread_event_recorder.hpp"

terrarium::ThreadEventRecorder& module_thread_events();  // wasm/bindings.cpp
std::string green_debug_start(std::string source, std::string filename, std::string breakpoints, double step_budget,
                              std::uint64_t seed);  // wasm/bindings.cpp
std::string green_debug_command(std::string command);

namespace {

class PageOutput : public terrarium::OutputSink {
 public:
  void write(int stream, std::string_view text) override {
    EM_ASM({ if (Module["onOutput"]) Module["onOutput"]($0, UTF8ToString($1, $2)); }, stream, text.data(),
           text.size());
  }
};

struct GreenRun {
  std::string source;
  std::string filename;
  std::uint64_t seed = 0;
  int status = -1;  // -1: the run did not get to its end (the module broke)
};

GreenRun& staged() {
  static GreenRun run;
  return run;
}

void prepare_green_run(std::string source, std::string filename, double seed) {
  GreenRun& run = staged();
  run.source = std::move(source);
  run.filename = std::move(filename);
  run.seed = seed >= 0 ? static_cast<std::uint64_t>(seed) : 0;
  run.status = -1;
}

int green_run_status() { return staged().status; }

// A debug session's start or command, staged the same way: its replays switch fibers.
struct GreenDebugCall {
  bool start = false;
  std::string source, filename, breakpoints, command;
  double step_budget = 0;
  std::uint64_t seed = 0;
  std::string reply;
};

GreenDebugCall& staged_debug() {
  static GreenDebugCall call;
  return call;
}

void prepare_green_debug_start(std::string source, std::string filename, std::string breakpoints, double step_budget,
                               double seed) {
  GreenDebugCall& call = staged_debug();
  call = GreenDebugCall{true, std::move(source), std::move(filename), std::move(breakpoints), "", step_budget,
                        seed >= 0 ? static_cast<std::uint64_t>(seed) : 0, ""};
}

void prepare_green_debug_command(std::string command) {
  GreenDebugCall& call = staged_debug();
  call = GreenDebugCall{};
  call.command = std::move(command);
}

std::string green_debug_reply() { return staged_debug().reply; }

}  // namespace

// A fresh interpreter per run: the threading module's state (its main thread marked
// stopped at exit) must not carry over to the next run.
extern "C" EMSCRIPTEN_KEEPALIVE void terrarium_run_green() {
  GreenRun& run = staged();
  PageOutput out;
  terrarium::Interpreter interp(out);
  if (!interp.use_green_threads(run.seed)) {
    out.write(2, "terrarium: this module was linked without fibers\n");
    run.status = 1;
    return;
  }
  terrarium::ThreadEventRecorder& events = module_thread_events();
  events.start_run();
  interp.set_thread_observer(&events);
  int status = interp.run_source(run.source, run.filename);
  interp.set_thread_observer(nullptr);
  run.status = status;
}

extern "C" EMSCRIPTEN_KEEPALIVE void terrarium_debug_green() {
  GreenDebugCall& call = staged_debug();
  call.reply = R"({"error":"terrarium: the debug call did not finish"})";
  call.reply = call.start ? green_debug_start(call.source, call.filename, call.breakpoints, call.step_budget, call.seed)
                          : green_debug_command(call.command);
}

EMSCRIPTEN_BINDINGS(terrarium_green) {
  emscripten::function("prepareGreenRun", &prepare_green_run);
  emscripten::function("greenRunStatus", &green_run_status);
  emscripten::function("prepareGreenDebugStart", &prepare_green_debug_start);
  emscripten::function("prepareGreenDebugCommand", &prepare_green_debug_command);
  emscripten::function("greenDebugReply", &green_debug_reply);
}
