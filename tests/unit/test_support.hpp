// Helpers shared by the unit tests: an output sink that records what a program prints,
// and a one-call way to run source text.
#pragma once
#include <string>
#include "terrarium/interpreter.hpp"

namespace terrarium::test {

class CaptureSink : public OutputSink {
 public:
  void write(int stream, std::string_view text) override { (stream == 2 ? err : out).append(text); }
  std::string out;
  std::string err;
};

struct RunOutcome {
  int status;
  std::string out;
  std::string err;
};

inline RunOutcome run_program(const std::string& source) {
  CaptureSink sink;
  Interpreter interp(sink);
  int status = interp.run_source(source, "prog.py");
  return {status, sink.out, sink.err};
}

}  // namespace terrarium::test
