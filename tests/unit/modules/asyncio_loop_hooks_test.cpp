// Guards the host's view of asyncio (Interpreter::set_loop_hooks): a program's loop runs
// on the virtual clock when the host asks for it, and reports task and timer events.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>
#include "modules/asyncio_loop_events.hpp"
#include "test_support.hpp"

using namespace terrarium;
using terrarium::test::CaptureSink;

namespace {

// Two generator-based tasks sleeping hours apart; the log shows who woke when.
const char* kTenHourProgram = R"(import asyncio, types

@types.coroutine
def sleeper(name, hours):
    yield from asyncio.sleep(hours * 3600)
    return name

@types.coroutine
def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    a = asyncio.create_task(sleeper('a', 10), name='a')
    b = asyncio.create_task(sleeper('b', 3), name='b')
    done = []
    for t in (b, a):
        done.append((yield from t))
        print(done[-1], round((loop.time() - start) / 3600, 3))

asyncio.run(main())
)";

}  // namespace

TEST_CASE("the host's virtual clock runs a program's 10-hour sleeps at once, in order") {
  CaptureSink sink;
  Interpreter interp(sink);
  LoopHostHooks hooks;
  hooks.virtual_clock = true;
  std::vector<LoopEvent> events;
  hooks.on_event = [&](const LoopEvent& e) { events.push_back(e); };
  interp.set_loop_hooks(&hooks);
  auto start = std::chrono::steady_clock::now();
  int status = interp.run_source(kTenHourProgram, "prog.py");
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  INFO(sink.err);
  CHECK(status == kExitOk);
  CHECK(sink.out == "b 3.0\na 10.0\n");
  CHECK(wall < 5.0);

  auto count = [&](LoopEventKind kind, const std::string& subject) {
    int n = 0;
    for (const LoopEvent& e : events)
      if (e.kind == kind && (subject.empty() || e.subject == subject)) ++n;
    return n;
  };
  CHECK(count(LoopEventKind::TaskCreated, "a") == 1);
  CHECK(count(LoopEventKind::TaskStarted, "a") == 1);
  CHECK(count(LoopEventKind::TaskSuspended, "a") == 1);
  CHECK(count(LoopEventKind::TaskResumed, "a") == 1);
  CHECK(count(LoopEventKind::TaskDone, "a") == 1);
  CHECK(count(LoopEventKind::TimerArmed, "") >= 2);
  CHECK(count(LoopEventKind::TimerFired, "") >= 2);
  // b wakes (its timer fires) before a does.
  std::vector<std::string> resumed;
  for (const LoopEvent& e : events)
    if (e.kind == LoopEventKind::TaskResumed && (e.subject == "a" || e.subject == "b")) resumed.push_back(e.subject);
  CHECK(resumed == std::vector<std::string>{"b", "a"});
}

TEST_CASE("without hooks a program's loop uses the real clock and reports nothing") {
  CaptureSink sink;
  Interpreter interp(sink);
  int status = interp.run_source(
      "import asyncio\nloop = asyncio.new_event_loop()\nprint(loop._core.virtual_clock, loop._core.observed)\n",
      "prog.py");
  CHECK(status == kExitOk);
  CHECK(sink.out == "False False\n");
}
