// Evaluates a Python expression in a paused frame (a conditional breakpoint), with the
// frame's variables as eval's locals, under an EvalGuard so it cannot hang the session.
#pragma once
#include <string>

namespace terrarium {

struct Frame;
struct ThreadState;
struct EvalGuard;

enum class ConditionResult { False, True, Error };

// bool(eval(expression, frame globals, frame variables)); leaves no exception set.
ConditionResult eval_condition(ThreadState* ts, const Frame& frame, const std::string& expression, EvalGuard& guard);

}  // namespace terrarium
