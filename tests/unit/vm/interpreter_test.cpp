// Guards the eval loop and the embedding API: output, exit statuses, tracebacks and the
// host interrupt (KeyboardInterrupt) delivered from another thread.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>
#include "test_support.hpp"

using namespace terrarium;
using terrarium::test::CaptureSink;
using terrarium::test::run_program;

TEST_CASE("a program's prints reach the sink") {
  auto r = run_program("x = 6\ny = 7\nprint(x * y)\nprint('a', 'b', sep='-')\n");
  CHECK(r.status == kExitOk);
  CHECK(r.out == "42\na-b\n");
  CHECK(r.err.empty());
}

TEST_CASE("loops, conditions and augmented assignment compute the right values") {
  auto r = run_program(
      "total = 0\ni = 0\nwhile i < 100:\n    i += 1\n    if i % 3 == 0 or i % 5 == 0:\n        total += i\n"
      "print(total)\n");
  CHECK(r.out == "2418\n");
}

TEST_CASE("an uncaught exception prints CPython's traceback and exits with status 1") {
  auto r = run_program("print('before')\nz = 10 / (5 - 5)\n");
  CHECK(r.status == kExitError);
  CHECK(r.out == "before\n");
  CHECK(r.err ==
        "Traceback (most recent call last):\n"
        "  File \"prog.py\", line 2, in <module>\n"
        "    z = 10 / (5 - 5)\n"
        "        ~~~^~~~~~~~~\n"
        "ZeroDivisionError: division by zero\n");
}

TEST_CASE("a NameError suggests a close name, as CPython does") {
  auto r = run_program("counter = 1\nprint(countr)\n");
  CHECK(r.err.find("NameError: name 'countr' is not defined. Did you mean: 'counter'?") != std::string::npos);
}

TEST_CASE("a syntax error is reported without running anything") {
  auto r = run_program("print('never')\nx = = 1\n");
  CHECK(r.status == kExitError);
  CHECK(r.out.empty());
  CHECK(r.err == "  File \"prog.py\", line 2\n    x = = 1\n        ^\nSyntaxError: invalid syntax\n");
}

TEST_CASE("the host interrupt flag stops an endless loop with KeyboardInterrupt") {
  CaptureSink sink;
  Interpreter interp(sink);
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    interp.interrupt_flag().fetch_or(1);
  });
  int status = interp.run_source("while True:\n    pass\n", "prog.py");
  stopper.join();
  CHECK(status == kExitInterrupted);
  CHECK(sink.err.find("KeyboardInterrupt\n") != std::string::npos);
  CHECK(sink.err.rfind("Traceback (most recent call last):", 0) == 0);
}

TEST_CASE("the interpreter can run several programs in turn") {
  CaptureSink sink;
  Interpreter interp(sink);
  CHECK(interp.run_source("a = 1\nprint(a)\n", "one.py") == 0);
  CHECK(interp.run_source("print(a)\n", "two.py") == 1);  // fresh globals per run
  CHECK(sink.out == "1\n");
}
