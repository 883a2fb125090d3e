// describe_deadlock: one line per waiting thread, named as threading names it
// (vm/thread_names.hpp).
#include "vm/deadlock_report.hpp"

#include <cstdio>
#include "objects/typeobject.hpp"
#include "vm/green_scheduler.hpp"
#include "vm/interpreter_state.hpp"
#include "vm/thread_names.hpp"

namespace terrarium {

namespace {

std::string where(const ThreadState* ts) {
  const Frame* f = ts->frame;
  if (!f || !f->code) return "";
  return " in " + f->code->co_name + "() at " + f->code->co_filename + ":" + std::to_string(f->lineno());
}

std::string address(const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", p);
  return buf;
}

}  // namespace

std::string describe_deadlock(ThreadState* running, const std::vector<WaitingThread>& waiting) {
  std::string text = "Deadlock: every thread is waiting and none can go on (Stop or Ctrl-C ends the program):\n";
  for (const WaitingThread& w : waiting) {
    text += "  " + thread_display_name(*w.ts) + " waits" + where(w.ts);
    if (const WaitSubject* s = w.subject) {
      if (s->object) {
        auto* o = static_cast<const Object*>(s->object);
        text += std::string(" for <") + o->ob_type->tp_name + " object at " + address(o) + ">";
      } else {
        text += std::string(" for ") + s->what;
      }
      if (std::uint64_t holder = s->holder_ident ? s->holder_ident->load() : 0) {
        const ThreadState* owner = holder == running->interp->main_thread.ident ? &running->interp->main_thread : nullptr;
        for (const ThreadState* t : running->interp->threads)
          if (t->ident == holder) owner = t;
        // A plain lock may stay held after the thread that took it has ended.
        text += ", held by " + (owner ? thread_display_name(*owner) : std::string("a thread that has ended"));
      }
    }
    text += "\n";
  }
  return text;
}

}  // namespace terrarium
