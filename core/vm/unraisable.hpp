// Errors nobody can catch (in __del__, in weakref callbacks, in gc callbacks) are
// printed to stderr as CPython's "Exception ignored in: ..." report.
// CPython: Python/errors.c PyErr_WriteUnraisable.
#pragma once
#include <string>
#include "objects/object.hpp"

namespace terrarium {

// Takes the raised exception off `ts` and reports it; `where` is printed after
// "Exception ignored in: " (typically the repr of the function that raised).
void write_unraisable(ThreadState* ts, Object* where);
// The same with CPython's _PyErr_WriteUnraisableMsg wording: "Exception ignored " + msg
// + ": " + repr(obj), e.g. "in thread started by".
void write_unraisable_msg(ThreadState* ts, const char* msg, Object* obj);

}  // namespace terrarium
