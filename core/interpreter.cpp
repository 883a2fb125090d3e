// The embedding API's implementation: compile, run in a fresh __main__ namespace, and
// report uncaught exceptions the way the `python3` command does.
#include "terrarium/interpreter.hpp"

#include "bytecode/dis.hpp"
#include "compiler/codegen.hpp"
#include "modules/builtins.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/str.hpp"
#include "objects/typeobject.hpp"
#include "vm/eval.hpp"
#include "vm/interpreter_state.hpp"
#include "vm/traceback.hpp"

namespace terrarium {

const char* version() { return "0.1.0"; }

Interpreter::Interpreter(OutputSink& out) : state_(std::make_unique<InterpreterState>()) {
  state_->out = &out;
  ThreadState* ts = &state_->main_thread;
  ts->interp = state_.get();
  ts->eval_breaker = &state_->interrupt;
  // Built-in types are readied once per process; the builtins namespace is per interpreter.
  if (!ready_builtin_types(ts)) clear_error(ts);
  state_->builtins = make_builtins(ts);
  state_->str_build_class = new_str(ts, "__build_class__");
}

Interpreter::~Interpreter() {
  xdecref(state_->builtins);
  xdecref(state_->str_build_class);
  clear_error(&state_->main_thread);
}

std::atomic<std::uint8_t>& Interpreter::interrupt_flag() { return state_->interrupt; }

int Interpreter::run_source(std::string_view source, const std::string& filename, bool show_source_lines) {
  ThreadState* ts = &state_->main_thread;
  state_->interrupt.store(0);
  CompileResult compiled = compile_module(ts, source, filename, show_source_lines);
  if (!compiled.code) {
    state_->out->write(2, format_syntax_error(compiled.error, filename, source));
    return kExitError;
  }
  Object* globals = new_dict(ts);
  Object* name_key = new_str(ts, "__name__");
  Object* name_value = new_str(ts, "__main__");
  bool ok = dict_set_item(ts, globals, name_key, name_value);
  decref(name_key);
  decref(name_value);
  Object* result = ok ? eval_code(ts, compiled.code, globals, state_->builtins, globals) : nullptr;
  int status = kExitOk;
  if (result) {
    decref(result);
  } else {
    Object* exc = fetch_error(ts);
    state_->out->write(2, format_exception(ts, exc));
    status = is_instance(exc, &exc_KeyboardInterrupt) ? kExitInterrupted : kExitError;
    decref(exc);
  }
  decref(globals);
  decref(compiled.code);
  return status;
}

bool Interpreter::disassemble_source(std::string_view source, const std::string& filename, std::string& out) {
  ThreadState* ts = &state_->main_thread;
  CompileResult compiled = compile_module(ts, source, filename, false);
  if (!compiled.code) {
    state_->out->write(2, format_syntax_error(compiled.error, filename, source));
    return false;
  }
  bool ok = disassemble(ts, compiled.code, out);
  decref(compiled.code);
  if (!ok) {
    Object* exc = fetch_error(ts);
    state_->out->write(2, format_exception(ts, exc));
    decref(exc);
  }
  return ok;
}

}  // namespace terrarium
