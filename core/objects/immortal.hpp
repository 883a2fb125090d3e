// Immortality for what one-time global initialisation creates: the dicts, MRO tuples,
// descriptors and names that readying the static types allocates are reachable from
// every interpreter, so they must never be freed nor have their counts written.
// Owns the "initialisation window"; the refcount rule itself is in object.hpp.
#pragma once
#include <atomic>
#include "objects/object.hpp"

namespace terrarium {

// Gives `o` an immortal count and takes it out of the cycle collector's lists (the
// collector of the interpreter that happened to build it must not own it).
void make_immortal(Object* o);

// Between begin and end, every object the calling thread allocates is remembered; end
// makes those still alive immortal. Called once, under std::call_once, by
// ready_builtin_types. Other threads' allocations are not affected.
void immortal_window_begin();
void immortal_window_end();

// Hooks for object_alloc / object_free; a relaxed load and a predicted branch when closed.
extern std::atomic<bool> immortal_window_open;
void immortal_window_allocated(Object* o);
void immortal_window_freed(Object* o);

}  // namespace terrarium
