// Safe, short reprs for snapshots.
#include "trace/value_view.hpp"

#include <cctype>
#include <nlohmann/json.hpp>
#include "objects/abstract.hpp"
#include "objects/exceptions.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

std::string truncate_text(const std::string& text, std::size_t limit) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;  // continuation byte
    if (points++ == limit) return text.substr(0, i) + "\u2026";
  }
  return text;
}

std::string type_name(const Object* obj) {
  if (!obj) return "NULL";
  std::string name = obj->ob_type->tp_name;
  std::size_t dot = name.rfind('.');
  return dot == std::string::npos ? name : name.substr(dot + 1);
}

std::string without_addresses(const std::string& text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t at = text.find(" at 0x", i);
    if (at == std::string::npos) break;
    std::size_t end = at + 6;
    while (end < text.size() && std::isxdigit(static_cast<unsigned char>(text[end]))) ++end;
    out.append(text, i, at - i);
    bool ends_address = end < text.size() && (text[end] == '>' || text[end] == ',');
    if (end == at + 6 || !ends_address) out.append(text, at, end - at);
    i = end;
  }
  out.append(text, i, std::string::npos);
  return out;
}

std::string safe_repr(ThreadState* ts, Object* obj, EvalGuard& guard) {
  if (!obj) return "NULL";
  // The program may be part-way through raising: keep its exception out of the way.
  Object* saved = fetch_error(ts);
  bool was_active = guard.active;
  guard.begin();
  std::string text;
  bool ok = repr_string(ts, obj, text);
  guard.active = was_active;
  if (!ok) {
    Object* exc = fetch_error(ts);
    text = guard.exceeded ? "<repr took too long>" : "<repr raised " + type_name(exc) + ">";
    xdecref(exc);
  }
  ts->curexc = saved;
  return truncate_text(without_addresses(text));
}

nlohmann::json value_view(ThreadState* ts, Object* obj, EvalGuard& guard) {
  return {{"type", type_name(obj)}, {"repr", safe_repr(ts, obj, guard)}};
}

}  // namespace terrarium
