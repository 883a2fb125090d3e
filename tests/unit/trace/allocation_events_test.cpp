// Allocation and free events (core/trace/allocation_hooks): an observer that asks for
// them hears of every object made and freed, free-listed ints and floats included; one
// that does not ask hears nothing.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include "objects/typeobject.hpp"
#include "test_support.hpp"
#include "trace/observer.hpp"

#if TERRARIUM_TRACE_HOOKS

namespace {

class AllocationCounter : public terrarium::TraceObserver {
 public:
  explicit AllocationCounter(bool wants) : wants_(wants) {}
  bool on_instruction(terrarium::ThreadState*, const terrarium::Frame&, int, int) override { return true; }
  bool wants_allocations() const override { return wants_; }
  void on_alloc(const terrarium::Object* obj) override {
    ++allocated[obj->ob_type->tp_name];
    live.insert(obj);
  }
  void on_free(const terrarium::Object* obj) override {
    ++freed[obj->ob_type->tp_name];
    live.erase(obj);
  }
  std::map<std::string, int> allocated, freed;
  std::set<const terrarium::Object*> live;

 private:
  bool wants_;
};

}  // namespace

TEST_CASE("an observer that wants allocations hears of lists, ints and floats made and freed", "[trace]") {
  terrarium::test::CaptureSink sink;
  AllocationCounter counter(true);
  {
    terrarium::Interpreter interp(sink);
    interp.set_trace_observer(&counter);
    // 10**12 and the floats are not cached: they come from object_alloc or a free list.
    REQUIRE(interp.run_source("for i in range(3):\n    x = [i, 10**12 + i, i * 1.5]\n    del x\nprint('ok')\n",
                              "prog.py") == 0);
    interp.set_trace_observer(nullptr);
  }
  CHECK(sink.out == "ok\n");
  CHECK(counter.allocated["list"] >= 3);
  CHECK(counter.freed["list"] >= 3);
  CHECK(counter.allocated["int"] >= 3);
  CHECK(counter.allocated["float"] >= 3);
  CHECK(counter.freed["float"] >= 3);
}

TEST_CASE("an observer that does not want allocations hears none", "[trace]") {
  terrarium::test::CaptureSink sink;
  AllocationCounter counter(false);
  terrarium::Interpreter interp(sink);
  interp.set_trace_observer(&counter);
  REQUIRE(interp.run_source("x = [1.5, 2.5]\ndel x\n", "prog.py") == 0);
  interp.set_trace_observer(nullptr);
  CHECK(counter.allocated.empty());
  CHECK(counter.freed.empty());
}

#endif
