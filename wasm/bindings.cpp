// Embind bindings: the browser's view of the interpreter. One Interpreter per module
// instance (the VM worker loads one module). Output is handed to the page's
// Module.onOutput(stream, text) as it is printed; C++ exceptions never cross into JS.
// A debug session (debugStart ... debugEnd) is core/trace's RunController: its calls
// take and return JSON strings in the shapes of web/src/vm/debug-protocol.ts.
#include <emscripten/bind.h>
#include <emscripten/em_asm.h>
#ifdef __EMSCRIPTEN_PTHREADS__
#include <emscripten/threading.h>
#endif

#include <cstdlib>
#include <cstring>

#include <memory>
#include <optional>
#include <string>
#include <nlohmann/json.hpp>
#include "terrarium/interpreter.hpp"
#include "trace/run_controller.hpp"
#include "trace/thread_event_recorder.hpp"

namespace {

void deliver(int stream, const char* text, std::size_t size) {
  EM_ASM({ if (Module["onOutput"]) Module["onOutput"]($0, UTF8ToString($1, $2)); }, stream, text, size);
}

#ifdef __EMSCRIPTEN_PTHREADS__
// Runs on the VM worker (the main runtime thread): a Python thread's text, copied.
void deliver_copied(int stream, char* text, int size) {
  deliver(stream, text, static_cast<std::size_t>(size));
  std::free(text);
}
#endif

// Module.onOutput exists only in the VM worker's JS, so a Python thread running on another
// pthread hands its text to that thread: asynchronously, because the VM worker may be
// blocked (in join(), waiting for the GIL) and runs queued calls whenever it waits.
// Writes are made under the GIL, so running the queue before the VM worker's own write
// keeps every thread's output in program order.
class JsOutput : public terrarium::OutputSink {
 public:
  void write(int stream, std::string_view text) override {
#ifdef __EMSCRIPTEN_PTHREADS__
    if (!emscripten_is_main_runtime_thread()) {
      auto* copy = static_cast<char*>(std::malloc(text.size() + 1));
      std::memcpy(copy, text.data(), text.size());
      emscripten_async_run_in_main_runtime_thread(EM_FUNC_SIG_VIII, reinterpret_cast<void*>(deliver_copied), stream, copy,
                                                  static_cast<int>(text.size()));
      return;
    }
    emscripten_main_thread_process_queued_calls();
#endif
    deliver(stream, text.data(), text.size());
  }
  // What threads printed and the VM worker has not shown yet (at the end of a run).
  void flush() {
#ifdef __EMSCRIPTEN_PTHREADS__
    emscripten_main_thread_process_queued_calls();
#endif
  }
};

struct Runtime {
  JsOutput out;
  // Declared before the interpreter, so it outlives the threads the interpreter ends.
  // The page reads its arrays from wasm memory (layout: trace/thread_event_recorder.hpp).
  terrarium::ThreadEventRecorder thread_events;
  terrarium::Interpreter interp{out};
  Runtime() { interp.set_thread_observer(&thread_events); }
};

Runtime& runtime() {
  static Runtime r;  // the module instance's one interpreter
  return r;
}

}  // namespace

// The recorder the page reads; green_run.cpp's interpreters report to it too.
terrarium::ThreadEventRecorder& module_thread_events() { return runtime().thread_events; }

namespace {

int run_source(std::string source, std::string filename) {
  try {
    runtime().thread_events.start_run();
    int status = runtime().interp.run_source(source, filename);
    runtime().out.flush();
    return status;
  } catch (const std::exception& e) {
    runtime().out.write(2, std::string("terrarium: internal error: ") + e.what() + "\n");
    return 1;
  }
}

std::string disassemble(std::string source, std::string filename) {
  std::string text;
  if (!runtime().interp.disassemble_source(source, filename, text)) return "";
  return text;
}

// ---- debug sessions ---------------------------------------------------------------

std::unique_ptr<terrarium::RunController>& session() {
  static std::unique_ptr<terrarium::RunController> s;
  return s;
}

nlohmann::json output_json(const std::vector<terrarium::OutputChunk>& chunks) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& chunk : chunks) list.push_back({{"stream", chunk.stream}, {"text", chunk.text}});
  return list;
}

nlohmann::json paused_json(terrarium::RunController& controller) {
  return {{"snapshot", controller.snapshot()}, {"output", output_json(controller.take_new_output())}};
}

nlohmann::json parse_or_null(const std::string& text) {
  return nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
}

// {program, snapshot, output} paused before the first instruction, or {error} with the
// SyntaxError as the traceback prints it. Stop (the interrupt flag) pauses a long run.
// With a seed, every replay runs the program's threads as green threads.
std::string start_session(std::string source, std::string filename, std::string breakpoints, double step_budget,
                          std::optional<std::uint64_t> green_seed) {
  try {
    runtime().interp.interrupt_flag().fetch_and(static_cast<std::uint8_t>(~1u));  // the host bit only
    auto controller = std::make_unique<terrarium::RunController>(
        source, filename, terrarium::breakpoints_from_json(parse_or_null(breakpoints)),
        step_budget >= 1 ? static_cast<std::uint64_t>(step_budget) : 1, &runtime().interp.interrupt_flag());
    if (green_seed && !controller->use_green_threads(*green_seed))
      return R"({"error":"terrarium: this module was linked without fibers\n"})";
    nlohmann::json program;
    std::string error;
    if (!controller->start(program, error)) {
      session().reset();
      return nlohmann::json{{"error", error}}.dump();
    }
    nlohmann::json reply = paused_json(*controller);
    reply["program"] = std::move(program);
    session() = std::move(controller);
    return reply.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  } catch (const std::exception& e) {
    return nlohmann::json{{"error", std::string("terrarium: internal error: ") + e.what()}}.dump();
  }
}

std::string debug_start(std::string source, std::string filename, std::string breakpoints, double step_budget) {
  return start_session(std::move(source), std::move(filename), std::move(breakpoints), step_budget, std::nullopt);
}

// {snapshot, output: [{stream, text}] written since the last call}, or {error}.
std::string debug_command(std::string command) {
  try {
    if (!session()) return R"({"error":"no debug session"})";
    session()->command(parse_or_null(command));
    return paused_json(*session()).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  } catch (const std::exception& e) {
    return nlohmann::json{{"error", std::string("terrarium: internal error: ") + e.what()}}.dump();
  }
}

void set_breakpoints(std::string breakpoints) {
  if (session()) session()->set_breakpoints(terrarium::breakpoints_from_json(parse_or_null(breakpoints)));
}

void debug_end() { session().reset(); }

std::uintptr_t interrupt_flag_address() { return reinterpret_cast<std::uintptr_t>(&runtime().interp.interrupt_flag()); }
// Only the host's bit: the VM's own (GIL drop requests, threads told to end) stay.
void clear_interrupt() { runtime().interp.interrupt_flag().fetch_and(static_cast<std::uint8_t>(~1u)); }
// Byte offsets in wasm memory of the thread-event recorder's header and records; both
// exist from the module's start, so a page holding the memory of then can read them.
std::uintptr_t thread_events_header_address() {
  return reinterpret_cast<std::uintptr_t>(runtime().thread_events.header());
}
std::uintptr_t thread_events_records_address() {
  return reinterpret_cast<std::uintptr_t>(runtime().thread_events.record_array());
}
std::string version() { return terrarium::version(); }
bool threaded() {
#ifdef __EMSCRIPTEN_PTHREADS__
  return true;
#else
  return false;
#endif
}

}  // namespace

// For green_run.cpp, whose module replays through a plain export: the same session,
// with the program's threads green in every replay.
std::string green_debug_start(std::string source, std::string filename, std::string breakpoints, double step_budget,
                              std::uint64_t seed) {
  return start_session(std::move(source), std::move(filename), std::move(breakpoints), step_budget, seed);
}
std::string green_debug_command(std::string command) { return debug_command(std::move(command)); }

EMSCRIPTEN_BINDINGS(terrarium) {
  emscripten::function("runSource", &run_source);
  emscripten::function("disassemble", &disassemble);
  emscripten::function("interruptFlagAddress", &interrupt_flag_address);
  emscripten::function("clearInterrupt", &clear_interrupt);
  emscripten::function("threadEventsHeaderAddress", &thread_events_header_address);
  emscripten::function("threadEventsRecordsAddress", &thread_events_records_address);
  emscripten::function("version", &version);
  emscripten::function("threaded", &threaded);
  emscripten::function("debugStart", &debug_start);
  emscripten::function("debugCommand", &debug_command);
  emscripten::function("setBreakpoints", &set_breakpoints);
  emscripten::function("debugEnd", &debug_end);
}
