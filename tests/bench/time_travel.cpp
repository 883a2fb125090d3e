// Times the run controller's time travel (core/trace/replay.hpp): start a debug session
// on a program, go forward to step N, then one step back and back to step 1, printing
// each command's wall time. tests/bench/time_travel.py runs it and adds the peak memory.
//   terrarium_time_travel PROGRAM.py STEPS...
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include "trace/run_controller.hpp"

namespace {

double timed_ms(terrarium::RunController& controller, const nlohmann::json& command) {
  auto start = std::chrono::steady_clock::now();
  controller.command(command);
  auto end = std::chrono::steady_clock::now();
  return std::chrono::duration<double, std::milli>(end - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s PROGRAM.py STEPS...\n", argv[0]);
    return 2;
  }
  std::ifstream file(argv[1]);
  std::stringstream source;
  source << file.rdbuf();
  terrarium::RunController controller(source.str(), argv[1], {}, 1);
  nlohmann::json program;
  std::string error;
  if (!controller.start(program, error)) {
    std::fputs(error.c_str(), stderr);
    return 1;
  }
  for (int i = 2; i < argc; ++i) {
    std::uint64_t target = std::stoull(argv[i]);
    double forward = timed_ms(controller, {{"kind", "goto"}, {"step", target}});
    double back = timed_ms(controller, {{"kind", "back"}});
    double to_start = timed_ms(controller, {{"kind", "goto"}, {"step", 1}});
    std::printf("%llu %.1f %.1f %.1f\n", static_cast<unsigned long long>(target), forward, back, to_start);
  }
  return 0;
}
