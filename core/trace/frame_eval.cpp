// eval() in a paused frame: functions keep their variables in fast slots, so they are
// copied into a dict first (reads only: assignments in a condition do not reach the frame).
#include "trace/frame_eval.hpp"

#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/function.hpp"
#include "objects/str.hpp"
#include "trace/value_view.hpp"
#include "vm/interpreter_state.hpp"

namespace terrarium {

namespace {

// The frame's variables as a new dict (module and class bodies: their namespace).
Object* frame_variables(ThreadState* ts, const Frame& frame) {
  if (!(frame.code->co_flags & CO_OPTIMIZED) && frame.locals) return newref(frame.locals);
  Object* vars = new_dict(ts);
  if (!vars) return nullptr;
  Frame& f = const_cast<Frame&>(frame);
  for (int i = 0; i < frame.code->nlocalsplus(); ++i) {
    Object* value = f.localsplus[i];
    if (value && value->ob_type == &cell_type &&
        (frame.code->co_localspluskinds[static_cast<std::size_t>(i)] & (CO_FAST_CELL | CO_FAST_FREE)))
      value = static_cast<CellObject*>(value)->contents;
    if (value && !dict_set_item(ts, vars, frame.code->co_localsplusnames[static_cast<std::size_t>(i)], value)) {
      decref(vars);
      return nullptr;
    }
  }
  return vars;
}

}  // namespace

ConditionResult eval_condition(ThreadState* ts, const Frame& frame, const std::string& expression, EvalGuard& guard) {
  Object* saved = fetch_error(ts);
  Object* name = new_str(ts, "eval");
  Object* eval = name ? dict_get_str(ts->interp->builtins, name) : nullptr;
  xdecref(name);
  Object* vars = eval ? frame_variables(ts, frame) : nullptr;
  Object* text = vars ? new_str(ts, expression) : nullptr;
  int truth = -1;
  if (text) {
    Object* args[3] = {text, frame.globals, vars};
    guard.begin();
    Object* value = call_object(ts, eval, args, 3, nullptr);
    if (value) {
      truth = object_is_true(ts, value);
      decref(value);
    }
    guard.active = false;
  }
  xdecref(text);
  xdecref(vars);
  if (error_occurred(ts)) clear_error(ts);
  ts->curexc = saved;
  return truth < 0 ? ConditionResult::Error : truth ? ConditionResult::True : ConditionResult::False;
}

}  // namespace terrarium
