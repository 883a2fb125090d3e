// TERRARIUM_TRACE=out.json: the trace events of a run written as a Chrome trace (open it
// in chrome://tracing or ui.perfetto.dev). Calls and returns are B/E duration events per
// function, lines (and, with TERRARIUM_TRACE_INSTRUCTIONS=1, instructions) instant events,
// exceptions and GC phases instant events too. Time is the instruction count, shown as
// microseconds: the file is the same on every run of the same program.
#pragma once
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>
#include "trace/observer.hpp"

namespace terrarium {

class ChromeTraceWriter : public TraceObserver {
 public:
  // Opens `path`; ok() is false if it cannot be written.
  ChromeTraceWriter(const std::string& path, bool instructions);
  ~ChromeTraceWriter() override;  // closes open calls and the JSON
  ChromeTraceWriter(const ChromeTraceWriter&) = delete;
  ChromeTraceWriter& operator=(const ChromeTraceWriter&) = delete;
  bool ok() const { return file_ != nullptr; }

  bool on_instruction(ThreadState* ts, const Frame& frame, int opcode, int stack_depth) override;
  void on_line(ThreadState* ts, const Frame& frame, int line) override;
  void on_call(ThreadState* ts, const Frame& frame) override;
  void on_resume(ThreadState* ts, const Frame& frame) override;
  void on_return(ThreadState* ts, const Frame& frame, const Object* value) override;
  void on_yield(ThreadState* ts, const Frame& frame, const Object* value) override;
  void on_exception(ThreadState* ts, const Frame& frame, const Object* exc) override;
  void on_gc_phase(const GCPhase& phase) override;

 private:
  void begin(const Frame& frame, const char* category);
  void end(const Frame& frame);
  void write(const std::string& event_json);

  std::FILE* file_ = nullptr;
  bool instructions_;
  bool first_ = true;
  std::uint64_t clock_ = 0;  // instructions so far
  std::vector<std::uint32_t> open_;  // serials of frames with a B event and no E yet
};

// Attaches a writer to `interp` when TERRARIUM_TRACE names a file (null otherwise).
ChromeTraceWriter* trace_from_environment(Interpreter& interp);

}  // namespace terrarium
