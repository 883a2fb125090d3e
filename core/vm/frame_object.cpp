// Frame objects over live frames and, after release, over their snapshot. f_locals is a
// fresh dict of the fast locals on each read (CPython writes back on some paths; we
// never do), or the namespace dict itself in module and class bodies.
#include "vm/frame_object.hpp"

#include <cstdio>
#include <string>
#include "bytecode/code.hpp"
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/function.hpp"
#include "objects/int.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/typeobject.hpp"
#include "vm/frame.hpp"
#include "vm/thread_state.hpp"

namespace terrarium {

namespace {

struct FrameObject : Object {
  Frame* frame;      // the live frame (it owns us); null once released
  Object* code;      // strong, as are the rest
  Object* globals;
  Object* builtins;
  Object* locals;    // snapshot dict once released
  Object* back;      // the caller's frame object once released, or null
  int lasti;         // once released
  int lineno;
};

FrameObject* as_frame(Object* o) { return static_cast<FrameObject*>(o); }

// The fast locals as a dict: cells read through, unbound names left out.
// CPython: _PyFrame_FastToLocalsWithError.
Object* locals_dict(ThreadState* ts, Frame* f) {
  if (f->locals) return newref(f->locals);
  Object* d = new_dict(ts);
  if (!d) return nullptr;
  CodeObject* code = f->code;
  for (int i = 0; i < code->nlocalsplus(); ++i) {
    Object* v = f->localsplus[i];
    std::uint8_t kind = code->co_localspluskinds[static_cast<std::size_t>(i)];
    if (v && (kind & (CO_FAST_CELL | CO_FAST_FREE)) && v->ob_type == &cell_type) v = static_cast<CellObject*>(v)->contents;
    if (!v) continue;
    if (!dict_set_item(ts, d, code->co_localsplusnames[static_cast<std::size_t>(i)], v)) {
      decref(d);
      return nullptr;
    }
  }
  return d;
}

Object* get_locals(ThreadState* ts, Object* o) {
  FrameObject* fo = as_frame(o);
  if (fo->frame) return locals_dict(ts, fo->frame);
  return newref(fo->locals ? fo->locals : py_none());
}
Object* get_lineno(ThreadState* ts, Object* o) {
  FrameObject* fo = as_frame(o);
  return new_int(ts, fo->frame ? fo->frame->lineno() : fo->lineno);
}
Object* get_lasti(ThreadState* ts, Object* o) {
  FrameObject* fo = as_frame(o);
  return new_int(ts, 2 * (fo->frame ? fo->frame->lasti : fo->lasti));
}
Object* get_code(ThreadState*, Object* o) { return newref(as_frame(o)->code); }
Object* get_globals(ThreadState*, Object* o) { return newref(as_frame(o)->globals); }
Object* get_builtins(ThreadState*, Object* o) { return newref(as_frame(o)->builtins); }
Object* get_back(ThreadState* ts, Object* o) {
  FrameObject* fo = as_frame(o);
  if (!fo->frame) return newref(fo->back ? fo->back : py_none());
  if (!fo->frame->previous) return newref(py_none());
  Object* back = frame_object_for(ts, fo->frame->previous);
  return back ? newref(back) : nullptr;
}
Object* get_trace(ThreadState*, Object*) { return newref(py_none()); }

const GetSetDef kFrameGetSet[] = {
    {"f_locals", get_locals, nullptr},   {"f_lineno", get_lineno, nullptr}, {"f_lasti", get_lasti, nullptr},
    {"f_code", get_code, nullptr},       {"f_globals", get_globals, nullptr}, {"f_builtins", get_builtins, nullptr},
    {"f_back", get_back, nullptr},       {"f_trace", get_trace, nullptr},     {nullptr, nullptr, nullptr},
};

Object* frame_repr(ThreadState* ts, Object* o) {
  FrameObject* fo = as_frame(o);
  auto* code = static_cast<CodeObject*>(fo->code);
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(o));
  int line = fo->frame ? fo->frame->lineno() : fo->lineno;
  return new_str(ts, std::string("<frame at ") + addr + ", file '" + code->co_filename + "', line " + std::to_string(line) +
                         ", code " + code->co_name + ">");
}

void frame_traverse(Object* o, VisitProc visit, void* arg) {
  FrameObject* fo = as_frame(o);
  for (Object* r : {fo->code, fo->globals, fo->builtins, fo->locals, fo->back})
    if (r) visit(r, arg);
}

// The snapshot can hold the frame object itself (a local that saved sys._getframe()).
void frame_clear(Object* o) {
  FrameObject* fo = as_frame(o);
  Object* locals = fo->locals;
  Object* back = fo->back;
  fo->locals = fo->back = nullptr;
  xdecref(locals);
  xdecref(back);
}

void frame_dealloc(Object* o) {
  FrameObject* fo = as_frame(o);
  frame_clear(o);
  xdecref(fo->code);
  xdecref(fo->globals);
  xdecref(fo->builtins);
  object_free(o);
}

}  // namespace

TypeObject frame_type = [] {
  TypeObject t = make_static_type("frame", sizeof(FrameObject), &object_type);
  t.tp_flags |= TPFLAGS_HAVE_GC;
  t.tp_dealloc = frame_dealloc;
  t.tp_traverse = frame_traverse;
  t.tp_clear = frame_clear;
  t.tp_repr = frame_repr;
  t.tp_getset = kFrameGetSet;
  return t;
}();

Object* frame_object_for(ThreadState* ts, Frame* frame) {
  if (frame->frame_obj) return frame->frame_obj;
  auto* fo = static_cast<FrameObject*>(object_alloc(&frame_type, sizeof(FrameObject)));
  if (!fo) return raise(ts, &exc_MemoryError, "");
  fo->frame = frame;
  fo->code = newref<Object>(frame->code);
  fo->globals = newref(frame->globals);
  fo->builtins = newref(frame->builtins);
  frame->frame_obj = fo;
  return fo;
}

void frame_object_detach(ThreadState* ts, Frame* frame) {
  FrameObject* fo = as_frame(frame->frame_obj);
  frame->frame_obj = nullptr;
  if (fo->ob_refcnt > 1) {  // someone else holds it: keep what it shows
    Object* saved = fetch_error(ts);
    fo->locals = locals_dict(ts, frame);
    Object* back = frame->previous ? frame_object_for(ts, frame->previous) : nullptr;
    fo->back = back ? newref(back) : nullptr;
    if (ts->curexc) clear_error(ts);  // out of memory: the snapshot is just poorer
    ts->curexc = saved;
    fo->lasti = frame->lasti;
    fo->lineno = frame->lineno();
  }
  fo->frame = nullptr;
  decref(fo);
}

void frame_object_moved(Frame* frame) {
  if (frame->frame_obj) as_frame(frame->frame_obj)->frame = frame;
}

}  // namespace terrarium
