// The thread and GIL events of one run, stamped and kept in a fixed array that a
// reader may scan while the run goes on: the browser's threads pane (Beazley's GIL
// lanes) reads it straight from wasm memory in the threaded build, and gets a copy
// at the end of the run otherwise. It records; it does not pair events into spans
// (web/src/panes/threads/lanes.ts does that).
//
// THE LAYOUT (web/src/vm/thread-events.ts reads it; change both together, and
// kThreadEventLayout): little-endian uint32 words.
//   header  [0] run      bumped by start_run(), after count and dropped are zeroed
//           [1] count    records published so far (stored last, with release order)
//           [2] dropped  events that found the array full
//           [3] capacity records the array holds
//           [4] layout   kThreadEventLayout
//   record  [0] time     microseconds since start_run() (steady clock, never decreasing)
//           [1] kind | reason << 8   kind: 0 thread start, 1 thread end, 2 GIL requested,
//                    3 GIL acquired, 4 GIL dropped, 5 lock wait begins, 6 lock wait ends,
//                    7 thread named;
//                    reason (GIL dropped only): 0 interval, 1 blocking call, 2 exit
//           [2] thread   the thread's serial (0: the main thread; others in start order)
//           [3] lock     LockWait* only: 1, 2, ... for each lock in order of first wait;
//                        ThreadNamed (kind 7): L, the name's length in UTF-8 bytes; else 0
//   a ThreadNamed record (the thread's Python name, at its start or a rename) is followed
//   at once by ceil(L/16) continuation records holding the name's bytes, 16 a record,
//   zero padded; they have no kind of their own. L is at most kMaxThreadNameBytes (longer
//   names are cut at a character boundary). The record and its continuations are
//   published by one count store, so a reader never sees half a name; when they do not
//   all fit, the event counts as dropped.
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>
#include "terrarium/interpreter.hpp"

namespace terrarium {

// Bump when the words above change meaning; the page refuses a layout it does not know.
constexpr std::uint32_t kThreadEventLayout = 2;
// The longest thread name recorded, in UTF-8 bytes: a lane label needs no more.
constexpr std::uint32_t kMaxThreadNameBytes = 64;

// The numbering above is ThreadEventKind's and GilDropReason's order: keep them in step.
static_assert(static_cast<int>(ThreadEventKind::ThreadStart) == 0 && static_cast<int>(ThreadEventKind::ThreadEnd) == 1 &&
              static_cast<int>(ThreadEventKind::GilRequested) == 2 && static_cast<int>(ThreadEventKind::GilAcquired) == 3 &&
              static_cast<int>(ThreadEventKind::GilDropped) == 4 && static_cast<int>(ThreadEventKind::LockWaitBegin) == 5 &&
              static_cast<int>(ThreadEventKind::LockWaitEnd) == 6 &&
              static_cast<int>(ThreadEventKind::ThreadNamed) == 7);
static_assert(static_cast<int>(GilDropReason::Interval) == 0 && static_cast<int>(GilDropReason::BlockingCall) == 1 &&
              static_cast<int>(GilDropReason::Exit) == 2);

struct ThreadEventRecord {
  std::uint32_t time_us;
  std::uint32_t kind_and_reason;
  std::uint32_t thread;
  std::uint32_t lock;

  ThreadEventKind kind() const { return static_cast<ThreadEventKind>(kind_and_reason & 0xff); }
  GilDropReason reason() const { return static_cast<GilDropReason>(kind_and_reason >> 8); }
};
static_assert(sizeof(ThreadEventRecord) == 16, "the page reads records as four uint32 words");

struct ThreadEventHeader {
  std::atomic<std::uint32_t> run{0};
  std::atomic<std::uint32_t> count{0};
  std::atomic<std::uint32_t> dropped{0};
  std::uint32_t capacity = 0;
  std::uint32_t layout = kThreadEventLayout;
};
static_assert(sizeof(ThreadEventHeader) == 20, "the page reads the header as five uint32 words");

class ThreadEventRecorder : public ThreadObserver {
 public:
  // The array is allocated here, once: its address never changes, so a reader that
  // was given it (the page, holding the wasm memory of that moment) can keep it.
  static constexpr std::uint32_t kDefaultCapacity = 200'000;
  explicit ThreadEventRecorder(std::uint32_t capacity = kDefaultCapacity);

  // Forgets the previous run and restarts the clock. Call it before the run starts.
  void start_run();
  void on_thread_event(const ThreadEvent& event) override;

  // For readers in this process: a consistent copy of what is published, ThreadNamed
  // continuation records included (decode them with thread_name_of below).
  std::vector<ThreadEventRecord> records() const;
  std::uint32_t dropped() const { return header_.dropped.load(std::memory_order_acquire); }

  // For readers outside C++ (the page): see THE LAYOUT above.
  const ThreadEventHeader* header() const { return &header_; }
  const ThreadEventRecord* record_array() const { return records_.get(); }

 private:
  std::uint32_t lock_number(const void* lock);
  std::uint32_t stamp();

  ThreadEventHeader header_;
  std::unique_ptr<ThreadEventRecord[]> records_;
  // Writers come from several threads at once (events arrive on the thread they
  // happen on); the mutex orders them, so record times never go back.
  mutable std::mutex mutex_;
  std::chrono::steady_clock::time_point start_;
  std::uint32_t last_time_us_ = 0;
  std::map<const void*, std::uint32_t> lock_numbers_;
};

// How many records one event takes: a ThreadNamed record and its continuations, or one.
inline std::size_t thread_event_span(const ThreadEventRecord& record) {
  return record.kind() == ThreadEventKind::ThreadNamed ? 1 + (record.lock + 15) / 16 : 1;
}
// The name carried by the ThreadNamed record at `records[i]`.
std::string thread_name_of(const std::vector<ThreadEventRecord>& records, std::size_t i);

}  // namespace terrarium
