// Frame objects: the Python view of an executing frame (sys._getframe(), gi_frame,
// tb_frame's cousins). While the frame runs the object reads it live; when the frame is
// released it keeps a snapshot (locals, line, last instruction, caller) so it stays valid.
// CPython: Objects/frameobject.c, take_ownership() in Python/frame.c.
#pragma once
#include "objects/object.hpp"

namespace terrarium {

struct Frame;

extern TypeObject frame_type;

// The frame object of `frame` (borrowed: the frame holds it), made on first request;
// null with an error set when out of memory.
[[nodiscard]] Object* frame_object_for(ThreadState* ts, Frame* frame);
// release_frame calls this while `frame`'s locals are still alive: the frame object takes
// a snapshot and forgets the frame. Drops the frame's reference to it.
void frame_object_detach(ThreadState* ts, Frame* frame);
// A frame moved (a generator's frame left the frame stack): repoint its frame object.
void frame_object_moved(Frame* frame);

}  // namespace terrarium
