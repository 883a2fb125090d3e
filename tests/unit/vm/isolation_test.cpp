// Guards isolated interpreters: several terrarium::Interpreter objects running Python at
// the same time on different OS threads share only immortal objects (static types, their
// dicts and descriptors, singletons, literal names), so each computes what it would alone.
// Run under ThreadSanitizer with the native-tsan preset: `terrarium_tests "[isolation]"`.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>
#include "test_support.hpp"

using namespace terrarium;
using terrarium::test::RunOutcome;
using terrarium::test::run_program;

namespace {

// CPU-bound: counting primes by trial division, all small-int and float arithmetic.
const char* const kPrimes = R"py(
def count_primes(limit):
    count = 0
    for n in range(2, limit):
        d = 2
        while d * d <= n:
            if n % d == 0:
                break
            d += 1
        else:
            count += 1
    return count
print(count_primes(LIMIT), sum(i * 0.5 for i in range(1000)))
)py";

std::string primes_program(int limit) {
  std::string src = kPrimes;
  src.replace(src.find("LIMIT"), 5, std::to_string(limit));
  return src;
}

// Heap-heavy: classes with inheritance and properties, dicts and sets of strings,
// formatting, exceptions raised, caught and chained, generators and closures.
const char* const kObjects = R"py(
class Shape:
    def __init__(self, name):
        self.name = name
    def area(self):
        raise NotImplementedError(self.name)
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, {self.area():.2f})"

class Square(Shape):
    def __init__(self, name, side):
        super().__init__(name)
        self.side = side
    def area(self):
        return self.side ** 2

class Circle(Shape):
    def __init__(self, name, r):
        super().__init__(name)
        self.r = r
    @property
    def diameter(self):
        return 2 * self.r
    def area(self):
        return 3.14159 * self.r * self.r

def make_counter():
    n = 0
    def bump():
        nonlocal n
        n += 1
        return n
    return bump

for rnd in range(ROUNDS):
    shapes = [Square(f"s{i}", i) if i % 2 else Circle(f"c{i}", i) for i in range(40)]
    by_kind = {}
    for s in shapes:
        by_kind.setdefault(type(s).__name__, []).append(s)
    words = " ".join(s.name.upper() for s in shapes).split()
    seen = {w.lower() for w in words}
    errors = 0
    for s in shapes + [Shape("plain")]:
        try:
            s.area()
            if isinstance(s, Circle) and s.diameter > 70:
                raise ValueError(f"too wide: {s.name}")
        except NotImplementedError as e:
            errors += 10
        except ValueError as e:
            try:
                raise KeyError(str(e)) from e
            except KeyError as k:
                errors += len(k.args[0]) > 0
    bump = make_counter()
    gen_total = sum(bump() for _ in range(50))
    table = dict(zip(sorted(seen), range(len(seen))))
print(sorted(by_kind), len(words), len(seen), errors, gen_total, table["c10"], repr(shapes[3]))
)py";

std::string objects_program(int rounds) {
  std::string src = kObjects;
  src.replace(src.find("ROUNDS"), 6, std::to_string(rounds));
  return src;
}

// Runs each program in its own Interpreter on its own OS thread, all at once.
std::vector<RunOutcome> run_in_parallel(const std::vector<std::string>& programs) {
  std::vector<RunOutcome> outcomes(programs.size());
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < programs.size(); ++i)
    threads.emplace_back([&, i] { outcomes[i] = run_program(programs[i]); });
  for (std::thread& t : threads) t.join();
  return outcomes;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("two interpreters run CPU-bound loops at the same time", "[isolation]") {
  auto outcomes = run_in_parallel({primes_program(3000), primes_program(3000)});
  for (const RunOutcome& r : outcomes) {
    CHECK(r.status == kExitOk);
    CHECK(r.out == "430 249750.0\n");
    CHECK(r.err.empty());
  }
}

TEST_CASE("two interpreters run class, dict, str and exception heavy code at the same time", "[isolation]") {
  RunOutcome alone = run_program(objects_program(3));
  REQUIRE(alone.status == kExitOk);
  CHECK(alone.out == "['Circle', 'Square'] 40 40 12 1275 1 Square('s3', 9.00)\n");
  auto outcomes = run_in_parallel({objects_program(3), objects_program(3), primes_program(2000)});
  CHECK(outcomes[0].out == alone.out);
  CHECK(outcomes[1].out == alone.out);
  CHECK(outcomes[2].out == "303 249750.0\n");
}

TEST_CASE("uncaught exceptions in parallel interpreters print their own tracebacks", "[isolation]") {
  auto outcomes = run_in_parallel({"def f(s):\n    return int(s)\nf('x')\n", "print('ok')\n[].pop()\n"});
  CHECK(outcomes[0].status == kExitError);
  CHECK(outcomes[0].err ==
        "Traceback (most recent call last):\n"
        "  File \"prog.py\", line 3, in <module>\n"
        "    f('x')\n"
        "  File \"prog.py\", line 2, in f\n"
        "    return int(s)\n"
        "           ^^^^^^\n"
        "ValueError: invalid literal for int() with base 10: 'x'\n");
  CHECK(outcomes[1].out == "ok\n");
  CHECK(outcomes[1].err ==
        "Traceback (most recent call last):\n"
        "  File \"prog.py\", line 2, in <module>\n"
        "    [].pop()\n"
        "IndexError: pop from empty list\n");
}

TEST_CASE("two interpreters import built-in and library modules at the same time", "[isolation]") {
  // Built-in modules ready their types at start-up, not on import, so the first import
  // of each in two interpreters at once shares nothing mutable.
  const std::string program =
      "import _thread, math, gc, sys, _asyncio_loop, _interpreters\n"
      "import collections, functools, dataclasses, enum, json, itertools, heapq\n"
      "@dataclasses.dataclass\n"
      "class P:\n"
      "    x: int\n"
      "    y: int = 2\n"
      "class Color(enum.Enum):\n"
      "    RED = 1\n"
      "lock = _thread.allocate_lock()\n"
      "with lock:\n"
      "    c = collections.Counter('abracadabra').most_common(2)\n"
      "print(c, P(1), Color.RED, json.dumps({'a': [1, 2]}), math.isqrt(99),\n"
      "      functools.reduce(lambda a, b: a * b, range(1, 6)), heapq.nsmallest(2, [5, 1, 4]))\n";
  auto outcomes = run_in_parallel({program, program, program});
  for (const RunOutcome& r : outcomes) {
    CHECK(r.err.empty());
    CHECK(r.out == "[('a', 5), ('b', 2)] P(x=1, y=2) Color.RED {\"a\": [1, 2]} 9 120 [1, 4]\n");
  }
}

TEST_CASE("many interpreters are created and destroyed across threads", "[isolation]") {
  // Each thread runs one interpreter after another, so the attribute cache and the free
  // lists of one OS thread serve interpreters that come and go.
  std::vector<std::string> outputs(2);
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 12; ++i) {
        RunOutcome r = run_program("class K:\n    def m(self):\n        return 'k' * " + std::to_string(i % 3) +
                                   "\nprint(K().m(), {str(i): i for i in range(5)}[str(" + std::to_string(i % 5) +
                                   ")], end='|')\n");
        outputs[t] += r.out;
      }
    });
  }
  for (std::thread& t : threads) t.join();
  const std::string expected = " 0|k 1|kk 2| 3|k 4|kk 0| 1|k 2|kk 3| 4|k 0|kk 1|";
  CHECK(outputs[0] == expected);
  CHECK(outputs[1] == expected);
}

TEST_CASE("an interpreter lives on while another is made and ended on the same thread", "[isolation]") {
  test::CaptureSink long_lived_out;
  Interpreter long_lived(long_lived_out);
  REQUIRE(long_lived.run_source("import sys\nclass A:\n    x = 'first'\nsys.items = [A() for _ in range(3)]\n", "a.py") == kExitOk);
  RunOutcome other = run_program("class A:\n    x = 'second'\nprint(A().x)\n");
  CHECK(other.out == "second\n");
  // The long-lived interpreter continues on another thread: nothing of the other is left.
  std::thread([&] { long_lived.run_source("import sys\nprint(sys.items[0].x, len(sys.items))\n", "a.py"); }).join();
  CHECK(long_lived_out.out == "first 3\n");
}

TEST_CASE("a worker interpreter answers calls and its printing reaches the caller's output", "[isolation]") {
  RunOutcome r = run_program(
      "import _interpreters\n"
      "def work(n):\n"
      "    print('working on', n)\n"
      "    return {'n': n, 'squares': [i * i for i in range(n)]}\n"
      "print('loaded as', __name__)\n"
      "if __name__ == '__main__':\n"
      "    workers = [_interpreters.Worker(), _interpreters.Worker()]\n"
      "    for i, w in enumerate(workers):\n"
      "        w.submit('work', (i + 2,))\n"
      "    print([w.result() for w in workers])\n"
      "    for w in workers:\n"
      "        w.close()\n");
  CHECK(r.status == kExitOk);
  CHECK(r.out ==
        "loaded as __main__\n"
        "loaded as __mp_main__\nworking on 2\n"
        "loaded as __mp_main__\nworking on 3\n"
        "[{'n': 2, 'squares': [0, 1]}, {'n': 3, 'squares': [0, 1, 4]}]\n");
  CHECK(r.err.empty());
}

TEST_CASE("a worker whose main module fails reports it on every call", "[isolation]") {
  RunOutcome r = run_program(
      "import _interpreters\n"
      "w = _interpreters.Worker('raise ValueError(\"bad start\")\\n')\n"
      "try:\n"
      "    w.call('f')\n"
      "except RuntimeError as e:\n"
      "    print(e)\n");
  CHECK(r.out == "the worker's main module raised an exception\n");
  CHECK(r.err.find("ValueError: bad start") != std::string::npos);
}

TEST_CASE("Stop while waiting for a worker interrupts the worker's call too", "[isolation]") {
  test::CaptureSink sink;
  Interpreter interp(sink);
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    interp.interrupt_flag().store(1);
  });
  auto start = std::chrono::steady_clock::now();
  int status = interp.run_source(
      "import _interpreters\n"
      "def spin(n):\n"
      "    while n:\n"
      "        n -= 1\n"
      "if __name__ == '__main__':\n"
      "    w = _interpreters.Worker()\n"
      "    w.submit('spin', (10 ** 12,))\n"
      "    w.submit('spin', (10 ** 12,))\n"
      "    w.result()\n",
      "prog.py");
  stopper.join();
  CHECK(status == kExitInterrupted);
  CHECK(sink.err.find("KeyboardInterrupt") != std::string::npos);
  CHECK(seconds_since(start) < 5.0);  // the worker ended its call; the queued one never ran
}

// Not run by default (timings): `terrarium_tests "[isolation-bench]"` prints how long one
// CPU-bound program takes alone and how long two take side by side on two threads.
TEST_CASE("parallel speed of two interpreters", "[.][isolation-bench]") {
  const std::string program = primes_program(400000);
  auto start = std::chrono::steady_clock::now();
  REQUIRE(run_program(program).status == kExitOk);
  double one = seconds_since(start);
  start = std::chrono::steady_clock::now();
  auto outcomes = run_in_parallel({program, program});
  double two = seconds_since(start);
  REQUIRE(outcomes[0].out == outcomes[1].out);
  std::printf("one interpreter: %.3f s; two in parallel: %.3f s; throughput x%.2f\n", one, two, 2 * one / two);
}
