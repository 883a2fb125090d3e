// Guards core/trace/thread_event_recorder: what the threads pane draws. Two CPU-bound
// threads take the GIL in turns, held intervals of different threads never overlap,
// every drop has a reason, and a full array counts what it could not keep. Tagged
// "[threads]" so it also runs under TSan (`terrarium_tests "[threads]"`).
#include <catch2/catch.hpp>

#include <map>
#include <optional>
#include <thread>
#include <vector>
#include "test_support.hpp"
#include "trace/thread_event_recorder.hpp"

using namespace terrarium;
using terrarium::test::CaptureSink;

namespace {

const char* kTwoSpinners =
    "import threading, sys\n"
    "sys.setswitchinterval(0.001)\n"
    "def spin():\n"
    "    n = 0\n"
    "    for _ in range(1500000): n += 1\n"
    "threads = [threading.Thread(target=spin) for _ in range(2)]\n"
    "for t in threads: t.start()\n"
    "for t in threads: t.join()\n"
    "print('done')\n";

struct Held {
  std::uint32_t thread, from, to;
};

// Pairs acquires with drops, as the pane does; a drop needs an acquire before it.
std::vector<Held> held_intervals(const std::vector<ThreadEventRecord>& records) {
  std::map<std::uint32_t, std::uint32_t> since;
  std::vector<Held> held;
  for (const ThreadEventRecord& r : records) {
    if (r.kind() == ThreadEventKind::GilAcquired) {
      REQUIRE(since.count(r.thread) == 0);
      since[r.thread] = r.time_us;
    } else if (r.kind() == ThreadEventKind::GilDropped) {
      REQUIRE(since.count(r.thread) == 1);
      held.push_back({r.thread, since[r.thread], r.time_us});
      since.erase(r.thread);
    }
  }
  return held;
}

}  // namespace

TEST_CASE("the recorder sees two CPU-bound threads take turns with the GIL", "[threads]") {
  CaptureSink sink;
  ThreadEventRecorder recorder;
  {
    Interpreter interp(sink);
    interp.set_thread_observer(&recorder);
    recorder.start_run();
    CHECK(interp.run_source(kTwoSpinners, "prog.py") == kExitOk);
  }
  CHECK(sink.out == "done\n");
  std::vector<ThreadEventRecord> records = recorder.records();
  CHECK(recorder.dropped() == 0);
  REQUIRE(records.size() == recorder.header()->count.load());

  // Times never go back.
  for (std::size_t i = 1; i < records.size(); ++i) CHECK(records[i - 1].time_us <= records[i].time_us);

  // Both worker threads took the GIL repeatedly.
  std::map<std::uint32_t, int> acquired;
  for (const ThreadEventRecord& r : records)
    if (r.kind() == ThreadEventKind::GilAcquired) ++acquired[r.thread];
  REQUIRE(acquired.size() == 3);  // the main thread and the two workers
  for (auto& [thread, n] : acquired)
    if (thread != 0) CHECK(n > 3);

  // One holder at a time: sorted by start, each interval ends before the next begins.
  std::vector<Held> held = held_intervals(records);
  for (std::size_t i = 1; i < held.size(); ++i) {
    INFO("thread " << held[i - 1].thread << " held until " << held[i - 1].to << ", thread " << held[i].thread
                   << " from " << held[i].from);
    CHECK(held[i - 1].to <= held[i].from);
  }

  // Every drop has one of the three reasons; the workers ended with an exit drop.
  int exits = 0, intervals = 0;
  for (const ThreadEventRecord& r : records) {
    if (r.kind() != ThreadEventKind::GilDropped) continue;
    REQUIRE((r.reason() == GilDropReason::Interval || r.reason() == GilDropReason::BlockingCall ||
             r.reason() == GilDropReason::Exit));
    exits += r.reason() == GilDropReason::Exit;
    intervals += r.reason() == GilDropReason::Interval;
  }
  CHECK(exits == 2);
  CHECK(intervals > 3);
}

TEST_CASE("the recorder numbers locks and starts afresh for each run", "[threads]") {
  CaptureSink sink;
  ThreadEventRecorder recorder;
  Interpreter interp(sink);
  interp.set_thread_observer(&recorder);
  recorder.start_run();
  CHECK(interp.run_source("import threading, time\n"
                          "t = threading.Thread(target=time.sleep, args=(0.05,))\n"
                          "t.start(); t.join()\n",
                          "a.py") == kExitOk);
  std::vector<ThreadEventRecord> first = recorder.records();
  std::uint32_t waits = 0, blocking_drops = 0;
  for (const ThreadEventRecord& r : first) {
    if (r.kind() == ThreadEventKind::LockWaitBegin) {
      CHECK(r.lock >= 1);
      ++waits;
    }
    if (r.kind() != ThreadEventKind::LockWaitBegin && r.kind() != ThreadEventKind::LockWaitEnd) CHECK(r.lock == 0);
    blocking_drops += r.kind() == ThreadEventKind::GilDropped && r.reason() == GilDropReason::BlockingCall && r.thread != 0;
  }
  CHECK(waits >= 1);           // join() waited on the thread's lock
  CHECK(blocking_drops >= 1);  // the sleeping thread let the GIL go

  std::uint32_t run = recorder.header()->run.load();
  recorder.start_run();
  CHECK(recorder.header()->run.load() == run + 1);
  CHECK(recorder.records().empty());
  CHECK(interp.run_source("x = 1\n", "b.py") == kExitOk);
  // The main thread entering and leaving the interpreter: requested, acquired, dropped.
  std::vector<ThreadEventRecord> second = recorder.records();
  REQUIRE(second.size() == 3);
  CHECK(second[2].kind() == ThreadEventKind::GilDropped);
  CHECK(second[2].reason() == GilDropReason::BlockingCall);
}

TEST_CASE("a full recorder counts the events it could not keep", "[threads]") {
  ThreadEventRecorder recorder(4);
  recorder.start_run();
  auto emit = [&](std::uint64_t thread) {
    for (int i = 0; i < 5; ++i)
      recorder.on_thread_event({ThreadEventKind::GilRequested, thread, 0, GilDropReason::Interval, nullptr});
  };
  std::thread a(emit, 1), b(emit, 2);
  a.join();
  b.join();
  CHECK(recorder.records().size() == 4);
  CHECK(recorder.dropped() == 6);
  CHECK(recorder.header()->capacity == 4);
  CHECK(recorder.header()->layout == kThreadEventLayout);
}
