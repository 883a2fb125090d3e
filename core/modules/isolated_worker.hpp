// One isolated interpreter on its own OS thread, with its own heap (and, once threads
// land, its own GIL): it runs the main script's source as module __mp_main__, as
// multiprocessing's spawn start method does, then answers calls of its module-level
// functions one at a time, in the order they were submitted. Calls and replies carry
// CrossValues only, so no object is shared. Owns the thread, the queues and the output
// the worker prints; the Python-facing type is in interpreters_module.cpp.
#pragma once
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>
#include "modules/cross_value.hpp"

namespace terrarium {

struct ThreadRuntime;

struct WorkerCall {
  CrossValue function;   // a Global: a module-level function, found in the worker by name
  CrossValue args;       // a Tuple
  CrossValue kwargs;     // a Dict, or None for no keyword arguments
};

struct WorkerOutput {
  int stream;  // 1 stdout, 2 stderr
  std::string text;
};

struct WorkerReply {
  bool ok = false;
  CrossValue value;
  // When !ok: the exception's class as pickle names classes (module and qualname), its
  // args when they can cross, its message, and the traceback as the worker printed it.
  std::string exc_module, exc_qualname, exc_message, traceback;
  bool has_args = false;
  CrossValue exc_args;
  // What the worker printed while answering (or starting up, for the first reply): the
  // caller writes it to its own output, so one sink is never written from two threads.
  std::vector<WorkerOutput> output;
};

class IsolatedWorker {
 public:
  IsolatedWorker(std::string source, std::string filename, std::string module_name);
  ~IsolatedWorker();
  IsolatedWorker(const IsolatedWorker&) = delete;
  IsolatedWorker& operator=(const IsolatedWorker&) = delete;

  void submit(WorkerCall call);
  // Waits at most `slice` for the reply to the oldest unanswered call; true when `out`
  // holds it. Callers wait in slices so they can notice their own interrupt flag.
  bool wait_reply(WorkerReply& out, std::chrono::milliseconds slice);
  std::size_t unanswered() const;
  // What Ctrl-C does to a process pool's children: the call running in the worker gets
  // KeyboardInterrupt, and calls not yet started are dropped (they get no reply).
  void interrupt();
  // Lets the submitted calls finish, ends the interpreter on its thread and joins it.
  // Returns what the worker printed that no reply carried. Later calls do nothing.
  std::vector<WorkerOutput> close();

 private:
  void run();

  const std::string source_, filename_, module_name_;
  mutable std::mutex mutex_;
  std::condition_variable has_call_, has_reply_;
  std::deque<WorkerCall> calls_;
  std::deque<WorkerReply> replies_;
  std::size_t unanswered_ = 0;
  bool closing_ = false;
  bool running_ = false;  // a call is being answered: an interrupt is for it
  std::vector<WorkerOutput> final_output_;  // written by the worker thread before it ends
  std::shared_ptr<ThreadRuntime> runtime_;  // the worker interpreter's GIL and eval breaker while it runs
  std::thread thread_;
};

}  // namespace terrarium
