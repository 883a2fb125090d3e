// TERRARIUM_TRACE=out.json: the trace events of a run written as a Chrome trace (open it
// in chrome://tracing or ui.perfetto.dev). Calls and returns are B/E duration events per
// function, lines (and, with TERRARIUM_TRACE_INSTRUCTIONS=1, instructions) instant events,
// exceptions and GC phases instant events too. Time is the instruction count (of every
// thread), shown as microseconds: a single-threaded program gives the same file on every
// run. Each Python thread has its lane ("Python" process, one track per thread), and
// the "GIL" process shows, per thread, when it held the GIL, when it asked for it, and
// its lock waits — Beazley's picture of the GIL, from ThreadObserver events.
#pragma once
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <vector>
#include <nlohmann/json.hpp>
#include "trace/observer.hpp"

namespace terrarium {

class ChromeTraceWriter : public TraceObserver, public ThreadObserver {
 public:
  // Opens `path`; ok() is false if it cannot be written.
  ChromeTraceWriter(const std::string& path, bool instructions);
  ~ChromeTraceWriter() override;  // closes open calls and the JSON
  ChromeTraceWriter(const ChromeTraceWriter&) = delete;
  ChromeTraceWriter& operator=(const ChromeTraceWriter&) = delete;
  bool ok() const { return file_ != nullptr; }
  // Watches `interp`: its main thread and, through follows_threads(), every thread its
  // program starts, plus the GIL events of all of them.
  void attach_to(Interpreter& interp);

  bool on_instruction(ThreadState* ts, const Frame& frame, int opcode, int stack_depth) override;
  void on_line(ThreadState* ts, const Frame& frame, int line) override;
  void on_call(ThreadState* ts, const Frame& frame) override;
  void on_resume(ThreadState* ts, const Frame& frame) override;
  void on_return(ThreadState* ts, const Frame& frame, const Object* value) override;
  void on_yield(ThreadState* ts, const Frame& frame, const Object* value) override;
  void on_exception(ThreadState* ts, const Frame& frame, const Object* exc) override;
  void on_gc_phase(const GCPhase& phase) override;
  bool follows_threads() const override { return true; }
  void on_thread_event(const ThreadEvent& event) override;

 private:
  void begin(ThreadState* ts, const Frame& frame, const char* category);
  void end(ThreadState* ts, const Frame& frame);
  // Records whether `track` holds the GIL; returns what it was.
  bool note_gil(std::uint64_t track, bool held);
  // thread_name metadata for both processes: the GIL track and the Python track.
  void name_track(std::uint64_t track, const std::string& name);
  // Stamps the event with the clock, the process and the thread's track, and writes it.
  void write(nlohmann::json event, int pid, std::uint64_t tid);

  std::FILE* file_ = nullptr;
  bool instructions_;
  bool first_ = true;
  std::mutex write_mutex_;  // thread events come from threads not holding the GIL
  std::atomic<std::uint64_t> clock_{0};  // instructions so far, all threads
  // Per track: serials of frames with a B event and no E yet.
  std::map<std::uint64_t, std::vector<std::uint32_t>> open_;
  std::map<std::uint64_t, bool> holds_gil_;  // per track, under write_mutex_ (closed at the end)
};

// A writer for the file TERRARIUM_TRACE names (null when it names none or cannot be
// written). Make it before the interpreter it watches and let it go after: threads the
// program started run until the interpreter is destroyed, and are traced till then.
ChromeTraceWriter* trace_writer_from_environment();

}  // namespace terrarium
