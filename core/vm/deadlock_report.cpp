// describe_deadlock: one line per waiting thread. Names come from threading._active
// (ident -> Thread, its `_name` read from the instance dict so no Python code runs).
#include "vm/deadlock_report.hpp"

#include <cstdio>
#include "objects/dict.hpp"
#include "objects/int.hpp"
#include "objects/module.hpp"
#include "objects/str.hpp"
#include "objects/typeobject.hpp"
#include "vm/green_scheduler.hpp"
#include "vm/interpreter_state.hpp"

namespace terrarium {

namespace {

// Borrowed value of a str key in a dict, or null (errors cleared).
Object* lookup(ThreadState* ts, Object* dict, const char* key) {
  if (!dict) return nullptr;
  Object* k = new_str(ts, key);
  if (!k) {
    clear_error(ts);
    return nullptr;
  }
  Object* v = dict_get_item(ts, dict, k);
  decref(k);
  if (!v) clear_error(ts);
  return v;
}

std::string thread_name(ThreadState* running, std::uint64_t ident, std::uint64_t serial) {
  std::string fallback = serial == 0 ? "MainThread" : "thread " + std::to_string(serial);
  Object* threading = lookup(running, running->interp->modules, "threading");
  if (!threading || !is_instance(threading, &module_type)) return fallback;
  Object* active = lookup(running, module_dict(threading), "_active");
  if (!active || !is_instance(active, &dict_type)) return fallback;
  Object* key = new_int(running, static_cast<std::int64_t>(ident));
  Object* thread = dict_get_item(running, active, key);
  decref(key);
  if (!thread) {
    clear_error(running);
    return fallback;
  }
  Object* name = lookup(running, instance_dict(running, thread), "_name");
  return name && is_str(name) ? std::string(str_view(name)) : fallback;
}

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
    text += "  " + thread_name(running, w.ts->ident, w.ts->serial) + " waits" + where(w.ts);
    if (const WaitSubject* s = w.subject) {
      if (s->object) {
        auto* o = static_cast<const Object*>(s->object);
        text += std::string(" for <") + o->ob_type->tp_name + " object at " + address(o) + ">";
      } else {
        text += std::string(" for ") + s->what;
      }
      if (std::uint64_t holder = s->holder_ident ? s->holder_ident->load() : 0) {
        std::uint64_t serial = holder == running->interp->main_thread.ident ? 0 : ~0ull;
        for (const ThreadState* t : running->interp->threads)
          if (t->ident == holder) serial = t->serial;
        text += ", held by " + thread_name(running, holder, serial == ~0ull ? 1 : serial);
      }
    }
    text += "\n";
  }
  return text;
}

}  // namespace terrarium
