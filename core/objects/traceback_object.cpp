// exc.__traceback__: a chain of traceback objects, outermost frame first, read from the
// entries unwinding recorded on the exception. Each object names an entry by its
// distance from the innermost one, which stays valid while the exception keeps
// propagating (new entries are appended on the outer side).
// CPython: Python/traceback.c (tb_next, tb_lineno, tb_lasti). Frame objects (tb_frame)
// do not exist yet in Terrarium.
#include "objects/exceptions.hpp"
#include "bytecode/code.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"

namespace terrarium {

namespace {

struct TracebackObject : Object {
  Object* exc;          // strong: the exception whose entries this walks
  std::size_t inner_index;  // entries[inner_index]; 0 is the innermost (where it was raised)
};

const TracebackEntry& entry_of(Object* o) {
  auto* tb = static_cast<TracebackObject*>(o);
  return (*static_cast<ExceptionObject*>(tb->exc)->traceback)[tb->inner_index];
}

Object* new_traceback(Object* exc, std::size_t inner_index) {
  auto* tb = static_cast<TracebackObject*>(object_alloc(&traceback_type, sizeof(TracebackObject)));
  tb->exc = newref(exc);
  tb->inner_index = inner_index;
  return tb;
}

void traceback_dealloc(Object* o) {
  decref(static_cast<TracebackObject*>(o)->exc);
  object_free(o);
}

Object* tb_get_next(ThreadState*, Object* o) {
  auto* tb = static_cast<TracebackObject*>(o);
  if (tb->inner_index == 0) return newref(py_none());
  return new_traceback(tb->exc, tb->inner_index - 1);
}
Object* tb_get_lineno(ThreadState* ts, Object* o) {
  const TracebackEntry& e = entry_of(o);
  return new_int(ts, e.code->co_positions[static_cast<std::size_t>(e.offset / 2)].lineno);
}
Object* tb_get_lasti(ThreadState* ts, Object* o) { return new_int(ts, entry_of(o).offset); }

const GetSetDef kTracebackGetSet[] = {
    {"tb_next", tb_get_next, nullptr},
    {"tb_lineno", tb_get_lineno, nullptr},
    {"tb_lasti", tb_get_lasti, nullptr},
    {nullptr, nullptr, nullptr},
};

}  // namespace

TypeObject traceback_type = [] {
  TypeObject t = make_static_type("traceback", sizeof(TracebackObject), &object_type);
  t.tp_dealloc = traceback_dealloc;
  t.tp_getset = kTracebackGetSet;
  return t;
}();

Object* exception_traceback(Object* exc) {
  auto* e = static_cast<ExceptionObject*>(exc);
  if (!e->traceback || e->traceback->empty()) return newref(py_none());
  return new_traceback(exc, e->traceback->size() - 1);
}

}  // namespace terrarium
