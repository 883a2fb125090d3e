// Guards the asyncio loop core (core/modules/asyncio_loop_core.hpp): FIFO ready queue,
// timers ordered by (when, sequence), and the virtual clock, which must run a long
// sleep schedule at once and in the order the real clock gives.
#include <catch2/catch.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>
#include "modules/asyncio_loop_core.hpp"

using namespace terrarium;

namespace {

// A callback the test owns: the core sees only its address.
struct FakeHandle {
  std::function<void()> action;
  bool cancelled = false;
};

struct Harness {
  std::vector<std::unique_ptr<FakeHandle>> handles;
  std::vector<std::string> log;
  std::vector<LoopEvent> events;
  LoopCore core;

  explicit Harness(bool virtual_clock)
      : core(ops(), [this](const LoopEvent& e) { events.push_back(e); }, 1) {
    core.clock().set_virtual(virtual_clock);
  }

  LoopHandleOps ops() {
    LoopHandleOps o;
    o.ctx = this;
    o.cancelled = [](void*, void* h) { return static_cast<FakeHandle*>(h)->cancelled; };
    o.run = [](void*, void* h) {
      static_cast<FakeHandle*>(h)->action();
      return true;
    };
    o.release = [](void*, void*) {};
    return o;
  }
  FakeHandle* make(std::function<void()> action) {
    handles.push_back(std::make_unique<FakeHandle>());
    handles.back()->action = std::move(action);
    return handles.back().get();
  }
  void soon(std::function<void()> action) { core.call_soon(make(std::move(action))); }
  FakeHandle* later(double delay, std::function<void()> action) {
    FakeHandle* h = make(std::move(action));
    core.call_at(core.time() + delay, h);
    return h;
  }
  // A task that sleeps `delays` one after the other, logging each wake-up.
  void sleeper(const std::string& name, std::vector<double> delays, std::size_t i = 0) {
    if (i == delays.size()) return;
    later(delays[i], [this, name, delays, i] {
      log.push_back(name + "#" + std::to_string(i));
      sleeper(name, delays, i + 1);
    });
  }
};

// Hours of sleeping, scaled: `unit` seconds per hour. Wake-ups are at least half an hour
// apart: on the real clock each deadline is counted from a slightly later "now" (later
// still on a busy machine, and the lateness adds up along a sleeper's chain), so close
// wake-ups could swap.
void ten_hour_schedule(Harness& h, double unit) {
  h.sleeper("a", {1 * unit, 2 * unit, 3 * unit, 4 * unit});  // wakes at 1, 3, 6, 10 hours
  h.sleeper("b", {2 * unit, 2 * unit, 2.5 * unit, 1.5 * unit, 2.5 * unit});  // 2, 4, 6.5, 8, 10.5
  h.sleeper("c", {8.75 * unit});
  h.sleeper("d", {0.5 * unit, 9 * unit});  // 0.5, 9.5
}

}  // namespace

TEST_CASE("the ready queue runs callbacks first in, first out, one pass at a time") {
  Harness h(true);
  h.soon([&] {
    h.log.push_back("1");
    h.soon([&] { h.log.push_back("3 (queued during the pass: runs next pass)"); });
  });
  h.soon([&] { h.log.push_back("2"); });
  CHECK(h.core.run_once() == LoopStep::Ran);
  CHECK(h.log == std::vector<std::string>{"1", "2"});
  CHECK(h.core.ready_count() == 1);
  CHECK(h.core.run_once() == LoopStep::Ran);
  CHECK(h.log.size() == 3);
  CHECK(h.core.run_once() == LoopStep::Idle);
}

TEST_CASE("timers with the same deadline fire in the order they were armed") {
  Harness h(true);
  for (int i = 0; i < 5; ++i) h.later(1.0, [&h, i] { h.log.push_back(std::to_string(i)); });
  h.later(0.5, [&h] { h.log.push_back("early"); });
  while (h.core.run_once() == LoopStep::Ran) {
  }
  CHECK(h.log == std::vector<std::string>{"early", "0", "1", "2", "3", "4"});
}

TEST_CASE("a cancelled timer never runs and does not hold the clock back") {
  Harness h(true);
  double start = h.core.time();
  FakeHandle* far = h.later(3600.0, [&h] { h.log.push_back("far"); });
  h.later(1.0, [&h] { h.log.push_back("near"); });
  far->cancelled = true;
  while (h.core.run_once() == LoopStep::Ran) {
  }
  CHECK(h.log == std::vector<std::string>{"near"});
  CHECK(h.core.time() - start < 2.0);
}

TEST_CASE("the virtual clock runs a 10-hour sleep schedule at once, in real-clock order") {
  Harness virtual_run(true);
  double start = virtual_run.core.time();
  ten_hour_schedule(virtual_run, 3600.0);
  auto wall_start = std::chrono::steady_clock::now();
  while (virtual_run.core.run_once() == LoopStep::Ran) {
  }
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  CHECK(wall < 1.0);
  CHECK(virtual_run.core.time() - start == Approx(10.5 * 3600.0));
  CHECK(virtual_run.log.size() == 12);

  // The same schedule on the real clock, an hour scaled down to 50 ms (half an hour:
  // 25 ms of slack for each sleeper's chain).
  Harness real_run(false);
  ten_hour_schedule(real_run, 0.05);
  while (real_run.core.run_once() == LoopStep::Ran) {
  }
  CHECK(real_run.log == virtual_run.log);
}

TEST_CASE("the loop reports timers armed and fired to the host") {
  Harness h(true);
  h.later(5.0, [] {});
  while (h.core.run_once() == LoopStep::Ran) {
  }
  REQUIRE(h.events.size() == 2);
  CHECK(h.events[0].kind == LoopEventKind::TimerArmed);
  CHECK(h.events[1].kind == LoopEventKind::TimerFired);
  CHECK(std::string(loop_event_name(h.events[1].kind)) == "timer_fired");
}

TEST_CASE("stop() ends run_until_stopped after the current pass") {
  Harness h(true);
  h.soon([&h] {
    h.log.push_back("a");
    h.core.stop();
  });
  h.soon([&h] { h.log.push_back("b"); });
  h.later(1.0, [&h] { h.log.push_back("timer"); });
  CHECK(h.core.run_until_stopped() == LoopStep::Ran);
  CHECK(h.log == std::vector<std::string>{"a", "b"});
  CHECK(h.core.run_until_stopped() == LoopStep::Idle);
  CHECK(h.log.back() == "timer");
}
