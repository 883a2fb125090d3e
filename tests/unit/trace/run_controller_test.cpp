// The run controller and its snapshots (core/trace): stepping shows the value stack,
// back gives the identical snapshot, breakpoints, the step budget, reprs that fail or
// loop, suspended generators, deep recursion and big output.
#include <catch2/catch.hpp>

#include <map>
#include <optional>
#include <string>
#include "trace/run_controller.hpp"
#include "trace/value_view.hpp"

#if TERRARIUM_TRACE_HOOKS

using nlohmann::json;
using terrarium::Breakpoint;
using terrarium::RunController;

namespace {

RunController started(const std::string& source, std::vector<Breakpoint> breakpoints = {},
                      std::uint64_t budget = 100000) {
  RunController controller(source, "prog.py", std::move(breakpoints), budget);
  json program;
  std::string error;
  REQUIRE(controller.start(program, error));
  return controller;
}

// A session whose replays run the program's threads as green threads; none in a build
// without fibers (the caller then has nothing to test).
std::optional<RunController> started_green(const std::string& source, std::vector<Breakpoint> breakpoints,
                                           std::uint64_t seed) {
  RunController controller(source, "prog.py", std::move(breakpoints), 1000000);
  if (!controller.use_green_threads(seed)) return std::nullopt;
  json program;
  std::string error;
  REQUIRE(controller.start(program, error));
  return controller;
}

const json& innermost(const json& snapshot) { return snapshot["frames"].back(); }

// The opname of the instruction the snapshot is paused at, from ProgramInfo.
std::string current_opname(const json& program, const json& snapshot) {
  const json& frame = innermost(snapshot);
  for (const json& ins : program["codes"][frame["code"].get<int>()]["instructions"])
    if (ins["offset"] == frame["offset"]) return ins["opname"];
  return "?";
}

std::vector<std::string> stack_reprs(const json& frame) {
  std::vector<std::string> out;
  for (const json& v : frame["stack"]) out.push_back(v["repr"]);
  return out;
}

json step(RunController& c, const char* kind) { return c.command(json{{"kind", kind}}); }

// What the program printed since the last call, stdout and stderr together.
std::string new_output(RunController& c) {
  std::string printed;
  for (const auto& chunk : c.take_new_output()) printed += chunk.text;
  return printed;
}

}  // namespace

TEST_CASE("stepping a + b shows LOAD_FAST, LOAD_FAST, BINARY_OP with the stack", "[trace]") {
  RunController controller("def f(a, b): return a + b\nprint(f(1, 2))\n", "prog.py", {}, 100000);
  json program;
  std::string error;
  REQUIRE(controller.start(program, error));
  CHECK(program["codes"].size() == 2);
  CHECK(program["codes"][1]["qualname"] == "f");
  json snap = controller.snapshot();
  CHECK(snap["step"] == 0);
  CHECK(snap["reason"] == "start");
  CHECK(current_opname(program, snap) == "RESUME");
  // Step until f's frame runs.
  while (snap["frames"].size() < 2) snap = step(controller, "step-instruction");
  CHECK(innermost(snap)["qualname"] == "f");
  CHECK(innermost(snap)["kind"] == "function");
  std::vector<std::string> seen;
  std::vector<std::vector<std::string>> stacks;
  for (int i = 0; i < 4; ++i) {
    seen.push_back(current_opname(program, snap));
    stacks.push_back(stack_reprs(innermost(snap)));
    snap = step(controller, "step-instruction");
  }
  CHECK(seen == std::vector<std::string>{"RESUME", "LOAD_FAST", "LOAD_FAST", "BINARY_OP"});
  CHECK(stacks[2] == std::vector<std::string>{"1"});
  CHECK(stacks[3] == std::vector<std::string>{"1", "2"});
  CHECK(stack_reprs(innermost(snap)) == std::vector<std::string>{"3"});
  CHECK(innermost(snap)["locals"][0]["name"] == "a");
  CHECK(snap["frames"][0]["kind"] == "module");
  // Finish: the output arrives once.
  snap = step(controller, "continue");
  CHECK(snap["reason"] == "finished");
  CHECK(snap["status"] == 0);
  auto output = controller.take_new_output();
  REQUIRE(output.size() == 1);
  CHECK(output[0].text == "3\n");
  CHECK(snap["outputLength"] == 2);
}

TEST_CASE("back returns the identical snapshot", "[trace]") {
  RunController controller = started("def f(a, b):\n    return a + b\nx = [f(i, 1) for i in range(3)]\nprint(x)\n");
  for (int i = 0; i < 12; ++i) step(controller, "step-instruction");
  json before = controller.snapshot();
  step(controller, "step-instruction");
  json after = step(controller, "back");
  CHECK(after.dump() == before.dump());
  json jumped = controller.command(json{{"kind", "goto"}, {"step", 5}});
  CHECK(jumped["step"] == 5);
  CHECK(controller.command(json{{"kind", "goto"}, {"step", 12}}).dump() == before.dump());
}

TEST_CASE("line breakpoints and conditional ones stop there", "[trace]") {
  const char* source =
      "total = 0\n"
      "for i in range(10):\n"
      "    total += i\n"
      "print(total)\n";
  RunController plain = started(source, {{3, ""}});
  json snap = step(plain, "continue");
  CHECK(snap["reason"] == "breakpoint");
  CHECK(snap["line"] == 3);
  RunController conditional = started(source, {{3, "i == 7"}});
  snap = step(conditional, "continue");
  CHECK(snap["reason"] == "breakpoint");
  bool found = false;
  for (const json& local : innermost(snap)["locals"])
    if (local["name"] == "i") {
      CHECK(local["repr"] == "7");
      found = true;
    }
  CHECK(found);
}

TEST_CASE("step line, over and out", "[trace]") {
  const char* source =
      "def g(x):\n"
      "    y = x * 2\n"
      "    return y\n"
      "a = g(1)\n"
      "b = a + 1\n";
  RunController controller = started(source);
  json snap = step(controller, "step-line");
  CHECK(snap["line"] == 1);  // the def statement
  snap = step(controller, "step-line");
  CHECK(snap["line"] == 4);
  snap = step(controller, "step-over");
  CHECK(snap["line"] == 5);
  CHECK(snap["frames"].size() == 1);
  RunController into = started(source);
  step(into, "step-line");
  step(into, "step-line");
  snap = step(into, "step-line");  // into g
  CHECK(innermost(snap)["qualname"] == "g");
  snap = step(into, "step-out");
  CHECK(snap["frames"].size() == 1);
  CHECK(snap["line"] == 4);
}

TEST_CASE("an endless loop pauses at the budget and continue resumes", "[trace]") {
  RunController controller = started("while True:\n    pass\n", {}, 1000);
  json snap = step(controller, "continue");
  CHECK(snap["reason"] == "budget");
  CHECK(snap["step"] == 1000);
  snap = step(controller, "continue");
  CHECK(snap["reason"] == "budget");
  CHECK(snap["step"] == 2000);
}

TEST_CASE("the pause flag pauses a continue and a far goto", "[trace]") {
  // The page sets the flag through shared memory while the command runs; set up front
  // here, it is seen at the first check of the forward run.
  std::atomic<std::uint8_t> flag{1};
  RunController controller("while True:\n    pass\n", "prog.py", {}, 1000000000, &flag);
  json program;
  std::string error;
  REQUIRE(controller.start(program, error));
  json snap = step(controller, "continue");
  CHECK(snap["reason"] == "pause");
  CHECK(flag.load() == 0);  // taken, so the next command runs on
  std::uint64_t paused_at = snap["step"];
  // A pause never lands before the step the command started from.
  flag.store(1);
  snap = step(controller, "continue");
  CHECK(snap["reason"] == "pause");
  CHECK(snap["step"].get<std::uint64_t>() > paused_at);
  paused_at = snap["step"];
  flag.store(1);
  snap = controller.command(json{{"kind", "goto"}, {"step", 1000000000000}});
  CHECK(snap["reason"] == "pause");
  CHECK(snap["step"].get<std::uint64_t>() >= paused_at);
  CHECK(snap["step"].get<std::uint64_t>() < 1000000000000);
}

TEST_CASE("a __repr__ that raises or loops cannot break a snapshot", "[trace]") {
  const char* source =
      "class Bad:\n"
      "    def __repr__(self):\n"
      "        raise ValueError('no')\n"
      "class Slow:\n"
      "    def __repr__(self):\n"
      "        while True:\n"
      "            pass\n"
      "b = Bad()\n"
      "s = Slow()\n"
      "long = 'x' * 500\n"
      "print('done')\n";
  RunController controller = started(source, {{11, ""}});
  json snap = step(controller, "continue");
  REQUIRE(snap["reason"] == "breakpoint");
  std::map<std::string, std::string> reprs;
  for (const json& local : innermost(snap)["locals"]) reprs[local["name"]] = local["repr"];
  CHECK(reprs["b"] == "<repr raised ValueError>");
  CHECK(reprs["s"] == "<repr took too long>");
  CHECK(reprs["long"].size() < 140);
  CHECK(reprs["long"].substr(reprs["long"].size() - 3) == "\u2026");
  snap = step(controller, "continue");
  CHECK(snap["reason"] == "finished");
  CHECK(snap["status"] == 0);
}

TEST_CASE("default reprs lose their addresses", "[trace]") {
  CHECK(terrarium::without_addresses("<function f at 0x7f00ab>") == "<function f>");
  CHECK(terrarium::without_addresses("[<A object at 0x1>, 'at 0x']") == "[<A object>, 'at 0x']");
  CHECK(terrarium::without_addresses("<code object f at 0x5fbcc8, file \"main.py\", line 1>") ==
        "<code object f, file \"main.py\", line 1>");
}

TEST_CASE("a suspended generator's frame is listed apart", "[trace]") {
  const char* source =
      "def gen():\n"
      "    yield 1\n"
      "    yield 2\n"
      "g = gen()\n"
      "first = next(g)\n"
      "print(first)\n";
  RunController controller = started(source, {{6, ""}});
  json snap = step(controller, "continue");
  REQUIRE(snap["reason"] == "breakpoint");
  CHECK(snap["frames"].size() == 1);
  REQUIRE(snap["suspended"].size() == 1);
  CHECK(snap["suspended"][0]["kind"] == "generator");
  CHECK(snap["suspended"][0]["qualname"] == "gen");
  CHECK(snap["suspended"][0]["line"] == 2);
}

TEST_CASE("deep recursion ends in RecursionError without crashing", "[trace]") {
  RunController controller = started("def down(n):\n    return down(n + 1)\ndown(0)\n", {}, 10000000);
  json snap = step(controller, "continue");
  CHECK(snap["reason"] == "finished");
  CHECK(snap["status"] == 1);
  std::string err;
  for (const auto& chunk : controller.take_new_output()) err += chunk.text;
  CHECK(err.find("RecursionError: maximum recursion depth exceeded") != std::string::npos);
  // Paused deep inside, the snapshot lists every frame.
  snap = controller.command(json{{"kind", "goto"}, {"step", 3000}});
  CHECK(snap["frames"].size() > 100);
}

TEST_CASE("a megabyte of output is kept and handed out once", "[trace]") {
  RunController controller = started("for i in range(1024):\n    print('x' * 1023)\n", {}, 10000000);
  json snap = step(controller, "continue");
  CHECK(snap["reason"] == "finished");
  CHECK(snap["outputLength"] == 1024 * 1024);
  std::size_t total = 0;
  for (const auto& chunk : controller.take_new_output()) total += chunk.text.size();
  CHECK(total == 1024 * 1024);
  CHECK(controller.take_new_output().empty());
  snap = controller.command(json{{"kind", "goto"}, {"step", 100}});
  CHECK(snap["outputLength"].get<std::size_t>() < 1024 * 1024);
}

TEST_CASE("a syntax error is reported by start", "[trace]") {
  RunController controller("x = (1,\n", "prog.py", {}, 1000);
  json program;
  std::string error;
  CHECK_FALSE(controller.start(program, error));
  CHECK(error.find("SyntaxError") != std::string::npos);
}

TEST_CASE("an exception shows with the handler the exception table picks", "[trace]") {
  const char* source =
      "try:\n"
      "    1 / 0\n"
      "except ZeroDivisionError:\n"
      "    pass\n";
  RunController controller = started(source);
  json snap = controller.snapshot();
  while (!snap.contains("exception") && snap["reason"] != "finished") snap = step(controller, "step-instruction");
  REQUIRE(snap.contains("exception"));
  CHECK(snap["exception"]["type"] == "ZeroDivisionError");
  CHECK(snap["exception"]["message"] == "division by zero");
  REQUIRE(snap["exception"].contains("handler"));
  CHECK(snap["exception"]["handler"]["offset"] == innermost(snap)["offset"]);
}

TEST_CASE("with green threads, a program with threads steps the same way every replay", "[trace]") {
  const std::string source =
      "import threading, time\n"
      "log = []\n"
      "def work(name):\n"
      "    for i in range(300):\n"
      "        log.append(name)\n"
      "    time.sleep(0.01)\n"
      "ts = [threading.Thread(target=work, args=(n,)) for n in 'ab']\n"
      "for t in ts: t.start()\n"
      "for t in ts: t.join()\n"
      "joined = True\n"
      "print(len(log), sum(1 for x, y in zip(log, log[1:]) if x != y) > 0)\n";
  std::optional<RunController> session = started_green(source, {{10, ""}}, 5);
  if (!session) return;
  RunController& controller = *session;
  json at_join = step(controller, "continue");
  CHECK(at_join["reason"] == "breakpoint");
  json end = step(controller, "continue");
  CHECK(end["reason"] == "finished");
  std::string printed = new_output(controller);
  CHECK(printed == "600 True\n");
  // Back to the breakpoint's step: the same state, threads and all.
  json again = controller.command(json{{"kind", "goto"}, {"step", at_join["step"]}});
  again["reason"] = at_join["reason"];  // reached by goto rather than the breakpoint
  CHECK(again.dump() == at_join.dump());
}

TEST_CASE("with green threads, a deadlock in a replay ends it with the report", "[trace]") {
  std::optional<RunController> session = started_green(
      "import threading\n"
      "a = threading.Lock(); a.acquire()\n"
      "t = threading.Thread(target=a.acquire, name='waiter'); t.start()\n"
      "t.join()\n",
      {}, 1);
  if (!session) return;
  RunController& controller = *session;
  json end = step(controller, "continue");
  CHECK(end["reason"] == "finished");
  std::string printed = new_output(controller);
  CHECK(printed.find("Deadlock: every thread is waiting") != std::string::npos);
  CHECK(printed.find("waiter waits") != std::string::npos);
  CHECK(printed.find("KeyboardInterrupt") != std::string::npos);
}

namespace {

// Two named workers, each in functions of the program (spin runs long enough for the
// green scheduler to switch threads in the middle), and a main thread that joins them.
const char* const kTwoWorkers =
    "import threading\n"
    "total = []\n"
    "def spin(k):\n"
    "    s = 0\n"
    "    for i in range(k):\n"
    "        s += i\n"
    "    return s\n"
    "def work(n):\n"
    "    x = spin(20000) + n\n"
    "    total.append(x)\n"
    "    return x\n"
    "ts = [threading.Thread(target=work, args=(i,), name=f'worker-{i}') for i in range(2)]\n"
    "for t in ts: t.start()\n"
    "for t in ts: t.join()\n"
    "print(sorted(total))\n";

std::string paused_thread(const json& snap) {
  return snap.contains("thread") ? snap["thread"]["name"].get<std::string>() : "";
}

// Steps one instruction at a time until a worker thread is the paused one.
json step_into_worker(RunController& controller) {
  json snap = controller.snapshot();
  for (int i = 0; i < 5000 && snap["reason"] != "finished"; ++i) {
    if (paused_thread(snap).rfind("worker-", 0) == 0) return snap;
    snap = step(controller, "step-instruction");
  }
  FAIL("no step of a worker thread");
  return snap;
}

}  // namespace

TEST_CASE("with green threads, stepping by instruction reaches the workers' steps", "[trace]") {
  std::optional<RunController> session = started_green(kTwoWorkers, {}, 3);
  if (!session) return;
  RunController& controller = *session;
  CHECK_FALSE(controller.snapshot().contains("threads"));  // no thread started yet
  json snap = step_into_worker(controller);
  REQUIRE(snap.contains("threads"));
  std::vector<std::string> names;
  for (const json& t : snap["threads"]) names.push_back(t["name"]);
  REQUIRE(names.size() >= 2);
  CHECK(names[0] == "MainThread");
  CHECK(names[1] == "worker-0");
  const json& current = snap["threads"][snap["thread"]["serial"].get<std::size_t>() > 0 ? 1 : 0];
  CHECK(current["current"] == true);
  CHECK(current["frames"] == snap["frames"]);
  CHECK(innermost(snap)["qualname"] == "work");
  // The main thread is shown where it was switched away from: in the module's code.
  const json& main = snap["threads"][0];
  CHECK(main["current"] == false);
  REQUIRE(main["frames"].size() == 1);
  CHECK(main["frames"][0]["kind"] == "module");
  CHECK((main["state"] == "running" || main["state"] == "waiting"));
  // Back and forward again: the identical state.
  json back = step(controller, "back");
  CHECK(back["step"] == snap["step"].get<std::uint64_t>() - 1);
  json forward = step(controller, "step-instruction");
  CHECK(forward.dump() == snap.dump());
  json again = controller.command(json{{"kind", "goto"}, {"step", snap["step"]}});
  again["reason"] = snap["reason"];
  CHECK(again.dump() == forward.dump());
}

TEST_CASE("with green threads, step over in a worker stays in that worker", "[trace]") {
  std::optional<RunController> session = started_green(kTwoWorkers, {}, 3);
  if (!session) return;
  RunController& controller = *session;
  json snap = step_into_worker(controller);
  std::string worker = paused_thread(snap);
  int line = snap["line"];
  for (int i = 0; i < 3 && line < 11; ++i) {
    snap = step(controller, "step-over");
    CHECK(snap["reason"] == "step");
    CHECK(paused_thread(snap) == worker);
    CHECK(innermost(snap)["qualname"] == "work");
    CHECK(snap["line"].get<int>() > line);
    line = snap["line"];
  }
  // The other worker ran meanwhile (spin is long enough for the scheduler to switch).
  const json& other = snap["threads"].back();
  CHECK(other["name"] != worker);
  CHECK(other["current"] == false);
  CHECK(other["frames"].size() == 2);
  CHECK(line == 11);
  json end = step(controller, "continue");
  CHECK(end["reason"] == "finished");
  std::string printed = new_output(controller);
  CHECK(printed == "[199990000, 199990001]\n");
}

TEST_CASE("with green threads, a breakpoint in a worker stops in the thread that reaches it", "[trace]") {
  std::optional<RunController> session = started_green(kTwoWorkers, {{10, ""}}, 7);
  if (!session) return;
  RunController& controller = *session;
  json first = step(controller, "continue");
  CHECK(first["reason"] == "breakpoint");
  json second = step(controller, "continue");
  CHECK(second["reason"] == "breakpoint");
  CHECK(paused_thread(first) != paused_thread(second));
  CHECK(paused_thread(first).rfind("worker-", 0) == 0);
  CHECK(paused_thread(second).rfind("worker-", 0) == 0);
  CHECK(step(controller, "continue")["reason"] == "finished");
}

TEST_CASE("with green threads, an exception shows in the thread that raised it", "[trace]") {
  std::optional<RunController> session = started_green(
      "import threading\n"
      "def fail():\n"
      "    try:\n"
      "        1 / 0\n"
      "    except ZeroDivisionError:\n"
      "        pass\n"
      "t = threading.Thread(target=fail, name='failing')\n"
      "t.start()\n"
      "t.join()\n",
      {}, 2);
  if (!session) return;
  RunController& controller = *session;
  json snap = controller.snapshot();
  // (Exceptions that threading raises and catches inside the main thread show there.)
  auto raised_in_worker = [](const json& s) { return s.contains("exception") && paused_thread(s) == "failing"; };
  for (int i = 0; i < 2000 && snap["reason"] != "finished" && !raised_in_worker(snap); ++i)
    snap = step(controller, "step-instruction");
  REQUIRE(snap.contains("exception"));
  CHECK(snap["exception"]["type"] == "ZeroDivisionError");
  CHECK(paused_thread(snap) == "failing");
  CHECK(innermost(snap)["qualname"] == "fail");
}

TEST_CASE("a program without threads has no threads in its snapshots", "[trace]") {
  RunController controller = started("x = 1\ny = x + 1\n");
  json snap = step(controller, "step-line");
  CHECK_FALSE(snap.contains("threads"));
  CHECK_FALSE(snap.contains("thread"));
}

#endif  // TERRARIUM_TRACE_HOOKS
