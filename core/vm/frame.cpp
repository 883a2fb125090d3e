// The frame stack: frames are carved from large chunks and released in LIFO order.
#include "vm/frame.hpp"

#include <cstdlib>

namespace terrarium {

namespace {
constexpr std::size_t kChunkSize = 256 * 1024;
std::size_t frame_bytes(const CodeObject* code) {
  std::size_t slots = static_cast<std::size_t>(code->nlocalsplus() + code->co_stacksize);
  std::size_t bytes = sizeof(Frame) + sizeof(Object*) * slots;
  return (bytes + 15) & ~std::size_t{15};
}
}  // namespace

FrameStack::~FrameStack() {
  for (Chunk& c : chunks_) std::free(c.data);
}

Frame* FrameStack::push(CodeObject* code) {
  std::size_t bytes = frame_bytes(code);
  if (chunks_.empty() || chunks_.back().used + bytes > chunks_.back().size) {
    // Reuse an emptied chunk left behind by pop() before allocating a new one.
    std::size_t size = bytes > kChunkSize ? bytes : kChunkSize;
    char* data = static_cast<char*>(std::malloc(size));
    if (!data) return nullptr;
    chunks_.push_back(Chunk{data, size, 0});
  }
  Chunk& c = chunks_.back();
  auto* f = reinterpret_cast<Frame*>(c.data + c.used);
  c.used += bytes;
  f->code = code;
  f->frame_obj = nullptr;
  f->serial = next_serial_++;
  int n = code->nlocalsplus();
  for (int i = 0; i < n; ++i) f->localsplus[i] = nullptr;
  return f;
}

void FrameStack::pop(Frame* f) {
  Chunk& c = chunks_.back();
  c.used = static_cast<std::size_t>(reinterpret_cast<char*>(f) - c.data);
  // Keep one spare chunk; free the rest so deep recursion does not pin memory.
  if (c.used == 0 && chunks_.size() > 1) {
    std::free(c.data);
    chunks_.pop_back();
  }
}

}  // namespace terrarium
