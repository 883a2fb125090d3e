// The cycle collector through the embedding API: its phases as an observer sees them,
// and stress mode (a collection after every container allocation) leaving a program's
// output unchanged.
#include <catch2/catch.hpp>

#include <string>
#include <vector>
#include "test_support.hpp"

using namespace terrarium;
using terrarium::test::CaptureSink;

namespace {

class PhaseLog : public GCObserver {
 public:
  void on_gc_phase(const GCPhase& phase) override { phases.push_back(phase); }
  std::vector<GCPhase> phases;
};

const char* kCycleProgram =
    "import gc\n"
    "class Node:\n"
    "    def __del__(self):\n"
    "        print('del', self.name)\n"
    "a, b = Node(), Node()\n"
    "a.name, b.name = 'a', 'b'\n"
    "a.peer, b.peer = b, a\n"
    "del a, b\n"
    "print('collected', gc.collect() >= 2)\n";

}  // namespace

TEST_CASE("an observer sees every phase of a collection in CPython's order") {
  CaptureSink sink;
  Interpreter interp(sink);
  PhaseLog log;
  interp.set_gc_observer(&log);
  REQUIRE(interp.run_source(kCycleProgram, "prog.py") == kExitOk);
  interp.set_gc_observer(nullptr);
  CHECK(sink.out == "del a\ndel b\ncollected True\n");
  std::vector<std::string> names;
  for (const GCPhase& p : log.phases)
    if (p.generation == 2) names.push_back(p.name);
  REQUIRE(names.size() >= 9);
  std::vector<std::string> first(names.begin(), names.begin() + 9);
  CHECK(first == std::vector<std::string>{"start", "update_refs", "subtract_refs", "move_unreachable",
                                          "handle_weakrefs", "finalize", "handle_resurrected", "delete_garbage",
                                          "done"});
  // The two nodes and their two __dict__s are unreachable.
  for (const GCPhase& p : log.phases)
    if (p.generation == 2 && std::string(p.name) == "move_unreachable") {
      CHECK(p.objects >= 4);
      break;
    }
}

TEST_CASE("stress mode collects constantly without changing what a program prints") {
  const char* program =
      "data = {}\n"
      "for i in range(300):\n"
      "    row = [i, str(i), (i, i * 2), {'k': [i]}]\n"
      "    row.append(row)\n"
      "    data[i] = row[:3]\n"
      "def fib(n):\n"
      "    return n if n < 2 else fib(n - 1) + fib(n - 2)\n"
      "print(sum(v[0] for v in data.values()), fib(15), len(data))\n";
  CaptureSink plain_sink, stress_sink;
  {
    Interpreter plain(plain_sink);
    REQUIRE(plain.run_source(program, "prog.py") == kExitOk);
  }
  Interpreter stressed(stress_sink);
  stressed.set_gc_stress(true);
  PhaseLog log;
  stressed.set_gc_observer(&log);
  REQUIRE(stressed.run_source(program, "prog.py") == kExitOk);
  stressed.set_gc_observer(nullptr);
  CHECK(stress_sink.out == plain_sink.out);
  CHECK(stress_sink.out == "44850 610 300\n");
  CHECK(log.phases.size() > 100);  // many generation-0 collections ran
}
