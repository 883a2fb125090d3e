// The CLI's output sink: stdout buffered like CPython's when it is a pipe (line-buffered
// on a terminal), stderr unbuffered.
#pragma once
#include <cstdio>
#include <string>
#include "terrarium/interpreter.hpp"

namespace terrarium::cli {

class NativeOutput : public OutputSink {
 public:
  NativeOutput();
  ~NativeOutput() override;
  void write(int stream, std::string_view text) override;
  void flush();

 private:
  std::string stdout_buffer_;
  bool stdout_is_tty_;
};

}  // namespace terrarium::cli
