// Names of the asyncio loop's event kinds, expanded from the one list in the header.
#include "modules/asyncio_loop_events.hpp"

namespace terrarium {

namespace {
struct NamedKind {
  LoopEventKind kind;
  const char* name;
};
const NamedKind kNamedKinds[] = {
#define TERRARIUM_LOOP_EVENT_ROW(name, text) {LoopEventKind::name, text},
    TERRARIUM_LOOP_EVENTS(TERRARIUM_LOOP_EVENT_ROW)
#undef TERRARIUM_LOOP_EVENT_ROW
};
}  // namespace

const char* loop_event_name(LoopEventKind kind) {
  for (const NamedKind& k : kNamedKinds)
    if (k.kind == kind) return k.name;
  return nullptr;
}

bool loop_event_from_name(const std::string& text, LoopEventKind& out) {
  for (const NamedKind& k : kNamedKinds)
    if (text == k.name) {
      out = k.kind;
      return true;
    }
  return false;
}

}  // namespace terrarium
