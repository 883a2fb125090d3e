// Embind bindings: the browser's view of the interpreter. One Interpreter per module
// instance (the VM worker loads one module). Output is handed to the page's
// Module.onOutput(stream, text) as it is printed; C++ exceptions never cross into JS.
// A debug session (debugStart ... debugEnd) is core/trace's RunController: its calls
// take and return JSON strings in the shapes of web/src/vm/debug-protocol.ts.
#include <emscripten/bind.h>
#include <emscripten/em_asm.h>

#include <memory>
#include <string>
#include <nlohmann/json.hpp>
#include "terrarium/interpreter.hpp"
#include "trace/run_controller.hpp"

namespace {

class JsOutput : public terrarium::OutputSink {
 public:
  void write(int stream, std::string_view text) override {
    EM_ASM({ if (Module["onOutput"]) Module["onOutput"]($0, UTF8ToString($1, $2)); }, stream, text.data(),
           text.size());
  }
};

struct Runtime {
  JsOutput out;
  terrarium::Interpreter interp{out};
};

Runtime& runtime() {
  static Runtime r;  // the module instance's one interpreter
  return r;
}

int run_source(std::string source, std::string filename) {
  try {
    return runtime().interp.run_source(source, filename);
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
std::string debug_start(std::string source, std::string filename, std::string breakpoints, double step_budget) {
  try {
    runtime().interp.interrupt_flag().store(0);
    auto controller = std::make_unique<terrarium::RunController>(
        source, filename, terrarium::breakpoints_from_json(parse_or_null(breakpoints)),
        step_budget >= 1 ? static_cast<std::uint64_t>(step_budget) : 1, &runtime().interp.interrupt_flag());
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
void clear_interrupt() { runtime().interp.interrupt_flag().store(0); }
std::string version() { return terrarium::version(); }
bool threaded() {
#ifdef __EMSCRIPTEN_PTHREADS__
  return true;
#else
  return false;
#endif
}

}  // namespace

EMSCRIPTEN_BINDINGS(terrarium) {
  emscripten::function("runSource", &run_source);
  emscripten::function("disassemble", &disassemble);
  emscripten::function("interruptFlagAddress", &interrupt_flag_address);
  emscripten::function("clearInterrupt", &clear_interrupt);
  emscripten::function("version", &version);
  emscripten::function("threaded", &threaded);
  emscripten::function("debugStart", &debug_start);
  emscripten::function("debugCommand", &debug_command);
  emscripten::function("setBreakpoints", &set_breakpoints);
  emscripten::function("debugEnd", &debug_end);
}
