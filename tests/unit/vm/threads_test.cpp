// Guards the GIL and the _thread module on both thread backends — real OS threads and
// green threads (fibers of one OS thread, where the build has fibers): exact totals under
// a lock, GIL hand-offs seen through the ThreadObserver, sleep letting others run, lock
// timeouts, and Stop ending threads that deadlocked. Run under TSan with
// `./build/native-tsan/terrarium_tests "[threads]"` (green threads are not built there).
#include <catch2/catch.hpp>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <string>
#include <utility>
#include <map>
#include <mutex>
#include <thread>
#include <vector>
#include "test_support.hpp"

using namespace terrarium;
using terrarium::test::CaptureSink;

namespace {

// Records events from every thread (the observer is called on each).
class RecordingObserver : public ThreadObserver {
 public:
  void on_thread_event(const ThreadEvent& e) override {
    std::lock_guard<std::mutex> guard(mutex_);
    events_.push_back(e);
    // The name is valid only during the call: keep a copy (a deque never moves it).
    events_.back().name = names_.emplace_back(e.name);
  }
  std::vector<ThreadEvent> events() {
    std::lock_guard<std::mutex> guard(mutex_);
    return events_;
  }

 private:
  std::mutex mutex_;
  std::vector<ThreadEvent> events_;
  std::deque<std::string> names_;
};

// Captures output like CaptureSink, and lets another thread wait until stderr contains
// a text: a test stops a program once it has said something, not after a guessed delay
// (a sanitizer build on a busy machine may take longer than any guess to get there).
class WatchedSink : public OutputSink {
 public:
  void write(int stream, std::string_view text) override {
    std::lock_guard<std::mutex> guard(mutex_);
    (stream == 2 ? err_ : out_).append(text);
    changed_.notify_all();
  }
  bool wait_for_err(const std::string& text, std::chrono::seconds limit) {
    std::unique_lock<std::mutex> lock(mutex_);
    return changed_.wait_for(lock, limit, [&] { return err_.find(text) != std::string::npos; });
  }
  std::string err() {
    std::lock_guard<std::mutex> guard(mutex_);
    return err_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::string out_;
  std::string err_;
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

// Every case runs once per backend: GENERATE picks it, and a build without fibers
// (TSan, the threaded browser module) runs the OS-thread pass only.
bool choose_backend(Interpreter& interp, bool green) {
  if (!green) return true;
  return interp.use_green_threads(7);
}

// Status -1: the backend is not in this build. The observer, if any, has heard every
// event by the time this returns (the interpreter has shut down).
test::RunOutcome run_on(bool green, const std::string& source, ThreadObserver* observer = nullptr) {
  CaptureSink sink;
  Interpreter interp(sink);
  if (!choose_backend(interp, green)) return {-1, "(no green threads)", ""};
  if (observer) interp.set_thread_observer(observer);
  int status = interp.run_source(source, "prog.py");
  return {status, sink.out, sink.err};
}

#define BACKEND_SECTION()                        \
  bool green = GENERATE(false, true);            \
  CAPTURE(green)

}  // namespace

TEST_CASE("threads incrementing a shared counter under a lock give the exact total", "[threads]") {
  BACKEND_SECTION();
  auto r = run_on(green, std::string(kJoinHelpers) +
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
  if (r.status == -1) return;
  CHECK(r.err.empty());
  CHECK(r.out == "20000 0\n");
}

TEST_CASE("CPU-bound threads take turns with the GIL", "[threads]") {
  BACKEND_SECTION();
  RecordingObserver observer;
  auto r = run_on(green,
                  std::string(kJoinHelpers) +
                      "import sys\n"
                      "sys.setswitchinterval(0.001)\n"
                      "def spin():\n"
                      "    n = 0\n"
                      "    for _ in range(2000000): n += 1\n"
                      "threads = [spawn(spin) for _ in range(2)]\n"
                      "for t in threads: join(t)\n"
                      "print('done')\n",
                  &observer);
  if (r.status == -1) return;
  CHECK(r.status == kExitOk);
  CHECK(r.out == "done\n");
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
  BACKEND_SECTION();
  RecordingObserver observer;
  auto r = run_on(green, std::string(kJoinHelpers) + "import time\njoin(spawn(time.sleep, 0.05))\n", &observer);
  if (r.status == -1) return;
  CHECK(r.status == 0);
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

TEST_CASE("the observer hears threading's names, renames from any thread included", "[threads]") {
  BACKEND_SECTION();
  RecordingObserver observer;
  auto r = run_on(green,
                  "import threading\n"
                  "def work():\n"
                  "    threading.main_thread().name = 'boss'\n"
                  "    threading.current_thread().name = 'worker'\n"
                  "t = threading.Thread(name='producer', target=work)\n"
                  "t.start(); t.join()\n"
                  "print(threading.current_thread().name, t.name)\n",
                  &observer);
  if (r.status == -1) return;
  CHECK(r.status == 0);
  CHECK(r.out == "boss worker\n");
  std::vector<std::pair<std::uint64_t, std::string>> names;
  for (const ThreadEvent& e : observer.events())
    if (e.kind == ThreadEventKind::ThreadNamed) names.emplace_back(e.thread, std::string(e.name));
  // The thread that renames is the worker (serial 1); each event names its target.
  std::vector<std::pair<std::uint64_t, std::string>> expected{
      {0, "MainThread"}, {1, "producer"}, {0, "boss"}, {1, "worker"}};
  CHECK(names == expected);
}

TEST_CASE("a sleeping thread lets another run", "[threads]") {
  BACKEND_SECTION();
  auto r = run_on(green, std::string(kJoinHelpers) +
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
  if (r.status == -1) return;
  CHECK(r.out == "['worked', 'woke']\n");
}

TEST_CASE("a lock acquire with a timeout gives up after it", "[threads]") {
  BACKEND_SECTION();
  auto r = run_on(green, 
      "import _thread, time\n"
      "lock = _thread.allocate_lock(); lock.acquire()\n"
      "t0 = time.monotonic()\n"
      "got = lock.acquire(timeout=0.1)\n"
      "waited = time.monotonic() - t0\n"
      "print(got, 0.09 < waited < 1.0, lock.acquire(False))\n");
  if (r.status == -1) return;
  CHECK(r.out == "False True False\n");
}

TEST_CASE("Stop ends a program whose threads deadlock on two locks", "[threads]") {
  BACKEND_SECTION();
  CaptureSink sink;
  auto interp = std::make_unique<Interpreter>(sink);
  if (!choose_backend(*interp, green)) return;
  std::atomic<bool> stopped{false};
  std::chrono::steady_clock::time_point stop_time;
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    stop_time = std::chrono::steady_clock::now();
    stopped = true;
    interp->interrupt_flag().fetch_or(1);
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

TEST_CASE("green threads: the same seed replays the same interleaving", "[threads]") {
  const std::string program =
      "import threading\n"
      "log = []\n"
      "def step(name): log.append(name)\n"
      "def work(name):\n"
      "    for _ in range(20000): step(name)\n"
      "ts = [threading.Thread(target=work, args=(n,)) for n in 'ab']\n"
      "for t in ts: t.start()\n"
      "for t in ts: t.join()\n"
      "print(sum(1 for x, y in zip(log, log[1:]) if x != y), hash(''.join(log)) & 0xffff)\n";
  auto run_seed = [&](std::uint64_t seed) {
    CaptureSink sink;
    Interpreter interp(sink);
    if (!interp.use_green_threads(seed)) return std::string("(no green threads)");
    CHECK(interp.run_source(program, "race.py") == kExitOk);
    return sink.out;
  };
  std::string first = run_seed(1);
  if (first == "(no green threads)") return;
  CHECK(run_seed(1) == first);
  // The threads took turns several times, and some other seed interleaves them otherwise.
  CHECK(std::stoi(first) > 3);
  bool differs = false;
  for (std::uint64_t seed = 2; seed < 6 && !differs; ++seed) differs = run_seed(seed) != first;
  CHECK(differs);
}

TEST_CASE("green threads: a deadlock is reported with who waits where for what", "[threads]") {
  WatchedSink sink;
  auto interp = std::make_unique<Interpreter>(sink);
  if (!interp->use_green_threads(3)) return;
  bool reported = false;
  std::thread stopper([&] {
    reported = sink.wait_for_err("MainThread waits", std::chrono::seconds(60));
    interp->interrupt_flag().fetch_or(1);
  });
  int status = interp->run_source(
      "import threading, time\n"
      "a = threading.Lock(); b = threading.Lock()\n"
      "def one():\n"
      "    with a:\n"
      "        time.sleep(0.01)\n"
      "        with b: pass\n"
      "def two():\n"
      "    with b:\n"
      "        time.sleep(0.01)\n"
      "        with a: pass\n"
      "t1 = threading.Thread(target=one, name='first'); t2 = threading.Thread(target=two, name='second')\n"
      "t1.start(); t2.start()\n"
      "t1.join(); t2.join()\n",
      "deadlock.py");
  stopper.join();
  CHECK(reported);
  CHECK(status == kExitInterrupted);
  std::string err = sink.err();
  CHECK(err.find("Deadlock: every thread is waiting") != std::string::npos);
  CHECK(err.find("first waits in one() at deadlock.py:6 for <_thread.lock object at ") != std::string::npos);
  CHECK(err.find("second waits in two() at deadlock.py:10 for <_thread.lock object at ") != std::string::npos);
  CHECK(err.find(", held by second") != std::string::npos);
  CHECK(err.find(", held by first") != std::string::npos);
  CHECK(err.find("MainThread waits in _wait_for_tstate_lock()") != std::string::npos);
  interp.reset();
}
