// The Chrome trace event format: {"traceEvents": [{name, ph, ts, pid, tid, ...}, ...]}.
#include "trace/chrome_trace.hpp"

#include <cstdlib>
#include <nlohmann/json.hpp>
#include "bytecode/opcodes.hpp"
#include "trace/value_view.hpp"
#include "vm/frame.hpp"

namespace terrarium {

ChromeTraceWriter::ChromeTraceWriter(const std::string& path, bool instructions)
    : file_(std::fopen(path.c_str(), "w")), instructions_(instructions) {
  if (file_) std::fputs("{\"traceEvents\":[\n", file_);
}

ChromeTraceWriter::~ChromeTraceWriter() {
  if (!file_) return;
  while (!open_.empty()) {
    write(nlohmann::json{{"ph", "E"}, {"ts", clock_}, {"pid", 1}, {"tid", 1}}.dump());
    open_.pop_back();
  }
  std::fputs("\n],\"displayTimeUnit\":\"ns\",\"otherData\":{\"clock\":\"instructions\"}}\n", file_);
  std::fclose(file_);
}

void ChromeTraceWriter::write(const std::string& event_json) {
  if (!first_) std::fputs(",\n", file_);
  first_ = false;
  std::fputs(event_json.c_str(), file_);
}

bool ChromeTraceWriter::on_instruction(ThreadState*, const Frame& frame, int opcode, int stack_depth) {
  if (instructions_ && file_) {
    write(nlohmann::json{{"name", kOpcodeInfo[opcode].name}, {"cat", "instruction"}, {"ph", "i"}, {"s", "t"},
                         {"ts", clock_}, {"pid", 1}, {"tid", 1},
                         {"args", {{"offset", frame.lasti * 2}, {"stack", stack_depth}}}}
              .dump());
  }
  ++clock_;
  return true;
}

void ChromeTraceWriter::on_line(ThreadState*, const Frame& frame, int line) {
  if (!file_) return;
  write(nlohmann::json{{"name", "line " + std::to_string(line)}, {"cat", "line"}, {"ph", "i"}, {"s", "t"},
                       {"ts", clock_}, {"pid", 1}, {"tid", 1}, {"args", {{"file", frame.code->co_filename}}}}
            .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void ChromeTraceWriter::begin(const Frame& frame, const char* category) {
  if (!file_) return;
  open_.push_back(frame.serial);
  write(nlohmann::json{{"name", frame.code->co_qualname}, {"cat", category}, {"ph", "B"}, {"ts", clock_},
                       {"pid", 1}, {"tid", 1},
                       {"args", {{"file", frame.code->co_filename}, {"line", frame.code->co_firstlineno}}}}
            .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void ChromeTraceWriter::end(const Frame& frame) {
  // gen.throw() and close() enter a frame without RESUME: only close what was opened.
  if (!file_ || open_.empty() || open_.back() != frame.serial) return;
  open_.pop_back();
  write(nlohmann::json{{"ph", "E"}, {"ts", clock_}, {"pid", 1}, {"tid", 1}}.dump());
}

void ChromeTraceWriter::on_call(ThreadState*, const Frame& frame) { begin(frame, "call"); }
void ChromeTraceWriter::on_resume(ThreadState*, const Frame& frame) { begin(frame, "resume"); }
void ChromeTraceWriter::on_return(ThreadState*, const Frame& frame, const Object*) { end(frame); }
void ChromeTraceWriter::on_yield(ThreadState*, const Frame& frame, const Object*) { end(frame); }

void ChromeTraceWriter::on_exception(ThreadState*, const Frame& frame, const Object* exc) {
  if (!file_) return;
  write(nlohmann::json{{"name", "raise " + type_name(exc)}, {"cat", "exception"}, {"ph", "i"}, {"s", "t"},
                       {"ts", clock_}, {"pid", 1}, {"tid", 1}, {"args", {{"offset", frame.lasti * 2}}}}
            .dump());
}

void ChromeTraceWriter::on_gc_phase(const GCPhase& phase) {
  if (!file_) return;
  write(nlohmann::json{{"name", std::string("gc ") + phase.name}, {"cat", "gc"}, {"ph", "i"}, {"s", "g"},
                       {"ts", clock_}, {"pid", 1}, {"tid", 1},
                       {"args", {{"generation", phase.generation}, {"objects", phase.objects}}}}
            .dump());
}

ChromeTraceWriter* trace_from_environment(Interpreter& interp) {
  const char* path = std::getenv("TERRARIUM_TRACE");
  if (!path || !*path) return nullptr;
  const char* instructions = std::getenv("TERRARIUM_TRACE_INSTRUCTIONS");
  auto* writer = new ChromeTraceWriter(path, instructions && *instructions && *instructions != '0');
  if (!writer->ok()) {
    delete writer;
    return nullptr;
  }
  interp.set_trace_observer(writer);
  return writer;
}

}  // namespace terrarium
