// slice objects and index normalisation for sequences. CPython: Objects/sliceobject.c.
#pragma once
#include "objects/object.hpp"

namespace terrarium {

struct SliceObject : Object {
  Object* start;
  Object* stop;
  Object* step;
};

extern TypeObject slice_type;

[[nodiscard]] Object* new_slice(ThreadState* ts, Object* start, Object* stop, Object* step);  // null step = None
inline bool is_slice(Object* o) { return o->ob_type == &slice_type; }
// CPython: PySlice_Unpack + PySlice_AdjustIndices. Returns the item count, or -1 on error.
[[nodiscard]] Py_ssize_t slice_indices(ThreadState* ts, Object* slice, Py_ssize_t length, Py_ssize_t& start,
                                       Py_ssize_t& stop, Py_ssize_t& step);
// An index for a sequence: int or __index__, normalised against length when negative.
// Sets IndexError "<what> index out of range" when outside [0, length).
[[nodiscard]] bool sequence_index(ThreadState* ts, Object* key, Py_ssize_t length, const char* what, Py_ssize_t& out);
// int or __index__ -> C integer; TypeError naming the type otherwise.
[[nodiscard]] bool index_value(ThreadState* ts, Object* o, std::int64_t& out);

}  // namespace terrarium
