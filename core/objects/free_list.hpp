// Recently freed objects of one exact built-in type, handed to the next allocation of
// that type instead of going back to malloc: float and int arithmetic allocates a new
// object per result, and this halves its cost. CPython keeps such lists too (floats,
// tuples). One list per thread, so no locking.
#pragma once
#include <cstddef>
#include <cstdlib>
#include "objects/object.hpp"

namespace terrarium {

template <std::size_t N>
class FreeList {
 public:
  // A freed object's memory, or null when the list is empty. The caller re-initialises it.
  Object* pop() { return count_ ? items_[--count_] : nullptr; }
  // Keeps `o` (an exact instance with no prefix words, refcount zero) if there is room.
  bool push(Object* o) {
    if (count_ == N) return false;
    items_[count_++] = o;
    return true;
  }
  FreeList() = default;
  FreeList(const FreeList&) = delete;
  FreeList& operator=(const FreeList&) = delete;
  ~FreeList() {
    while (count_) std::free(items_[--count_]);
  }

 private:
  Object* items_[N];
  std::size_t count_ = 0;
};

}  // namespace terrarium
