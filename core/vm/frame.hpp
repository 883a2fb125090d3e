// An executing frame, laid out as CPython 3.11's _PyInterpreterFrame: the fast locals
// (arguments, locals, cells, free variables) followed by the value stack in one block,
// allocated from the thread's frame stack so calls need no malloc.
// CPython: Include/internal/pycore_frame.h.
#pragma once
#include <cstdint>
#include "bytecode/code.hpp"

namespace terrarium {

struct FunctionObject;
struct ThreadState;

struct Frame {
  CodeObject* code;          // strong
  FunctionObject* func;      // strong; null for module and class bodies run directly
  Object* globals;           // borrowed from func or the caller
  Object* builtins;          // borrowed
  Object* locals;            // strong; a dict for module/class bodies, null in functions
  Frame* previous = nullptr;
  int lasti = 0;             // code-unit index of the instruction being executed
  int resume = 0;            // code-unit index to continue at after a call returns
  int stack_depth = 0;       // values on the stack while the frame is suspended in a call
  bool is_entry = false;     // returning from it returns from eval_frame to the C caller
  bool owned_by_generator = false;  // lives in a generator object, not on the frame stack
  bool suspended = false;    // stopped at YIELD_VALUE (set when eval_frame returns a yielded value)
  ThreadState* owner = nullptr;  // generator frames: the thread that finalises them
  // Numbered by FrameStack::push in order of creation, so a replayed run gives each frame
  // the same number (the trace's stable frame id); kept when a generator takes the frame.
  std::uint32_t serial = 0;
  // The Python-visible frame object (strong), made on demand by sys._getframe, gi_frame
  // and friends; release_frame hands it a snapshot. CPython: _PyInterpreterFrame.frame_obj.
  Object* frame_obj = nullptr;
  Object* localsplus[1];     // code->nlocalsplus() slots, then co_stacksize stack slots

  Object** stack_base() { return localsplus + code->nlocalsplus(); }
  int lineno() const { return code->co_positions[static_cast<std::size_t>(lasti)].lineno; }
};

// A chunked stack of frames per thread. CPython: _PyThreadState_PushFrame.
class FrameStack {
 public:
  FrameStack() = default;
  ~FrameStack();
  FrameStack(const FrameStack&) = delete;
  FrameStack& operator=(const FrameStack&) = delete;
  // Uninitialised except for code and the nulled locals; null if out of memory.
  Frame* push(CodeObject* code);
  void pop(Frame* f);

 private:
  struct Chunk {
    char* data;
    std::size_t size;
    std::size_t used;
  };
  std::vector<Chunk> chunks_;
  std::uint32_t next_serial_ = 1;
};

}  // namespace terrarium
