// Guards the GIL and the _thread module on real OS threads: exact totals under a lock,
// GIL hand-offs seen through the ThreadObserver, sleep letting others run, lock
// timeouts, and Stop ending threads that deadlocked. Run under TSan with
// `./build/native-tsan/terrarium_tests "[threads]"`.
#include <catch2/catch.hpp>

#include <chrono>
#include <map>
#include <mutex>
#include <thread>
#include <vector>
#include "test_support.hpp"

using namespace terrarium;
using terrarium::test::CaptureSink;
using terrarium::test::run_program;

namespace {

// Records events from every thread (the observer is called on each).
class RecordingObserver : public ThreadObserver {
 public:
  void on_thread_event(const ThreadEvent& e) override {
    std::lock_guard<std::mutex> guard(mutex_);
    events_.push_back(e);
  }
  std::vector<ThreadEvent> events() {
    std::lock_guard<std::mutex> guard(mutex_);
    return events_;
  }

 private:
  std::mutex mutex_;
  std::vector<ThreadEvent> events_;
};

// Joins the threads a program started through their _set_sentinel locks.
const char* kJoinHelpers =
    "import _thread\n"
    "def spawn(f, *args):\n"
    "    ready = _thread.allocate_lock(); ready.acquire()\n"
    "    box = []\n"
    "    def boot():\n"
    "        s = _thread._set_sentinel(); s.acquire(); box.append(s); ready.release()\n"
    "        f(*args)\n"
    "    _thread.start_new_thread(boot, ())\n"
    "    ready.acquire()\n"
    "    return box[0]\n"
    "def join(sentinel):\n"
    "    sentinel.acquire(); sentinel.release()\n";

}  // namespace

TEST_CASE("threads incrementing a shared counter under a lock give the exact total", "[threads]") {
  auto r = run_program(std::string(kJoinHelpers) +
                       "lock = _thread.allocate_lock()\n"
                       "count = 0\n"
                       "def work():\n"
                       "    global count\n"
                       "    for _ in range(5000):\n"
                       "        with lock:\n"
                       "            count += 1\n"
                       "threads = [spawn(work) for _ in range(4)]\n"
                       "for t in threads: join(t)\n"
                       "print(count, _thread._count())\n");
  CHECK(r.err.empty());
  CHECK(r.out == "20000 0\n");
}

TEST_CASE("CPU-bound threads take turns with the GIL", "[threads]") {
  CaptureSink sink;
  RecordingObserver observer;
  {
    Interpreter interp(sink);
    interp.set_thread_observer(&observer);
    int status = interp.run_source(std::string(kJoinHelpers) +
                                       "import sys\n"
                                       "sys.setswitchinterval(0.001)\n"
                                       "def spin():\n"
                                       "    n = 0\n"
                                       "    for _ in range(2000000): n += 1\n"
                                       "threads = [spawn(spin) for _ in range(2)]\n"
                                       "for t in threads: join(t)\n"
                                       "print('done')\n",
                                   "prog.py");
    CHECK(status == kExitOk);
  }
  CHECK(sink.out == "done\n");
  // Both threads got the GIL back several times, and dropped it for the interval.
  std::map<std::uint64_t, int> acquired, interval_drops;
  for (const ThreadEvent& e : observer.events()) {
    if (e.thread == 0) continue;
    if (e.kind == ThreadEventKind::GilAcquired) ++acquired[e.thread];
    if (e.kind == ThreadEventKind::GilDropped && e.reason == GilDropReason::Interval) ++interval_drops[e.thread];
  }
  REQUIRE(acquired.size() == 2);
  for (auto& [thread, n] : acquired) CHECK(n > 3);
  int drops = 0;
  for (auto& [thread, n] : interval_drops) drops += n;
  CHECK(drops > 3);
}

TEST_CASE("the observer sees each thread start and end, and its lock waits", "[threads]") {
  CaptureSink sink;
  RecordingObserver observer;
  {
    Interpreter interp(sink);
    interp.set_thread_observer(&observer);
    CHECK(interp.run_source(std::string(kJoinHelpers) + "import time\njoin(spawn(time.sleep, 0.05))\n", "p.py") == 0);
  }
  int starts = 0, ends = 0, waits = 0, exits = 0;
  for (const ThreadEvent& e : observer.events()) {
    starts += e.kind == ThreadEventKind::ThreadStart;
    ends += e.kind == ThreadEventKind::ThreadEnd;
    waits += e.kind == ThreadEventKind::LockWaitBegin && e.thread == 0;
    exits += e.kind == ThreadEventKind::GilDropped && e.reason == GilDropReason::Exit;
  }
  CHECK(starts == 1);
  CHECK(ends == 1);
  CHECK(exits == 1);
  CHECK(waits >= 1);  // the join waited for the sleeping thread
}

TEST_CASE("a sleeping thread lets another run", "[threads]") {
  auto r = run_program(std::string(kJoinHelpers) +
                       "import time\n"
                       "log = []\n"
                       "def sleeper():\n"
                       "    time.sleep(0.2); log.append('woke')\n"
                       "def worker():\n"
                       "    log.append('worked')\n"
                       "a = spawn(sleeper)\n"
                       "b = spawn(worker)\n"
                       "join(a); join(b)\n"
                       "print(log)\n");
  CHECK(r.out == "['worked', 'woke']\n");
}

TEST_CASE("a lock acquire with a timeout gives up after it", "[threads]") {
  auto r = run_program(
      "import _thread, time\n"
      "lock = _thread.allocate_lock(); lock.acquire()\n"
      "t0 = time.monotonic()\n"
      "got = lock.acquire(timeout=0.1)\n"
      "waited = time.monotonic() - t0\n"
      "print(got, 0.09 < waited < 1.0, lock.acquire(False))\n");
  CHECK(r.out == "False True False\n");
}

TEST_CASE("Stop ends a program whose threads deadlock on two locks", "[threads]") {
  CaptureSink sink;
  auto interp = std::make_unique<Interpreter>(sink);
  std::atomic<bool> stopped{false};
  std::chrono::steady_clock::time_point stop_time;
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    stop_time = std::chrono::steady_clock::now();
    stopped = true;
    interp->interrupt_flag().store(1);
  });
  int status = interp->run_source(std::string(kJoinHelpers) +
                                      "import time\n"
                                      "a = _thread.allocate_lock(); b = _thread.allocate_lock()\n"
                                      "def one():\n"
                                      "    with a:\n"
                                      "        time.sleep(0.05)\n"
                                      "        with b: pass\n"
                                      "def two():\n"
                                      "    with b:\n"
                                      "        time.sleep(0.05)\n"
                                      "        with a: pass\n"
                                      "t1 = spawn(one); t2 = spawn(two)\n"
                                      "join(t1); join(t2)\n",
                                  "prog.py");
  auto returned = std::chrono::steady_clock::now();
  stopper.join();
  CHECK(stopped);
  CHECK(status == kExitInterrupted);
  CHECK(sink.err.find("KeyboardInterrupt") != std::string::npos);
  // The target is 100 ms; sanitizer builds on a busy machine get slack.
  CHECK(returned - stop_time < std::chrono::milliseconds(500));
  // The deadlocked threads end too (quietly, by SystemExit).
  CHECK(interp->run_source("import _thread, time\n"
                           "for _ in range(100):\n"
                           "    if _thread._count() == 0: break\n"
                           "    time.sleep(0.01)\n"
                           "print('threads left:', _thread._count())\n",
                           "check.py") == kExitOk);
  CHECK(sink.out == "threads left: 0\n");
  interp.reset();
}
