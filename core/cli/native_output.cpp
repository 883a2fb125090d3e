#include "cli/native_output.hpp"

#include <unistd.h>

namespace terrarium::cli {

namespace {
constexpr std::size_t kBufferLimit = 8192;  // CPython's io.DEFAULT_BUFFER_SIZE
}

NativeOutput::NativeOutput() : stdout_is_tty_(isatty(STDOUT_FILENO) == 1) {}
NativeOutput::~NativeOutput() { flush(); }

void NativeOutput::write(int stream, std::string_view text) {
  if (stream == 2) {
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
    return;
  }
  stdout_buffer_.append(text);
  if (stdout_buffer_.size() >= kBufferLimit || (stdout_is_tty_ && text.find('\n') != std::string_view::npos)) flush();
}

void NativeOutput::flush() {
  if (stdout_buffer_.empty()) return;
  std::fwrite(stdout_buffer_.data(), 1, stdout_buffer_.size(), stdout);
  std::fflush(stdout);
  stdout_buffer_.clear();
}

}  // namespace terrarium::cli
