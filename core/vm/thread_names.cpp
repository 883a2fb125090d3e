// thread_display_name: the Python name threading reported, else a fallback in its style.
#include "vm/thread_names.hpp"

#include "vm/thread_state.hpp"

namespace terrarium {

std::string thread_display_name(const ThreadState& thread) {
  if (!thread.python_name.empty()) return thread.python_name;
  return thread.serial == 0 ? "MainThread" : "Thread-" + std::to_string(thread.serial);
}

}  // namespace terrarium
