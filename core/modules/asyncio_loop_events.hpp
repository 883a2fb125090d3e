// The asyncio loop's events as the host (and later the trace pane) sees them, and the
// hooks a host installs on the interpreter to receive them or to pick the virtual clock.
// The loop core emits timer and step events itself; task events come from the Python
// layer (core/pylib/asyncio) through the loop object's emit().
#pragma once
#include <cstdint>
#include <functional>
#include <string>

namespace terrarium {

// One definition of the event kinds: X(name, "text the host sees").
#define TERRARIUM_LOOP_EVENTS(X)                                       \
  X(TaskCreated, "task_created")     /* a Task was made for a coro */ \
  X(TaskScheduled, "task_scheduled") /* its next step is queued */    \
  X(TaskStarted, "task_started")     /* its first step runs */        \
  X(TaskSuspended, "task_suspended") /* it awaits; detail: on what */ \
  X(TaskResumed, "task_resumed")     /* a later step runs */          \
  X(TaskDone, "task_done")           /* returned a result */          \
  X(TaskCancelled, "task_cancelled")                                  \
  X(TaskFailed, "task_failed")       /* raised; detail: exception */  \
  X(TimerArmed, "timer_armed")       /* call_at/call_later */         \
  X(TimerFired, "timer_fired")       /* moved to the ready queue */

enum class LoopEventKind : std::uint8_t {
#define TERRARIUM_LOOP_EVENT_ENUM(name, text) name,
  TERRARIUM_LOOP_EVENTS(TERRARIUM_LOOP_EVENT_ENUM)
#undef TERRARIUM_LOOP_EVENT_ENUM
};

// "task_created" for LoopEventKind::TaskCreated; null for an unknown value.
const char* loop_event_name(LoopEventKind kind);
// The kind whose name is `text`; false when there is none.
bool loop_event_from_name(const std::string& text, LoopEventKind& out);

struct LoopEvent {
  LoopEventKind kind;
  double loop_time;     // the loop's clock when it happened (virtual or real)
  std::uint64_t loop_id;  // which loop: loops count from 1 per interpreter
  std::string subject;  // a task's name, or a timer's sequence number
  std::string detail;   // what it waits on, its exception, a timer's deadline
};

// Installed by the host on InterpreterState::loop_hooks; every new loop copies them.
struct LoopHostHooks {
  std::function<void(const LoopEvent&)> on_event;  // may be empty
  bool virtual_clock = false;                      // loops start on the virtual clock
  std::uint64_t loops_made = 0;                    // numbers loops for LoopEvent::loop_id
};

}  // namespace terrarium
