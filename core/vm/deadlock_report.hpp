// The text that says, when every thread of a program waits and none can go on, which
// thread waits where (function, file and line) for what, and who holds it. The green
// scheduler knows exactly when that happens; the OS-thread watchdog finds it out.
// Not here: detecting the deadlock.
#pragma once
#include <string>
#include <vector>

namespace terrarium {

struct ThreadState;
struct WaitSubject;

struct WaitingThread {
  ThreadState* ts;
  const WaitSubject* subject;  // may be null: "waits"
};

// `running` holds the GIL (thread names are read from the threading module's records).
std::string describe_deadlock(ThreadState* running, const std::vector<WaitingThread>& waiting);

}  // namespace terrarium
