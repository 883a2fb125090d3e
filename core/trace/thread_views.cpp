// Snapshot.thread and Snapshot.threads: the paused thread and all live ones, in start order.
#include "trace/thread_views.hpp"

#include <algorithm>
#include <vector>
#include <nlohmann/json.hpp>
#include "trace/snapshot.hpp"
#include "vm/gil.hpp"
#include "vm/interpreter_state.hpp"
#include "vm/thread_names.hpp"

namespace terrarium {

namespace {

using nlohmann::json;

}  // namespace

void add_thread_views(ThreadState* paused, const ProgramCodes& program, EvalGuard& guard, json& snap) {
  // Serial 0 is the main thread and next_serial starts at 1: above that, a thread started.
  if (!paused->runtime || paused->runtime->next_serial.load() <= 1) return;
  InterpreterState* interp = paused->interp;
  std::vector<const ThreadState*> live{&interp->main_thread};
  live.insert(live.end(), interp->threads.begin(), interp->threads.end());
  std::sort(live.begin(), live.end(), [](const ThreadState* a, const ThreadState* b) { return a->serial < b->serial; });
  json threads = json::array();
  for (const ThreadState* t : live) {
    bool current = t == paused;
    std::string name = thread_display_name(*t);
    if (current) snap["thread"] = {{"serial", t->serial}, {"name", name}};
    // The paused thread's frames are the snapshot's own; the others stopped where the
    // green scheduler switched away from them (or where they wait).
    json frames = current ? snap["frames"] : program_stack_json(paused, t, program, guard);
    threads.push_back({{"serial", t->serial},
                       {"name", std::move(name)},
                       {"current", current},
                       {"state", t->waiting_for ? "waiting" : "running"},
                       {"frames", std::move(frames)}});
  }
  snap["threads"] = std::move(threads);
}

}  // namespace terrarium
