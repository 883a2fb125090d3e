// Guards core/trace/thread_event_recorder: what the threads pane draws. Two CPU-bound
// threads take the GIL in turns, held intervals of different threads never overlap,
// every drop has a reason, and a full array counts what it could not keep. Tagged
// "[threads]" so it also runs under TSan (`terrarium_tests "[threads]"`).
#include <catch2/catch.hpp>

#include <map>
#include <optional>
#include <string>
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

// One event as read back: its record, and for ThreadNamed the name its continuation
// records carry (the page's decodeRecords does the same).
struct Decoded {
  ThreadEventRecord record;
  std::string name;
};

std::vector<Decoded> decode(const std::vector<ThreadEventRecord>& records) {
  std::vector<Decoded> events;
  for (std::size_t i = 0; i < records.size(); i += thread_event_span(records[i])) {
    REQUIRE(i + thread_event_span(records[i]) <= records.size());  // never half a name
    bool named = records[i].kind() == ThreadEventKind::ThreadNamed;
    events.push_back({records[i], named ? thread_name_of(records, i) : std::string()});
  }
  return events;
}

struct Held {
  std::uint32_t thread, from, to;
};

// Pairs acquires with drops, as the pane does; a drop needs an acquire before it.
std::vector<Held> held_intervals(const std::vector<ThreadEventRecord>& records) {
  std::map<std::uint32_t, std::uint32_t> since;
  std::vector<Held> held;
  for (const Decoded& event : decode(records)) {
    const ThreadEventRecord& r = event.record;
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
  std::vector<Decoded> events = decode(records);
  for (std::size_t i = 1; i < events.size(); ++i) CHECK(events[i - 1].record.time_us <= events[i].record.time_us);

  // Both worker threads took the GIL repeatedly.
  std::map<std::uint32_t, int> acquired;
  for (const Decoded& e : decode(records))
    if (e.record.kind() == ThreadEventKind::GilAcquired) ++acquired[e.record.thread];
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
  for (const Decoded& e : decode(records)) {
    const ThreadEventRecord& r = e.record;
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
  for (const Decoded& e : decode(first)) {
    const ThreadEventRecord& r = e.record;
    if (r.kind() == ThreadEventKind::LockWaitBegin) {
      CHECK(r.lock >= 1);
      ++waits;
    }
    bool uses_lock_word = r.kind() == ThreadEventKind::LockWaitBegin || r.kind() == ThreadEventKind::LockWaitEnd ||
                          r.kind() == ThreadEventKind::ThreadNamed;
    if (!uses_lock_word) CHECK(r.lock == 0);
    blocking_drops += r.kind() == ThreadEventKind::GilDropped && r.reason() == GilDropReason::BlockingCall && r.thread != 0;
  }
  CHECK(waits >= 1);           // join() waited on the thread's lock
  CHECK(blocking_drops >= 1);  // the sleeping thread let the GIL go

  std::uint32_t run = recorder.header()->run.load();
  recorder.start_run();
  CHECK(recorder.header()->run.load() == run + 1);
  CHECK(recorder.records().empty());
  CHECK(interp.run_source("x = 1\n", "b.py") == kExitOk);
  // The main thread entering and leaving the interpreter: requested, acquired, dropped;
  // in between, its name again (threading, imported in the first run, named it then).
  std::vector<Decoded> second = decode(recorder.records());
  REQUIRE(second.size() == 4);
  CHECK(second[2].record.kind() == ThreadEventKind::ThreadNamed);
  CHECK(second[2].record.thread == 0);
  CHECK(second[2].name == "MainThread");
  CHECK(second[3].record.kind() == ThreadEventKind::GilDropped);
  CHECK(second[3].record.reason() == GilDropReason::BlockingCall);
}

TEST_CASE("a full recorder counts the events it could not keep", "[threads]") {
  ThreadEventRecorder recorder(4);
  recorder.start_run();
  auto emit = [&](std::uint64_t thread) {
    for (int i = 0; i < 5; ++i)
      recorder.on_thread_event({ThreadEventKind::GilRequested, thread, 0, GilDropReason::Interval, nullptr, {}});
  };
  std::thread a(emit, 1), b(emit, 2);
  a.join();
  b.join();
  CHECK(recorder.records().size() == 4);
  CHECK(recorder.dropped() == 6);
  CHECK(recorder.header()->capacity == 4);
  CHECK(recorder.header()->layout == kThreadEventLayout);
}

TEST_CASE("the recorder keeps each thread's Python name and its renames", "[threads]") {
  CaptureSink sink;
  ThreadEventRecorder recorder;
  {
    Interpreter interp(sink);
    interp.set_thread_observer(&recorder);
    recorder.start_run();
    CHECK(interp.run_source("import threading\n"
                            "go = threading.Event()\n"
                            "def work(): go.wait()\n"
                            "p = threading.Thread(name='producer', target=work)\n"
                            "w = threading.Thread(target=work)\n"
                            "p.start(); w.start()\n"
                            "w.name = 'renamed'\n"
                            "go.set(); p.join(); w.join()\n"
                            "w.name = 'after the end'\n"  // ended: its ident may be another's now
                            "print(p.name, w.name)\n",
                            "names.py") == kExitOk);
  }
  CHECK(sink.out == "producer after the end\n");
  std::vector<std::pair<std::uint32_t, std::string>> names;
  for (const Decoded& e : decode(recorder.records()))
    if (e.record.kind() == ThreadEventKind::ThreadNamed) names.emplace_back(e.record.thread, e.name);
  // Serials in start order: the producer is thread 1, the default-named worker thread 2.
  // start() returns once the thread told its name, so the order is fixed.
  std::vector<std::pair<std::uint32_t, std::string>> expected{
      {0, "MainThread"}, {1, "producer"}, {2, "Thread-1 (work)"}, {2, "renamed"}};
  CHECK(names == expected);
}

TEST_CASE("a long thread name is cut to 64 bytes at a character boundary", "[threads]") {
  ThreadEventRecorder recorder;
  recorder.start_run();
  std::string long_name;
  for (int i = 0; i < 12; ++i) long_name += "生产者";  // 108 bytes, 3 a character
  recorder.on_thread_event({ThreadEventKind::ThreadNamed, 5, 0, GilDropReason::Interval, nullptr, long_name});
  std::vector<ThreadEventRecord> records = recorder.records();
  REQUIRE(records.size() == 1 + 4);  // 63 bytes: 21 characters, in four continuation records
  CHECK(records[0].thread == 5);
  CHECK(records[0].lock == 63);
  CHECK(thread_name_of(records, 0) == long_name.substr(0, 63));
  // The padding after the name is zeros.
  const auto* bytes = reinterpret_cast<const unsigned char*>(records.data() + 1);
  CHECK(bytes[63] == 0);
}

TEST_CASE("a thread name that does not fit whole is dropped as one event", "[threads]") {
  ThreadEventRecorder recorder(3);
  recorder.start_run();
  recorder.on_thread_event({ThreadEventKind::GilRequested, 1, 0, GilDropReason::Interval, nullptr, {}});
  // 20 bytes need two continuation records: three in all, two left.
  recorder.on_thread_event({ThreadEventKind::ThreadNamed, 1, 0, GilDropReason::Interval, nullptr, "twenty-byte-name-xyz"});
  CHECK(recorder.records().size() == 1);
  CHECK(recorder.dropped() == 1);
  recorder.on_thread_event({ThreadEventKind::ThreadNamed, 1, 0, GilDropReason::Interval, nullptr, "fits"});
  std::vector<ThreadEventRecord> records = recorder.records();
  REQUIRE(records.size() == 3);
  CHECK(thread_name_of(records, 1) == "fits");
}
