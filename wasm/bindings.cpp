// Embind bindings: the browser's view of the interpreter. One Interpreter per module
// instance (the VM worker loads one module). Output is handed to the page's
// Module.onOutput(stream, text) as it is printed; C++ exceptions never cross into JS.
#include <emscripten/bind.h>
#include <emscripten/em_asm.h>

#include <memory>
#include <string>
#include "terrarium/interpreter.hpp"

namespace {

class JsOutput : public terrarium::OutputSink {
 public:
  void write(int stream, std::string_view text) override {
    EM_ASM({ if (Module["onOutput"]) Module["onOutput"]($0, UTF8ToString($1, $2)); }, stream, text.data(),
           text.size());
  }
};

struct Runtime {
  JsOutput out;
  terrarium::Interpreter interp{out};
};

Runtime& runtime() {
  static Runtime r;  // the module instance's one interpreter
  return r;
}

int run_source(std::string source, std::string filename) {
  try {
    return runtime().interp.run_source(source, filename);
  } catch (const std::exception& e) {
    runtime().out.write(2, std::string("terrarium: internal error: ") + e.what() + "\n");
    return 1;
  }
}

std::string disassemble(std::string source, std::string filename) {
  std::string text;
  if (!runtime().interp.disassemble_source(source, filename, text)) return "";
  return text;
}

std::uintptr_t interrupt_flag_address() { return reinterpret_cast<std::uintptr_t>(&runtime().interp.interrupt_flag()); }
void clear_interrupt() { runtime().interp.interrupt_flag().store(0); }
std::string version() { return terrarium::version(); }
bool threaded() {
#ifdef __EMSCRIPTEN_PTHREADS__
  return true;
#else
  return false;
#endif
}

}  // namespace

EMSCRIPTEN_BINDINGS(terrarium) {
  emscripten::function("runSource", &run_source);
  emscripten::function("disassemble", &disassemble);
  emscripten::function("interruptFlagAddress", &interrupt_flag_address);
  emscripten::function("clearInterrupt", &clear_interrupt);
  emscripten::function("version", &version);
  emscripten::function("threaded", &threaded);
}
