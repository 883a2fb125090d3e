// ValueView: a value as a pane shows it, its type and a repr that can never hang or fail.
// repr runs the program's own __repr__, so it is evaluated under an EvalGuard: the run
// controller stops any Python code that runs longer than the guard's step limit.
#pragma once
#include <cstdint>
#include <string>
#include <nlohmann/json_fwd.hpp>

namespace terrarium {

struct Object;
struct ThreadState;

// Shared between whoever evaluates Python code inside a paused program (reprs,
// breakpoint conditions) and the observer that counts its instructions.
struct EvalGuard {
  bool active = false;   // Python code run for the debugger, not the program's own steps
  std::uint64_t steps = 0;
  std::uint64_t limit = 20000;
  bool exceeded = false;  // the observer stopped it
  void begin() {
    active = true;
    steps = 0;
    exceeded = false;
  }
  // Called by the observer for each instruction while active: false stops the code.
  bool count_step() {
    if (++steps <= limit) return true;
    exceeded = true;
    return false;
  }
};

constexpr std::size_t kReprLimit = 120;  // characters (code points) before the '…'

// Cuts UTF-8 text to `limit` code points, ending with '…' when something was cut.
std::string truncate_text(const std::string& text, std::size_t limit = kReprLimit);
// Drops the ' at 0x7f…' of default reprs ('<function f at 0x…>' becomes '<function f>',
// '<code object f at 0x…, file …>' '<code object f, file …>'): addresses differ between
// replays, and a step back must show the same snapshot.
std::string without_addresses(const std::string& text);
// The name type(obj).__name__ gives.
std::string type_name(const Object* obj);
// repr(obj), truncated; '<repr raised ValueError>' or '<repr took too long>' when the
// program's __repr__ fails or loops. Leaves no exception set. Null shows as 'NULL'
// (the value stack's marker before a callable).
std::string safe_repr(ThreadState* ts, Object* obj, EvalGuard& guard);
nlohmann::json value_view(ThreadState* ts, Object* obj, EvalGuard& guard);

}  // namespace terrarium
