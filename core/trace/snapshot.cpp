// Builds Snapshot JSON from the live frames of a paused program.
#include "trace/snapshot.hpp"

#include <algorithm>
#include <vector>
#include <nlohmann/json.hpp>
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/function.hpp"
#include "objects/generator.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "trace/program_info.hpp"
#include "trace/thread_views.hpp"
#include "trace/value_view.hpp"
#include "vm/interpreter_state.hpp"

namespace terrarium {

namespace {

using nlohmann::json;

const char* frame_kind(const CodeObject* code, int index) {
  if (index == 0) return "module";
  if (code->co_flags & CO_GENERATOR) return "generator";
  if (code->co_flags & CO_COROUTINE) return "coroutine";
  if (code->co_flags & CO_ASYNC_GENERATOR) return "async_generator";
  // Class bodies run with a namespace dict, not fast locals (no CO_OPTIMIZED).
  return (code->co_flags & CO_OPTIMIZED) ? "function" : "class";
}

json named(ThreadState* ts, const std::string& name, Object* value, EvalGuard& guard) {
  json v = value_view(ts, value, guard);
  v["name"] = name;
  return v;
}

bool is_dunder(std::string_view name) {
  return name.size() > 4 && name.substr(0, 2) == "__" && name.substr(name.size() - 2) == "__";
}

// Module and class bodies keep their names in a dict; the dunders (__name__,
// __builtins__, __module__, ...) are the interpreter's, not the learner's.
void namespace_locals(ThreadState* ts, Object* dict, EvalGuard& guard, json& out) {
  if (!dict || !is_instance(dict, &dict_type)) return;
  for (const DictEntry& e : *static_cast<DictObject*>(dict)->entries) {
    if (!e.key || !e.value || !is_str(e.key) || is_dunder(str_view(e.key))) continue;
    out.push_back(named(ts, std::string(str_view(e.key)), e.value, guard));
  }
}

json frame_view(ThreadState* ts, const Frame& frame, int code_index, EvalGuard& guard) {
  const CodeObject* code = frame.code;
  json locals = json::array();
  json cells = json::array();
  Frame& f = const_cast<Frame&>(frame);  // read only; localsplus has no const accessor
  for (int i = 0; i < code->nlocalsplus(); ++i) {
    std::string name(str_view(code->co_localsplusnames[static_cast<std::size_t>(i)]));
    Object* value = f.localsplus[i];
    std::uint8_t kind = code->co_localspluskinds[static_cast<std::size_t>(i)];
    if (kind & (CO_FAST_CELL | CO_FAST_FREE)) {
      // Before MAKE_CELL runs, a cell slot still holds the plain argument value.
      if (value && value->ob_type == &cell_type) value = static_cast<CellObject*>(value)->contents;
      if (value) {
        cells.push_back(named(ts, name, value, guard));
      } else {
        cells.push_back({{"name", name}, {"type", "cell"}, {"repr", "<empty>"}});
      }
    } else if (value) {
      locals.push_back(named(ts, name, value, guard));
    }
  }
  if (!(code->co_flags & CO_OPTIMIZED)) namespace_locals(ts, frame.locals, guard, locals);
  json stack = json::array();
  for (int i = 0; i < frame.stack_depth; ++i) stack.push_back(value_view(ts, f.stack_base()[i], guard));
  int line = frame.lineno();
  return {{"id", frame.serial},
          {"kind", frame_kind(code, code_index)},
          {"qualname", code->co_qualname},
          {"code", code_index},
          {"offset", frame.lasti * 2},
          {"line", line > 0 ? json(line) : json(nullptr)},
          {"locals", std::move(locals)},
          {"cells", std::move(cells)},
          {"stack", std::move(stack)}};
}

// Generators and coroutines that exist but are not running, found through the cycle
// collector's lists (every one of them is a tracked container), oldest frame first.
std::vector<const Frame*> suspended_frames(ThreadState* ts, const ProgramCodes& program) {
  std::vector<const Frame*> found;
  GCState& gc = ts->interp->gc;
  auto scan = [&](GCHead* list) {
    for (GCHead* g = list->next; g != list; g = g->next) {
      Object* o = gc_object(g);
      if (!is_gen_like(o)) continue;
      auto* gen = static_cast<GeneratorObject*>(o);
      if (gen->running || !gen->frame || program.index_of(gen->frame->code) < 0) continue;
      found.push_back(gen->frame);
    }
  };
  for (GCGeneration& generation : gc.generations) scan(&generation.head);
  scan(&gc.permanent);
  std::sort(found.begin(), found.end(), [](const Frame* a, const Frame* b) { return a->serial < b->serial; });
  return found;
}

}  // namespace

json exception_view_json(ThreadState* ts, Object* exc, EvalGuard& guard) {
  std::string message;
  Object* saved = fetch_error(ts);
  guard.begin();
  Object* text = object_str(ts, exc);
  guard.active = false;
  if (text) {
    message = truncate_text(std::string(str_view(text)), 4 * kReprLimit);
    decref(text);
  } else {
    clear_error(ts);
    message = "<str raised>";
  }
  ts->curexc = saved;
  return {{"type", type_name(exc)}, {"message", message}};
}

bool find_exception_handler(const Frame& frame, int& target_offset) {
  for (const ExceptionTableEntry& e : frame.code->co_exceptiontable) {
    if (frame.lasti >= e.start && frame.lasti < e.end) {
      target_offset = e.target * 2;
      return true;
    }
  }
  return false;
}

json program_stack_json(ThreadState* running, const ThreadState* owner, const ProgramCodes& program,
                        EvalGuard& guard) {
  std::vector<const Frame*> stack;
  for (const Frame* f = owner->frame; f; f = f->previous)
    if (program.index_of(f->code) >= 0) stack.push_back(f);
  std::reverse(stack.begin(), stack.end());
  json frames = json::array();
  for (const Frame* f : stack) frames.push_back(frame_view(running, *f, program.index_of(f->code), guard));
  return frames;
}

json snapshot_json(ThreadState* ts, const ProgramCodes& program, EvalGuard& guard, const SnapshotInput& input) {
  json frames = program_stack_json(ts, ts, program, guard);
  json line = frames.empty() ? json(nullptr) : frames.back()["line"];
  json suspended = json::array();
  for (const Frame* f : suspended_frames(ts, program))
    suspended.push_back(frame_view(ts, *f, program.index_of(f->code), guard));
  json snap = {{"step", input.step},
               {"reason", input.reason},
               {"line", std::move(line)},
               {"frames", std::move(frames)},
               {"suspended", std::move(suspended)},
               {"outputLength", input.output_length}};
  // The exception just raised (with the handler it is going to), else the one an
  // except block is handling.
  if (input.raised) {
    snap["exception"] = *input.raised;
  } else if (!ts->handled.empty() && ts->handled.back() && ts->handled.back() != py_none()) {
    snap["exception"] = exception_view_json(ts, ts->handled.back(), guard);
  }
  add_thread_views(ts, program, guard, snap);
  return snap;
}

json finished_snapshot_json(std::uint64_t step, std::size_t output_length, int status) {
  return {{"step", step},         {"reason", "finished"},          {"line", nullptr},
          {"frames", json::array()}, {"suspended", json::array()}, {"outputLength", output_length},
          {"status", status}};
}

}  // namespace terrarium
