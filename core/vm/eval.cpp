// The eval loop: fetch a code unit, dispatch on its opcode, manipulate the value stack.
// Slow paths live in objects/ and abstract.cpp; this file is dispatch only.
// - Python-to-Python calls do not recurse in C: CALL pushes the callee's frame and the
//   loop continues in it; RETURN_VALUE pops back (CPython 3.11 does the same).
// - The eval breaker is checked at RESUME, backward jumps and after calls.
// - Errors jump to `error`, which records a traceback entry, then `exception_unwind`
//   finds a handler in the 3.11 exception table or pops the frame.
#include "vm/eval.hpp"

#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <vector>
#include "bytecode/opcodes.hpp"
#include "objects/abstract.hpp"
#include "objects/async_generator.hpp"
#include "objects/coroutine.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/function.hpp"
#include "objects/generator.hpp"
#include "objects/int.hpp"
#include "objects/list.hpp"
#include "objects/singletons.hpp"
#include "objects/set.hpp"
#include "objects/slice.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "objects/typeobject.hpp"
#include "vm/call.hpp"
#include "vm/eval_async.hpp"
#include "vm/eval_fast_paths.hpp"
#include "vm/frame_object.hpp"
#include "vm/eval_helpers.hpp"
#include "vm/import.hpp"
#include "vm/interpreter_state.hpp"
#include "vm/pattern_matching.hpp"
#include "vm/except_star.hpp"
#include "trace/trace_hooks.hpp"

namespace terrarium {

namespace {

// Services the eval breaker. Returns false with an exception set to unwind.
// Each bit is cleared by whoever serves it: the GIL drop request by the thread that
// takes the GIL, the GC bit here, the stop bits by raise_stop (vm/gil.cpp).
[[nodiscard]] bool handle_eval_breaker(ThreadState* ts) {
  std::atomic<std::uint8_t>& breaker = *ts->eval_breaker;
  std::uint8_t pending = breaker.load(std::memory_order_acquire);
  if (pending & kBreakGilDrop) yield_gil(ts);
  if (pending & kBreakGC) {
    breaker.fetch_and(static_cast<std::uint8_t>(~kBreakGC), std::memory_order_acq_rel);
    gc_collect_if_due(ts);
  }
  if (stop_requested(*ts->runtime, ts)) {
    raise_stop(ts);
    return false;
  }
  return true;
}

const ExceptionTableEntry* find_handler(const CodeObject* code, int lasti) {
  for (const ExceptionTableEntry& e : code->co_exceptiontable)
    if (lasti >= e.start && lasti < e.end) return &e;
  return nullptr;
}

}  // namespace

Object* eval_code(ThreadState* ts, CodeObject* code, Object* globals, Object* builtins, Object* locals) {
  Frame* frame = ts->frames.push(code);
  if (!frame) return raise(ts, &exc_MemoryError, "");
  incref(code);
  frame->func = nullptr;
  frame->globals = globals;
  frame->builtins = builtins;
  frame->locals = newref(locals);
  frame->previous = nullptr;
  frame->lasti = 0;
  frame->resume = 0;
  frame->stack_depth = 0;
  frame->is_entry = false;
  frame->owned_by_generator = false;
  frame->suspended = false;
  frame->owner = nullptr;
  return eval_frame(ts, frame);
}

namespace {
template <bool kTraced>
Object* run_frame(ThreadState* ts, Frame* entry_frame, bool throwing);

// The loop is compiled twice: run_frame<false> has no trace hook at all, so a program
// nobody watches runs the same machine code as a build without tracing; run_frame<true>
// tells the observer of every instruction. The choice is made where a C-level eval
// starts, so an observer attached mid-run is seen from the next call into the loop
// (the run controller and TERRARIUM_TRACE attach theirs before the program starts).
// A flag tested or OR-ed into every dispatch instead cost 20-45 % (fib), the extra live
// value pushing the loop's cursor variables out of registers.
Object* run_frame_for(ThreadState* ts, Frame* frame, bool throwing) {
#if TERRARIUM_TRACE_HOOKS
  if (ts->trace_dispatch) [[unlikely]]
    return run_frame<true>(ts, frame, throwing);
#endif
  return run_frame<false>(ts, frame, throwing);
}
}  // namespace

Object* eval_frame(ThreadState* ts, Frame* entry_frame) { return run_frame_for(ts, entry_frame, false); }

Object* resume_frame(ThreadState* ts, Frame* frame, bool throwing) {
  frame->suspended = false;
  return run_frame_for(ts, frame, throwing);
}

namespace {

// Moves a frame off the frame stack into malloc'ed storage owned by a generator.
Frame* detach_frame(ThreadState* ts, Frame* frame) {
  std::size_t slots = static_cast<std::size_t>(frame->code->nlocalsplus() + frame->code->co_stacksize);
  std::size_t bytes = sizeof(Frame) + sizeof(Object*) * slots;
  auto* copy = static_cast<Frame*>(std::malloc(bytes));
  std::memcpy(static_cast<void*>(copy), frame, bytes);
  copy->owned_by_generator = true;
  copy->is_entry = false;
  copy->previous = nullptr;
  frame_object_moved(copy);
  ts->frames.pop(frame);  // references moved to the copy
  return copy;
}

#if defined(__GNUC__) && !defined(__EMSCRIPTEN__)
#define TERRARIUM_COMPUTED_GOTO 1
// Handlers by opcode for threaded dispatch; every opcode without its own entry goes to
// the switch. Built once, from label addresses only run_frame can take.
struct DispatchTable {
  void* targets[256];
};
struct HotTarget {
  int opcode;
  void* label;
};

DispatchTable make_dispatch_table(void* fallback, std::initializer_list<HotTarget> hot) {
  DispatchTable t;
  for (void*& target : t.targets) target = fallback;
  for (const HotTarget& h : hot) t.targets[h.opcode] = h.label;
  return t;
}
#else
#define TERRARIUM_COMPUTED_GOTO 0
#endif

template <bool kTraced>
Object* run_frame(ThreadState* ts, Frame* entry_frame, bool throwing) {
  if (--ts->recursion_remaining < 0) {
    ++ts->recursion_remaining;
    if (!entry_frame->owned_by_generator) release_frame(ts, entry_frame);
    return raise(ts, &exc_RecursionError, "maximum recursion depth exceeded");
  }
  entry_frame->is_entry = true;
  entry_frame->previous = ts->frame;
  std::atomic<std::uint8_t>& eval_breaker = *ts->eval_breaker;

  Frame* frame;
  CodeObject* code;
  Object* const* consts;
  Object* const* names;
  const CodeUnit* first_instr;
  const CodeUnit* next_instr;
  Object** localsplus;
  Object** sp;
  Object* kwnames = nullptr;  // borrowed from co_consts, set by KW_NAMES for the next CALL
  Object* retval = nullptr;

// (Re)loads the cached view of `frame` after a call or return switches frames.
#define LOAD_FRAME()                                              \
  do {                                                            \
    code = frame->code;                                           \
    consts = code->co_consts.data();                              \
    names = code->co_names.data();                                \
    first_instr = code->co_code.data();                           \
    next_instr = first_instr + frame->resume;                     \
    localsplus = frame->localsplus;                               \
    sp = frame->stack_base() + frame->stack_depth;                \
  } while (0)
#define SAVE_FRAME() frame->stack_depth = static_cast<int>(sp - frame->stack_base())
#define CHECK_EVAL_BREAKER()                                                    \
  if (eval_breaker.load(std::memory_order_relaxed) && !handle_eval_breaker(ts)) \
    goto error
#define JUMPBY(n) next_instr += (n)

  frame = entry_frame;
  ts->frame = frame;
  LOAD_FRAME();
#if TERRARIUM_COMPUTED_GOTO
  // Threaded dispatch: the hottest instructions jump straight to the next one's
  // handler from their own end (one indirect branch per handler, which predicts far
  // better than the switch's single shared one); the others go through the switch.
  static const DispatchTable dispatch_table = make_dispatch_table(&&dispatch_opcode, {
      {op::NOP, &&target_NOP},
      {op::LOAD_CONST, &&target_LOAD_CONST},
      {op::LOAD_FAST, &&target_LOAD_FAST},
      {op::STORE_FAST, &&target_STORE_FAST},
      {op::POP_TOP, &&target_POP_TOP},
      {op::LOAD_GLOBAL, &&target_LOAD_GLOBAL},
      {op::LOAD_ATTR, &&target_LOAD_ATTR},
      {op::STORE_ATTR, &&target_STORE_ATTR},
      {op::LOAD_METHOD, &&target_LOAD_METHOD},
      {op::PRECALL, &&target_PRECALL},
      {op::CALL, &&target_CALL},
      {op::RETURN_VALUE, &&target_RETURN_VALUE},
      {op::BINARY_OP, &&target_BINARY_OP},
      {op::COMPARE_OP, &&target_COMPARE_OP},
      {op::IS_OP, &&target_IS_OP},
      {op::CONTAINS_OP, &&target_CONTAINS_OP},
      {op::BINARY_SUBSCR, &&target_BINARY_SUBSCR},
      {op::STORE_SUBSCR, &&target_STORE_SUBSCR},
      {op::POP_JUMP_FORWARD_IF_FALSE, &&target_POP_JUMP_FORWARD_IF_FALSE},
      {op::POP_JUMP_FORWARD_IF_TRUE, &&target_POP_JUMP_FORWARD_IF_TRUE},
      {op::POP_JUMP_BACKWARD_IF_FALSE, &&target_POP_JUMP_BACKWARD_IF_FALSE},
      {op::POP_JUMP_BACKWARD_IF_TRUE, &&target_POP_JUMP_BACKWARD_IF_TRUE},
      {op::POP_JUMP_FORWARD_IF_NONE, &&target_POP_JUMP_FORWARD_IF_NONE},
      {op::POP_JUMP_FORWARD_IF_NOT_NONE, &&target_POP_JUMP_FORWARD_IF_NOT_NONE},
      {op::JUMP_FORWARD, &&target_JUMP_FORWARD},
      {op::JUMP_BACKWARD, &&target_JUMP_BACKWARD},
      {op::FOR_ITER, &&target_FOR_ITER},
      {op::GET_ITER, &&target_GET_ITER},
      {op::BUILD_TUPLE, &&target_BUILD_TUPLE},
      {op::BUILD_LIST, &&target_BUILD_LIST},
      {op::LIST_APPEND, &&target_LIST_APPEND},
      {op::UNPACK_SEQUENCE, &&target_UNPACK_SEQUENCE},
      {op::COPY, &&target_COPY},
      {op::SWAP, &&target_SWAP},
      {op::LOAD_DEREF, &&target_LOAD_DEREF},
      {op::STORE_DEREF, &&target_STORE_DEREF},
      {op::PUSH_NULL, &&target_PUSH_NULL},
      {op::KW_NAMES, &&target_KW_NAMES},
      {op::RESUME, &&target_RESUME},
      {op::YIELD_VALUE, &&target_YIELD_VALUE},
      {op::SEND, &&target_SEND},
      {op::LOAD_CLOSURE, &&target_LOAD_CLOSURE},
      {op::MAKE_FUNCTION, &&target_MAKE_FUNCTION},
      {op::BUILD_STRING, &&target_BUILD_STRING},
      {op::FORMAT_VALUE, &&target_FORMAT_VALUE},
      {kTraceDispatchIndex, &&trace_stub},
  });
  // The traced loop sends every instruction through the trace stub (slot 255, which no
  // opcode has), which then dispatches the real one.
#define DISPATCH_SLOT(op) (kTraced ? kTraceDispatchIndex : (op))
#define TARGET(name) target_##name:
#define DISPATCH()                                                \
  do {                                                            \
    frame->lasti = static_cast<int>(next_instr - first_instr);    \
    opcode = next_instr->opcode;                                  \
    oparg = next_instr->arg;                                      \
    ++next_instr;                                                 \
    goto *dispatch_table.targets[DISPATCH_SLOT(opcode)];         \
  } while (0)
#else
#define TARGET(name)
#define DISPATCH() continue
#endif

  int opcode;
  int oparg;
  if (throwing) {
    // gen.throw(): raise at the suspension point, the YIELD_VALUE just before `resume`.
    next_instr = first_instr + frame->resume;
    frame->lasti = frame->resume > 0 ? frame->resume - 1 : 0;
    goto error;
  }

  for (;;) {
    frame->lasti = static_cast<int>(next_instr - first_instr);
    opcode = next_instr->opcode;
    oparg = next_instr->arg;
    ++next_instr;
    if constexpr (kTraced) {
      SAVE_FRAME();
      if (!trace_instruction(ts, frame, opcode, oparg, frame->stack_depth)) goto error;
    }
  dispatch_opcode:
    switch (opcode) {
      case op::NOP:
      TARGET(NOP)
        DISPATCH();

      case op::RESUME:
      TARGET(RESUME)
        CHECK_EVAL_BREAKER();
        DISPATCH();

      case op::EXTENDED_ARG:
        frame->lasti = static_cast<int>(next_instr - first_instr);
        opcode = next_instr->opcode;
        oparg = (oparg << 8) | next_instr->arg;
        ++next_instr;
        goto dispatch_opcode;

      case op::LOAD_CONST:
      TARGET(LOAD_CONST)
        *sp++ = newref(consts[oparg]);
        DISPATCH();

      case op::LOAD_FAST:
      TARGET(LOAD_FAST) {
        Object* v = localsplus[oparg];
        if (!v) {
          unbound_local_error(ts, code->co_localsplusnames[oparg]);
          goto error;
        }
        *sp++ = newref(v);
        DISPATCH();
      }

      case op::STORE_FAST:
      TARGET(STORE_FAST) {
        Object* old = localsplus[oparg];
        localsplus[oparg] = *--sp;
        xdecref(old);
        DISPATCH();
      }

      case op::DELETE_FAST: {
        Object* old = localsplus[oparg];
        if (!old) {
          unbound_local_error(ts, code->co_localsplusnames[oparg]);
          goto error;
        }
        localsplus[oparg] = nullptr;
        decref(old);
        DISPATCH();
      }

      case op::LOAD_NAME: {
        Object* v = load_name(ts, frame, names[oparg]);
        if (!v) goto error;
        *sp++ = v;
        DISPATCH();
      }

      case op::STORE_NAME: {
        Object* v = *--sp;
        bool ok = store_name(ts, frame, names[oparg], v);
        decref(v);
        if (!ok) goto error;
        DISPATCH();
      }

      case op::DELETE_NAME:
        if (!delete_name(ts, frame, names[oparg])) goto error;
        DISPATCH();

      case op::LOAD_GLOBAL:
      TARGET(LOAD_GLOBAL) {  // ( -- [NULL], value)
        Object* v = cached_global(code, frame->globals, frame->builtins, oparg >> 1);
        if (!v) {
          v = load_global(ts, frame, names[oparg >> 1]);
          if (v) remember_global(code, frame->globals, frame->builtins, oparg >> 1, v);
        }
        next_instr += caches::LOAD_GLOBAL;
        if (!v) goto error;
        if (oparg & 1) *sp++ = nullptr;
        *sp++ = v;
        DISPATCH();
      }

      case op::STORE_GLOBAL: {
        Object* v = *--sp;
        bool ok = dict_set_item(ts, frame->globals, names[oparg], v);
        decref(v);
        if (!ok) goto error;
        DISPATCH();
      }

      case op::DELETE_GLOBAL: {
        int r = dict_del_item(ts, frame->globals, names[oparg]);
        if (r <= 0) {
          if (r == 0) name_error(ts, names[oparg]);
          goto error;
        }
        DISPATCH();
      }

      case op::MAKE_CELL: {
        Object* initial = localsplus[oparg];
        localsplus[oparg] = new_cell(ts, initial);
        xdecref(initial);
        DISPATCH();
      }

      case op::COPY_FREE_VARS: {
        Object* closure = frame->func->closure;
        int offset = code->nlocalsplus() - oparg;
        for (int i = 0; i < oparg; ++i) localsplus[offset + i] = newref(tuple_get(closure, i));
        DISPATCH();
      }

      case op::LOAD_CLOSURE:
      TARGET(LOAD_CLOSURE)
        *sp++ = newref(localsplus[oparg]);
        DISPATCH();

      case op::LOAD_DEREF:
      TARGET(LOAD_DEREF) {
        Object* v = static_cast<CellObject*>(localsplus[oparg])->contents;
        if (!v) {
          free_var_error(ts, code, oparg);
          goto error;
        }
        *sp++ = newref(v);
        DISPATCH();
      }

      case op::LOAD_CLASSDEREF: {  // class bodies: the namespace first, then the cell
        Object* name = code->co_localsplusnames[oparg];
        Object* v = dict_get_str(frame->locals, name);
        if (v) {
          *sp++ = newref(v);
          DISPATCH();
        }
        v = static_cast<CellObject*>(localsplus[oparg])->contents;
        if (!v) {
          free_var_error(ts, code, oparg);
          goto error;
        }
        *sp++ = newref(v);
        DISPATCH();
      }

      case op::STORE_DEREF:
      TARGET(STORE_DEREF) {
        auto* cell = static_cast<CellObject*>(localsplus[oparg]);
        Object* old = cell->contents;
        cell->contents = *--sp;
        xdecref(old);
        DISPATCH();
      }

      case op::DELETE_DEREF: {
        auto* cell = static_cast<CellObject*>(localsplus[oparg]);
        if (!cell->contents) {
          free_var_error(ts, code, oparg);
          goto error;
        }
        Object* old = cell->contents;
        cell->contents = nullptr;
        decref(old);
        DISPATCH();
      }

      case op::POP_TOP:
      TARGET(POP_TOP)
        decref(*--sp);
        DISPATCH();

      case op::PUSH_NULL:
      TARGET(PUSH_NULL)
        *sp++ = nullptr;
        DISPATCH();

      case op::COPY:
      TARGET(COPY) {
        Object* v = sp[-oparg];
        *sp++ = newref(v);
        DISPATCH();
      }

      case op::SWAP:
      TARGET(SWAP)
        std::swap(sp[-1], sp[-oparg]);
        DISPATCH();

      case op::UNARY_NEGATIVE:
      case op::UNARY_POSITIVE:
      case op::UNARY_INVERT: {
        Object* v = sp[-1];
        Object* r = opcode == op::UNARY_NEGATIVE ? unary_negative(ts, v)
                    : opcode == op::UNARY_POSITIVE ? unary_positive(ts, v) : unary_invert(ts, v);
        decref(v);
        sp[-1] = r;
        if (!r) { --sp; goto error; }
        DISPATCH();
      }

      case op::UNARY_NOT: {
        Object* v = sp[-1];
        int t = object_is_true(ts, v);
        decref(v);
        if (t < 0) { --sp; goto error; }
        sp[-1] = new_bool(!t);
        DISPATCH();
      }

      case op::BINARY_OP:
      TARGET(BINARY_OP) {  // (a, b -- a <op> b)
        Object* rhs = *--sp;
        Object* lhs = sp[-1];
        Object* r = binary_op_fast(ts, lhs, rhs, oparg);
        if (!r) r = binary_op(ts, lhs, rhs, static_cast<BinaryOp>(oparg));
        decref(lhs);
        decref(rhs);
        sp[-1] = r;
        next_instr += caches::BINARY_OP;
        if (!r) { --sp; goto error; }
        DISPATCH();
      }

      case op::COMPARE_OP:
      TARGET(COMPARE_OP) {
        Object* rhs = *--sp;
        Object* lhs = sp[-1];
        Object* r = compare_fast(lhs, rhs, oparg);
        if (!r) r = rich_compare(ts, lhs, rhs, static_cast<CompareOp>(oparg));
        decref(lhs);
        decref(rhs);
        sp[-1] = r;
        next_instr += caches::COMPARE_OP;
        if (!r) { --sp; goto error; }
        DISPATCH();
      }

      case op::IS_OP:
      TARGET(IS_OP) {
        Object* rhs = *--sp;
        Object* lhs = sp[-1];
        bool r = (lhs == rhs) != (oparg == 1);
        decref(lhs);
        decref(rhs);
        sp[-1] = new_bool(r);
        DISPATCH();
      }

      case op::CONTAINS_OP:
      TARGET(CONTAINS_OP) {
        Object* container = *--sp;
        Object* item = sp[-1];
        int found = sequence_contains(ts, container, item);
        decref(container);
        decref(item);
        if (found < 0) { --sp; goto error; }
        sp[-1] = new_bool((found == 1) != (oparg == 1));
        DISPATCH();
      }

      case op::BUILD_TUPLE:
      TARGET(BUILD_TUPLE) {
        Object* t = new_tuple(ts, oparg);
        for (int i = oparg - 1; i >= 0; --i) tuple_set(t, i, *--sp);
        *sp++ = t;
        DISPATCH();
      }

      case op::BUILD_LIST:
      TARGET(BUILD_LIST) {
        Object* l = new_list_steal(ts, sp - oparg, oparg);
        sp -= oparg;
        *sp++ = l;
        DISPATCH();
      }

      case op::LIST_APPEND:
      TARGET(LIST_APPEND) {
        Object* v = *--sp;
        bool ok = list_append(ts, sp[-oparg], v);
        decref(v);
        if (!ok) goto error;
        DISPATCH();
      }

      case op::LIST_EXTEND: {
        Object* iterable = *--sp;
        bool ok = list_extend(ts, sp[-oparg], iterable);
        decref(iterable);
        if (!ok) goto error;
        DISPATCH();
      }

      case op::LIST_TO_TUPLE: {
        Object* l = sp[-1];
        sp[-1] = list_as_tuple(ts, l);
        decref(l);
        DISPATCH();
      }

      case op::BUILD_SET: {
        Object* set = new_set(ts);
        bool ok = true;
        for (int i = 0; i < oparg; ++i) {
          Object* item = sp[i - oparg];
          if (ok) ok = set_add(ts, set, item);
          decref(item);
        }
        sp -= oparg;
        if (!ok) { decref(set); goto error; }
        *sp++ = set;
        DISPATCH();
      }

      case op::SET_ADD: {
        Object* v = *--sp;
        bool ok = set_add(ts, sp[-oparg], v);
        decref(v);
        if (!ok) goto error;
        DISPATCH();
      }

      case op::SET_UPDATE: {
        Object* iterable = *--sp;
        bool ok = set_update(ts, sp[-oparg], iterable);
        decref(iterable);
        if (!ok) goto error;
        DISPATCH();
      }

      case op::BUILD_MAP: {
        Object* d = new_dict(ts);
        Object** items = sp - 2 * oparg;
        bool ok = true;
        for (int i = 0; i < oparg && ok; ++i) ok = dict_set_item(ts, d, items[2 * i], items[2 * i + 1]);
        for (int i = 0; i < 2 * oparg; ++i) decref(items[i]);
        sp = items;
        if (!ok) { decref(d); goto error; }
        *sp++ = d;
        DISPATCH();
      }

      case op::BUILD_CONST_KEY_MAP: {  // (v1 ... vn, keys -- dict)
        Object* keys = *--sp;
        Object** values = sp - oparg;
        Object* d = new_dict(ts);
        bool ok = true;
        for (int i = 0; i < oparg && ok; ++i) ok = dict_set_item(ts, d, tuple_get(keys, i), values[i]);
        for (int i = 0; i < oparg; ++i) decref(values[i]);
        decref(keys);
        sp = values;
        if (!ok) { decref(d); goto error; }
        *sp++ = d;
        DISPATCH();
      }

      case op::MAP_ADD: {
        Object* value = *--sp;
        Object* key = *--sp;
        bool ok = dict_set_item(ts, sp[-oparg], key, value);
        decref(key);
        decref(value);
        if (!ok) goto error;
        DISPATCH();
      }

      case op::DICT_UPDATE:
      case op::DICT_MERGE: {
        Object* update = *--sp;
        bool ok = dict_update_from(ts, sp[-oparg], update, opcode == op::DICT_MERGE, sp[-oparg - 2]);
        decref(update);
        if (!ok) goto error;
        DISPATCH();
      }

      case op::BUILD_SLICE: {
        Object* step = oparg == 3 ? *--sp : nullptr;
        Object* stop = *--sp;
        Object* start = sp[-1];
        Object* s = new_slice(ts, start, stop, step);
        decref(start);
        decref(stop);
        xdecref(step);
        sp[-1] = s;
        DISPATCH();
      }

      case op::BINARY_SUBSCR:
      TARGET(BINARY_SUBSCR) {
        Object* key = *--sp;
        Object* container = sp[-1];
        Object* r = subscript_fast(ts, container, key);
        if (!r) r = get_item(ts, container, key);
        decref(container);
        decref(key);
        sp[-1] = r;
        next_instr += caches::BINARY_SUBSCR;
        if (!r) { --sp; goto error; }
        DISPATCH();
      }

      case op::STORE_SUBSCR:
      TARGET(STORE_SUBSCR) {  // (v, container, key -- )
        Object* key = *--sp;
        Object* container = *--sp;
        Object* v = *--sp;
        int r = store_subscript_fast(container, key, v) ? 0 : set_item(ts, container, key, v);
        decref(key);
        decref(container);
        decref(v);
        next_instr += caches::STORE_SUBSCR;
        if (r < 0) goto error;
        DISPATCH();
      }

      case op::DELETE_SUBSCR: {
        Object* key = *--sp;
        Object* container = *--sp;
        int r = set_item(ts, container, key, nullptr);
        decref(key);
        decref(container);
        if (r < 0) goto error;
        DISPATCH();
      }

      // ---- match statements ----
      case op::GET_LEN: {  // (obj -- obj, len(obj))
        Py_ssize_t n = object_length(ts, sp[-1]);
        if (n < 0) goto error;
        *sp++ = new_int(ts, n);
        DISPATCH();
      }
      case op::MATCH_MAPPING:  // (subject -- subject, is_mapping)
        *sp = newref(sp[-1]->ob_type->tp_flags & TPFLAGS_MAPPING ? py_true() : py_false());
        ++sp;
        DISPATCH();
      case op::MATCH_SEQUENCE:  // (subject -- subject, is_sequence)
        *sp = newref(sp[-1]->ob_type->tp_flags & TPFLAGS_SEQUENCE ? py_true() : py_false());
        ++sp;
        DISPATCH();
      case op::MATCH_KEYS: {  // (subject, keys -- subject, keys, values_or_None)
        Object* values = match_keys(ts, sp[-2], sp[-1]);
        if (!values) goto error;
        *sp++ = values;
        DISPATCH();
      }
      case op::MATCH_CLASS: {  // (subject, cls, names -- attrs_or_None)
        Object* names = *--sp;
        Object* cls = *--sp;
        Object* subject = sp[-1];
        Object* attrs = match_class(ts, subject, cls, oparg, names);
        decref(names);
        decref(cls);
        if (!attrs) {
          if (error_occurred(ts)) goto error;
          attrs = newref(py_none());
        }
        decref(subject);
        sp[-1] = attrs;
        DISPATCH();
      }

      case op::GET_ITER:
      TARGET(GET_ITER) {
        Object* iterable = sp[-1];
        Object* it = get_iter(ts, iterable);
        decref(iterable);
        sp[-1] = it;
        if (!it) { --sp; goto error; }
        DISPATCH();
      }

      case op::FOR_ITER:
      TARGET(FOR_ITER) {  // (iter -- iter, next) or pop and jump when exhausted
        Object* it = sp[-1];
        Object* v = it->ob_type->tp_iternext(ts, it);
        if (v) {
          *sp++ = v;
          DISPATCH();
        }
        if (error_occurred(ts)) {
          if (!is_instance(ts->curexc, &exc_StopIteration)) goto error;
          clear_error(ts);  // a generator's return value: the loop just ends
        }
        decref(it);
        --sp;
        JUMPBY(oparg);
        DISPATCH();
      }

      case op::UNPACK_SEQUENCE:
      TARGET(UNPACK_SEQUENCE) {
        Object* seq = *--sp;
        bool ok = unpack_sequence(ts, seq, oparg, sp);
        decref(seq);
        next_instr += caches::UNPACK_SEQUENCE;
        if (!ok) goto error;
        sp += oparg;
        DISPATCH();
      }

      case op::UNPACK_EX: {
        Object* seq = *--sp;
        int before = oparg & 0xFF, after = oparg >> 8;
        bool ok = unpack_starred(ts, seq, before, after, sp);
        decref(seq);
        if (!ok) goto error;
        sp += before + after + 1;
        DISPATCH();
      }

      case op::JUMP_FORWARD:
      TARGET(JUMP_FORWARD)
        JUMPBY(oparg);
        DISPATCH();

      case op::JUMP_BACKWARD:
      TARGET(JUMP_BACKWARD)
        JUMPBY(-oparg);
        CHECK_EVAL_BREAKER();
        DISPATCH();

      case op::JUMP_BACKWARD_NO_INTERRUPT:
        JUMPBY(-oparg);
        DISPATCH();

      case op::POP_JUMP_FORWARD_IF_FALSE:
      TARGET(POP_JUMP_FORWARD_IF_FALSE)
      case op::POP_JUMP_FORWARD_IF_TRUE:
      TARGET(POP_JUMP_FORWARD_IF_TRUE)
      case op::POP_JUMP_BACKWARD_IF_FALSE:
      TARGET(POP_JUMP_BACKWARD_IF_FALSE)
      case op::POP_JUMP_BACKWARD_IF_TRUE:
      TARGET(POP_JUMP_BACKWARD_IF_TRUE) {
        Object* v = *--sp;
        int t = v == py_true() ? 1 : v == py_false() ? 0 : object_is_true(ts, v);
        decref(v);
        if (t < 0) goto error;
        bool jump_if = opcode == op::POP_JUMP_FORWARD_IF_TRUE || opcode == op::POP_JUMP_BACKWARD_IF_TRUE;
        if ((t == 1) == jump_if) {
          if (opcode == op::POP_JUMP_BACKWARD_IF_FALSE || opcode == op::POP_JUMP_BACKWARD_IF_TRUE) {
            JUMPBY(-oparg);
            CHECK_EVAL_BREAKER();
          } else {
            JUMPBY(oparg);
          }
        }
        DISPATCH();
      }

      case op::POP_JUMP_FORWARD_IF_NONE:
      TARGET(POP_JUMP_FORWARD_IF_NONE)
      case op::POP_JUMP_FORWARD_IF_NOT_NONE:
      TARGET(POP_JUMP_FORWARD_IF_NOT_NONE)
      case op::POP_JUMP_BACKWARD_IF_NONE:
      case op::POP_JUMP_BACKWARD_IF_NOT_NONE: {
        Object* v = *--sp;
        bool is_none = v == py_none();
        decref(v);
        bool jump_if_none = opcode == op::POP_JUMP_FORWARD_IF_NONE || opcode == op::POP_JUMP_BACKWARD_IF_NONE;
        if (is_none == jump_if_none) {
          if (opcode == op::POP_JUMP_BACKWARD_IF_NONE || opcode == op::POP_JUMP_BACKWARD_IF_NOT_NONE) {
            JUMPBY(-oparg);
            CHECK_EVAL_BREAKER();
          } else {
            JUMPBY(oparg);
          }
        }
        DISPATCH();
      }

      case op::JUMP_IF_FALSE_OR_POP:
      case op::JUMP_IF_TRUE_OR_POP: {
        Object* v = sp[-1];
        int t = object_is_true(ts, v);
        if (t < 0) goto error;
        if ((t == 1) == (opcode == op::JUMP_IF_TRUE_OR_POP)) {
          JUMPBY(oparg);
        } else {
          --sp;
          decref(v);
        }
        DISPATCH();
      }

      case op::LOAD_ATTR:
      TARGET(LOAD_ATTR) {
        Object* owner = sp[-1];
        Object* r = get_attr(ts, owner, names[oparg]);
        decref(owner);
        sp[-1] = r;
        next_instr += caches::LOAD_ATTR;
        if (!r) { --sp; goto error; }
        DISPATCH();
      }

      case op::LOAD_METHOD:
      TARGET(LOAD_METHOD) {  // (owner -- meth, self) or (owner -- NULL, attr)
        Object* owner = sp[-1];
        Object* meth = nullptr;
        int kind = get_method(ts, owner, names[oparg], &meth);
        next_instr += caches::LOAD_METHOD;
        if (kind < 0) {
          decref(owner);
          --sp;
          goto error;
        }
        if (kind == 1) {
          sp[-1] = meth;
          *sp++ = owner;
        } else {
          decref(owner);
          sp[-1] = nullptr;
          *sp++ = meth;
        }
        DISPATCH();
      }

      case op::STORE_ATTR:
      TARGET(STORE_ATTR) {  // (v, owner -- )
        Object* owner = *--sp;
        Object* v = *--sp;
        int r = set_attr(ts, owner, names[oparg], v);
        decref(owner);
        decref(v);
        next_instr += caches::STORE_ATTR;
        if (r < 0) goto error;
        DISPATCH();
      }

      case op::DELETE_ATTR: {
        Object* owner = *--sp;
        int r = set_attr(ts, owner, names[oparg], nullptr);
        decref(owner);
        if (r < 0) goto error;
        DISPATCH();
      }

      case op::KW_NAMES:
      TARGET(KW_NAMES)
        kwnames = consts[oparg];
        DISPATCH();

      case op::PRECALL:
      TARGET(PRECALL)
        next_instr += caches::PRECALL;
        DISPATCH();

      case op::CALL:
      TARGET(CALL) {  // (NULL/method, callable/self, args[oparg] -- result)
        bool is_method = sp[-(oparg + 2)] != nullptr;
        Object* callable = is_method ? sp[-(oparg + 2)] : sp[-(oparg + 1)];
        Object** args = is_method ? sp - (oparg + 1) : sp - oparg;
        int total = oparg + (is_method ? 1 : 0);
        std::size_t nkw = kwnames ? static_cast<std::size_t>(tuple_size(kwnames)) : 0;
        Object* call_kwnames = kwnames;
        kwnames = nullptr;
        next_instr += caches::CALL;
        if (callable->ob_type == &function_type) {
          // Inline call: a new frame, no C recursion.
          Frame* callee = make_function_frame(ts, static_cast<FunctionObject*>(callable), args, total - nkw,
                                              call_kwnames);
          for (int i = 0; i < total; ++i) decref(args[i]);
          decref(callable);
          sp -= oparg + 2;
          if (!callee) goto error;
          if (--ts->recursion_remaining < 0) {
            ++ts->recursion_remaining;
            release_frame(ts, callee);
            raise(ts, &exc_RecursionError, "maximum recursion depth exceeded");
            goto error;
          }
          SAVE_FRAME();
          frame->resume = static_cast<int>(next_instr - first_instr);
          callee->previous = frame;
          frame = callee;
          ts->frame = frame;
          LOAD_FRAME();
          DISPATCH();
        }
        SAVE_FRAME();
        Object* r = call_object(ts, callable, args, total - nkw, call_kwnames);
        for (int i = 0; i < total; ++i) decref(args[i]);
        decref(callable);
        sp -= oparg + 2;
        if (!r) goto error;
        *sp++ = r;
        CHECK_EVAL_BREAKER();
        DISPATCH();
      }

      case op::CALL_FUNCTION_EX: {  // (NULL, func, args[, kwargs] -- result)
        Object* kwargs = (oparg & 1) ? *--sp : nullptr;
        Object* callargs = *--sp;
        Object* func = *--sp;
        --sp;  // the NULL
        SAVE_FRAME();
        Object* r = call_with_tuple_and_dict(ts, func, callargs, kwargs);
        decref(func);
        decref(callargs);
        xdecref(kwargs);
        if (!r) goto error;
        *sp++ = r;
        CHECK_EVAL_BREAKER();
        DISPATCH();
      }

      case op::MAKE_FUNCTION:
      TARGET(MAKE_FUNCTION) {  // (defaults?, kwdefaults?, annotations?, closure?, code -- function)
        auto* fcode = static_cast<CodeObject*>(*--sp);
        Object* qualname = nullptr;
        auto* f = static_cast<FunctionObject*>(new_function(ts, fcode, frame->globals, frame->builtins, qualname));
        decref(fcode);
        if (oparg & 0x08) f->closure = *--sp;
        if (oparg & 0x04) f->annotations = annotations_dict(ts, *--sp);
        if (oparg & 0x02) f->kwdefaults = *--sp;
        if (oparg & 0x01) f->defaults = *--sp;
        *sp++ = f;
        DISPATCH();
      }

      case op::LOAD_BUILD_CLASS: {
        Object* bc = dict_get_str(frame->builtins, ts->interp->str_build_class);
        if (!bc) {
          raise(ts, &exc_NameError, "__build_class__ not found");
          goto error;
        }
        *sp++ = newref(bc);
        DISPATCH();
      }

      case op::LOAD_ASSERTION_ERROR:
        *sp++ = newref<Object>(&exc_AssertionError);
        DISPATCH();

      case op::RAISE_VARARGS: {
        Object* cause = oparg == 2 ? *--sp : nullptr;
        Object* exc = oparg >= 1 ? *--sp : nullptr;
        if (do_raise(ts, exc, cause)) goto exception_unwind;  // a bare `raise`: no new traceback entry
        goto error;
      }

      case op::PUSH_EXC_INFO: {  // (exc -- prev_exc, exc)
        Object* exc = sp[-1];
        Object* prev = ts->handled.empty() ? py_none() : ts->handled.back();
        sp[-1] = newref(prev ? prev : py_none());
        *sp++ = exc;
        ts->handled.push_back(newref(exc));
        DISPATCH();
      }

      case op::POP_EXCEPT: {  // (prev_exc -- )
        Object* prev = *--sp;
        if (!ts->handled.empty()) {
          decref(ts->handled.back());
          ts->handled.pop_back();
        }
        decref(prev);
        DISPATCH();
      }

      case op::CHECK_EXC_MATCH: {  // (exc, type -- exc, matches)
        Object* type = *--sp;
        int r = exception_matches(ts, sp[-1], type);
        decref(type);
        if (r < 0) goto error;
        *sp++ = new_bool(r == 1);
        DISPATCH();
      }

      case op::CHECK_EG_MATCH: {  // (exc, type -- rest, match) or (exc, type -- exc, None)
        Object* type = *--sp;
        Object* exc = sp[-1];
        Object* match;
        Object* rest;
        bool ok = except_star_match(ts, exc, type, match, rest);
        decref(type);
        if (!ok) goto error;
        if (match == py_none()) {
          decref(rest);
          *sp++ = match;
          DISPATCH();
        }
        sp[-1] = rest;
        *sp++ = match;
        decref(exc);
        // The clause handles the matched part: sys.exc_info() shows it.
        if (!ts->handled.empty()) {
          decref(ts->handled.back());
          ts->handled.back() = newref(match);
        }
        DISPATCH();
      }

      case op::PREP_RERAISE_STAR: {  // (orig, excs -- exc_to_reraise_or_None)
        Object* excs = *--sp;
        Object* orig = sp[-1];
        Object* r = prep_reraise_star(ts, orig, excs);
        decref(excs);
        if (!r) goto error;
        decref(orig);
        sp[-1] = r;
        DISPATCH();
      }

      case op::RERAISE: {
        Object* exc = *--sp;
        if (oparg) frame->lasti = static_cast<int>(int_value(sp[-oparg]));
        raise_object(ts, exc);
        goto exception_unwind;
      }

      case op::BUILD_STRING:
      TARGET(BUILD_STRING) {
        Object* s = join_strings(ts, sp - oparg, oparg);
        for (int i = 0; i < oparg; ++i) decref(sp[-1 - i]);
        sp -= oparg;
        if (!s) goto error;
        *sp++ = s;
        DISPATCH();
      }

      case op::FORMAT_VALUE:
      TARGET(FORMAT_VALUE) {  // (value[, spec] -- formatted)
        Object* spec = (oparg & 0x04) ? *--sp : nullptr;
        Object* value = sp[-1];
        Object* r = format_value(ts, value, oparg & 0x03, spec);
        decref(value);
        xdecref(spec);
        sp[-1] = r;
        if (!r) { --sp; goto error; }
        DISPATCH();
      }

      case op::BEFORE_WITH: {  // (mgr -- bound_exit, mgr.__enter__())
        Object* mgr = sp[-1];
        Object* enter_result = nullptr;
        Object* exit = before_with(ts, mgr, &enter_result);
        decref(mgr);
        if (!exit) {
          --sp;
          goto error;
        }
        sp[-1] = exit;
        *sp++ = enter_result;
        DISPATCH();
      }

      case op::WITH_EXCEPT_START: {  // (exit, lasti, prev_exc, exc -- ..., exit(type, exc, tb))
        Object* exc = sp[-1];
        Object* exit = sp[-4];
        Object* tb = exception_traceback(exc);
        Object* args[3] = {reinterpret_cast<Object*>(exc->ob_type), exc, tb};
        Object* r = call_object(ts, exit, args, 3, nullptr);
        decref(tb);
        if (!r) goto error;
        *sp++ = r;
        DISPATCH();
      }

      case op::SETUP_ANNOTATIONS:
        if (!setup_annotations(ts, frame)) goto error;
        DISPATCH();

      case op::IMPORT_NAME: {
        Object* fromlist = *--sp;
        Object* level = sp[-1];
        Object* module = import_name(ts, frame, names[oparg], fromlist, level);
        decref(fromlist);
        decref(level);
        sp[-1] = module;
        if (!module) { --sp; goto error; }
        DISPATCH();
      }

      case op::IMPORT_STAR: {
        Object* module = *--sp;
        bool ok = import_star(ts, module, frame->locals);
        decref(module);
        if (!ok) goto error;
        DISPATCH();
      }

      case op::IMPORT_FROM: {
        Object* v = import_from(ts, sp[-1], names[oparg]);
        if (!v) goto error;
        *sp++ = v;
        DISPATCH();
      }

      case op::RETURN_GENERATOR: {
        // The frame becomes a generator's; the call returns the generator.
        frame->resume = static_cast<int>(next_instr - first_instr);
        SAVE_FRAME();
        Frame* caller = frame->previous;
        bool was_entry = frame->is_entry;
        Frame* moved = detach_frame(ts, frame);
        Object* gen = new_generator(ts, moved);
        ++ts->recursion_remaining;
        if (was_entry) {
          ts->frame = caller;
          return gen;  // entry_frame is now owned by the generator
        }
        frame = caller;
        ts->frame = frame;
        LOAD_FRAME();
        *sp++ = gen;
        DISPATCH();
      }

      case op::YIELD_VALUE:
      TARGET(YIELD_VALUE) {  // generator frames always run as the entry frame
        retval = *--sp;
        frame->resume = static_cast<int>(next_instr - first_instr);
        SAVE_FRAME();
        frame->suspended = true;
        ts->frame = frame->previous;
        frame->previous = nullptr;  // a suspended frame has no caller (f_back is None)
        ++ts->recursion_remaining;
        ts->last_frame_yielded = true;
        return retval;
      }

      case op::GET_YIELD_FROM_ITER: {
        Object* iterable = sp[-1];
        if (!is_generator(iterable)) {
          Object* it = get_iter(ts, iterable);
          decref(iterable);
          sp[-1] = it;
          if (!it) { --sp; goto error; }
        }
        DISPATCH();
      }

      case op::SEND:
      TARGET(SEND) {  // (receiver, v -- receiver, yielded) or (-- return value) and jump
        Object* v = *--sp;
        Object* receiver = sp[-1];
        Object* result = nullptr;
        SAVE_FRAME();
        SendResult status = iter_send(ts, receiver, v, &result);
        decref(v);
        if (status == SendResult::Error) goto error;
        if (status == SendResult::Return) {
          decref(receiver);
          sp[-1] = result;
          JUMPBY(oparg);
          DISPATCH();
        }
        *sp++ = result;
        DISPATCH();
      }

      case op::GET_AWAITABLE: {  // (iterable -- awaitable iterator)
        Object* iterable = sp[-1];
        Object* it = get_awaitable(ts, iterable, oparg);
        decref(iterable);
        sp[-1] = it;
        if (!it) { --sp; goto error; }
        DISPATCH();
      }

      case op::GET_AITER: {  // (obj -- obj.__aiter__())
        Object* obj = sp[-1];
        Object* it = get_aiter(ts, obj);
        decref(obj);
        sp[-1] = it;
        if (!it) { --sp; goto error; }
        DISPATCH();
      }

      case op::GET_ANEXT: {  // (aiter -- aiter, awaitable)
        SAVE_FRAME();
        Object* awaitable = get_anext(ts, sp[-1]);
        if (!awaitable) goto error;
        *sp++ = awaitable;
        DISPATCH();
      }

      case op::END_ASYNC_FOR: {  // (aiter, exc -- ): StopAsyncIteration ends the loop
        Object* exc = *--sp;
        if (is_instance(exc, &exc_StopAsyncIteration)) {
          decref(exc);
          decref(*--sp);
          DISPATCH();
        }
        raise_object(ts, exc);
        goto exception_unwind;
      }

      case op::BEFORE_ASYNC_WITH: {  // (mgr -- bound_aexit, mgr.__aenter__())
        Object* mgr = sp[-1];
        Object* enter_result = nullptr;
        SAVE_FRAME();
        Object* exit = before_async_with(ts, mgr, &enter_result);
        decref(mgr);
        if (!exit) {
          --sp;
          goto error;
        }
        sp[-1] = exit;
        *sp++ = enter_result;
        DISPATCH();
      }

      case op::ASYNC_GEN_WRAP: {  // (v -- wrapped v): a value the async generator yields
        Object* v = sp[-1];
        sp[-1] = new_async_gen_wrapped_value(ts, v);
        decref(v);
        DISPATCH();
      }

      case op::RETURN_VALUE:
      TARGET(RETURN_VALUE) {
        retval = *--sp;
        SAVE_FRAME();
        if (frame->is_entry) goto exit_eval;
        Frame* caller = frame->previous;
        release_frame(ts, frame);
        ++ts->recursion_remaining;
        frame = caller;
        ts->frame = frame;
        LOAD_FRAME();
        *sp++ = retval;
        retval = nullptr;
        CHECK_EVAL_BREAKER();
        continue;
      }

      default:
        raise(ts, &exc_SystemError, std::string("opcode ") + kOpcodeInfo[opcode].name + " is not supported yet");
        goto error;
    }

#if TERRARIUM_COMPUTED_GOTO
  trace_stub:
    if constexpr (kTraced) {
      SAVE_FRAME();
      if (!trace_instruction(ts, frame, opcode, oparg, frame->stack_depth)) goto error;
    }
    goto *dispatch_table.targets[opcode];
#endif

  error:
    if constexpr (kTraced) trace_exception(ts, frame);
    add_traceback_entry(ts->curexc, code, frame->lasti * 2, frame->globals);
  exception_unwind: {
    // The handler is looked up at the instruction being executed, not at frame->lasti:
    // RERAISE restores lasti to the original raise for line numbers only (CPython does
    // the same with INSTR_OFFSET() - 1).
    const ExceptionTableEntry* handler = find_handler(code, static_cast<int>(next_instr - first_instr) - 1);
    if (handler) {
      Object** base = frame->stack_base();
      while (sp > base + handler->depth) xdecref(*--sp);
      if (handler->lasti) *sp++ = new_int(ts, frame->lasti);
      *sp++ = fetch_error(ts);
      next_instr = first_instr + handler->target;
      continue;
    }
    // No handler: pop this frame and continue unwinding in the caller.
    if constexpr (kTraced) trace_unwind(ts, frame);
    Object** base = frame->stack_base();
    while (sp > base) xdecref(*--sp);
    frame->stack_depth = 0;
    if (frame->is_entry) {
      retval = nullptr;
      goto exit_eval;
    }
    Frame* caller = frame->previous;
    release_frame(ts, frame);
    ++ts->recursion_remaining;
    frame = caller;
    ts->frame = frame;
    LOAD_FRAME();
    goto error;  // the caller's CALL instruction is where it now passes
  }
  }
#undef LOAD_FRAME
#undef SAVE_FRAME
#undef CHECK_EVAL_BREAKER
#undef JUMPBY

exit_eval:
  ts->frame = entry_frame->previous;
  ++ts->recursion_remaining;
  release_frame(ts, entry_frame);
  ts->last_frame_yielded = false;
  return retval;
}

}  // namespace

}  // namespace terrarium
