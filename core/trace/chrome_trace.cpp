// The Chrome trace event format: {"traceEvents": [{name, ph, ts, pid, tid, ...}, ...]}.
#include "trace/chrome_trace.hpp"

#include <cstdlib>
#include "bytecode/opcodes.hpp"
#include "trace/value_view.hpp"
#include "vm/frame.hpp"
#include "vm/gc_state.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {
using nlohmann::json;

constexpr int kPythonProcess = 1;  // one track per thread: calls, lines, exceptions
constexpr int kGilProcess = 2;     // one track per thread: GIL held, requested, lock waits

// Track numbers start at 1: the main thread (serial 0) is track 1.
std::uint64_t track_of(const ThreadState* ts) { return ts ? ts->serial + 1 : 1; }

std::string dump(const json& event) { return event.dump(-1, ' ', false, json::error_handler_t::replace); }

const char* drop_reason(GilDropReason reason) {
  switch (reason) {
    case GilDropReason::Interval: return "interval";
    case GilDropReason::BlockingCall: return "blocking call";
    case GilDropReason::Exit: return "exit";
  }
  return "?";
}
}  // namespace

ChromeTraceWriter::ChromeTraceWriter(const std::string& path, bool instructions)
    : file_(std::fopen(path.c_str(), "w")), instructions_(instructions) {
  if (!file_) return;
  std::fputs("{\"traceEvents\":[\n", file_);
  write({{"name", "process_name"}, {"ph", "M"}, {"args", {{"name", "Python"}}}}, kPythonProcess, 1);
  write({{"name", "process_name"}, {"ph", "M"}, {"args", {{"name", "GIL"}}}}, kGilProcess, 1);
  name_track(1, "main thread");
}

void ChromeTraceWriter::name_track(std::uint64_t track, const std::string& name) {
  for (int pid : {kPythonProcess, kGilProcess})
    write({{"name", "thread_name"}, {"ph", "M"}, {"args", {{"name", name}}}}, pid, track);
}

ChromeTraceWriter::~ChromeTraceWriter() {
  if (!file_) return;
  for (auto& [track, open] : open_) {
    for (; !open.empty(); open.pop_back()) write({{"ph", "E"}}, kPythonProcess, track);
  }
  std::map<std::uint64_t, bool> holds;
  {
    std::lock_guard<std::mutex> guard(write_mutex_);
    holds.swap(holds_gil_);
  }
  for (const auto& [track, held] : holds)
    if (held) write({{"ph", "E"}, {"args", {{"reason", "end of trace"}}}}, kGilProcess, track);
  std::fputs("\n],\"displayTimeUnit\":\"ns\",\"otherData\":{\"clock\":\"instructions\"}}\n", file_);
  std::fclose(file_);
}

void ChromeTraceWriter::write(json event, int pid, std::uint64_t tid) {
  if (!file_) return;
  std::lock_guard<std::mutex> guard(write_mutex_);
  // Read under the lock, so events from different threads never go back in time.
  event["ts"] = clock_.load(std::memory_order_relaxed);
  event["pid"] = pid;
  event["tid"] = tid;
  if (!first_) std::fputs(",\n", file_);
  first_ = false;
  std::fputs(dump(event).c_str(), file_);
}

bool ChromeTraceWriter::on_instruction(ThreadState* ts, const Frame& frame, int opcode, int stack_depth) {
  if (instructions_) {
    write({{"name", kOpcodeInfo[opcode].name}, {"cat", "instruction"}, {"ph", "i"}, {"s", "t"},
           {"args", {{"offset", frame.lasti * 2}, {"stack", stack_depth}}}},
          kPythonProcess, track_of(ts));
  }
  clock_.fetch_add(1, std::memory_order_relaxed);
  return true;
}

void ChromeTraceWriter::on_line(ThreadState* ts, const Frame& frame, int line) {
  write({{"name", "line " + std::to_string(line)}, {"cat", "line"}, {"ph", "i"}, {"s", "t"},
         {"args", {{"file", frame.code->co_filename}}}},
        kPythonProcess, track_of(ts));
}

void ChromeTraceWriter::begin(ThreadState* ts, const Frame& frame, const char* category) {
  if (!file_) return;
  open_[track_of(ts)].push_back(frame.serial);
  write({{"name", frame.code->co_qualname}, {"cat", category}, {"ph", "B"},
         {"args", {{"file", frame.code->co_filename}, {"line", frame.code->co_firstlineno}}}},
        kPythonProcess, track_of(ts));
}

void ChromeTraceWriter::end(ThreadState* ts, const Frame& frame) {
  // gen.throw() and close() enter a frame without RESUME: only close what was opened.
  std::vector<std::uint32_t>& open = open_[track_of(ts)];
  if (!file_ || open.empty() || open.back() != frame.serial) return;
  open.pop_back();
  write({{"ph", "E"}}, kPythonProcess, track_of(ts));
}

void ChromeTraceWriter::on_call(ThreadState* ts, const Frame& frame) { begin(ts, frame, "call"); }
void ChromeTraceWriter::on_resume(ThreadState* ts, const Frame& frame) { begin(ts, frame, "resume"); }
void ChromeTraceWriter::on_return(ThreadState* ts, const Frame& frame, const Object*) { end(ts, frame); }
void ChromeTraceWriter::on_yield(ThreadState* ts, const Frame& frame, const Object*) { end(ts, frame); }

void ChromeTraceWriter::on_exception(ThreadState* ts, const Frame& frame, const Object* exc) {
  write({{"name", "raise " + type_name(exc)}, {"cat", "exception"}, {"ph", "i"}, {"s", "t"},
         {"args", {{"offset", frame.lasti * 2}}}},
        kPythonProcess, track_of(ts));
}

void ChromeTraceWriter::on_gc_phase(const GCPhase& phase) {
  write({{"name", std::string("gc ") + phase.name}, {"cat", "gc"}, {"ph", "i"}, {"s", "g"},
         {"args", {{"generation", phase.generation}, {"objects", phase.objects}}}},
        kPythonProcess, track_of(current_thread_state()));
}

bool ChromeTraceWriter::note_gil(std::uint64_t track, bool held) {
  std::lock_guard<std::mutex> guard(write_mutex_);
  bool was = holds_gil_[track];
  holds_gil_[track] = held;
  return was;
}

void ChromeTraceWriter::on_thread_event(const ThreadEvent& event) {
  std::uint64_t track = event.thread + 1;
  switch (event.kind) {
    case ThreadEventKind::ThreadStart:
      // The fallback for a thread threading never names (started by _thread directly).
      name_track(track, event.thread == 0 ? "main thread" : "thread " + std::to_string(event.thread));
      write({{"name", "thread start"}, {"cat", "thread"}, {"ph", "i"}, {"s", "t"}, {"args", {{"ident", event.ident}}}},
            kGilProcess, track);
      break;
    // A later thread_name for the same track overrides the earlier one in the viewers.
    case ThreadEventKind::ThreadNamed:
      name_track(track, std::string(event.name));
      break;
    case ThreadEventKind::ThreadEnd:
      write({{"name", "thread end"}, {"cat", "thread"}, {"ph", "i"}, {"s", "t"}}, kGilProcess, track);
      break;
    case ThreadEventKind::GilRequested:
      write({{"name", "GIL requested"}, {"cat", "gil"}, {"ph", "i"}, {"s", "t"}}, kGilProcess, track);
      break;
    case ThreadEventKind::GilAcquired:
      note_gil(track, true);
      write({{"name", "holds the GIL"}, {"cat", "gil"}, {"ph", "B"}}, kGilProcess, track);
      break;
    case ThreadEventKind::GilDropped:
      // The span opened before the writer was attached has no B: leave it out.
      if (!note_gil(track, false)) break;
      write({{"ph", "E"}, {"args", {{"reason", drop_reason(event.reason)}}}}, kGilProcess, track);
      break;
    // Async events: a lock wait overlaps the GIL spans rather than nesting in them.
    case ThreadEventKind::LockWaitBegin:
    case ThreadEventKind::LockWaitEnd:
      write({{"name", "lock wait"}, {"cat", "lock"},
             {"ph", event.kind == ThreadEventKind::LockWaitBegin ? "b" : "e"},
             {"id", std::to_string(event.thread) + ":" +
                        std::to_string(reinterpret_cast<std::uintptr_t>(event.lock))}},
            kGilProcess, track);
      break;
  }
}

ChromeTraceWriter* trace_writer_from_environment() {
  const char* path = std::getenv("TERRARIUM_TRACE");
  if (!path || !*path) return nullptr;
  const char* instructions = std::getenv("TERRARIUM_TRACE_INSTRUCTIONS");
  auto* writer = new ChromeTraceWriter(path, instructions && *instructions && *instructions != '0');
  if (!writer->ok()) {
    delete writer;
    return nullptr;
  }
  return writer;
}

void ChromeTraceWriter::attach_to(Interpreter& interp) {
  interp.set_trace_observer(this);
  interp.set_thread_observer(this);
}

}  // namespace terrarium
