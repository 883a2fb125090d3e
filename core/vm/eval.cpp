// The eval loop: fetch a code unit, dispatch on its opcode, manipulate the value stack.
// Slow paths live in objects/ and abstract.cpp; this file is dispatch only. The eval
// breaker is checked at RESUME, backward jumps and after calls, as in CPython 3.11.
// Errors: an instruction that fails jumps to `error`, which records the traceback entry
// and unwinds the frame (no exception table yet: try/except comes with the language core).
#include "vm/eval.hpp"

#include <vector>
#include "bytecode/opcodes.hpp"
#include "objects/abstract.hpp"
#include "objects/dict.hpp"
#include "objects/exceptions.hpp"
#include "objects/singletons.hpp"
#include "objects/str.hpp"
#include "objects/tuple.hpp"
#include "vm/interpreter_state.hpp"

namespace terrarium {

namespace {

// Services the eval breaker. Returns false with an exception set to unwind.
[[nodiscard]] bool handle_eval_breaker(ThreadState* ts) {
  if (ts->interp->interrupt.exchange(0, std::memory_order_acq_rel)) {
    raise(ts, &exc_KeyboardInterrupt, "");
    return false;
  }
  return true;
}

std::nullptr_t name_error(ThreadState* ts, Object* name) {
  Object* exc = new_exception(ts, &exc_NameError, "name '" + std::string(str_view(name)) + "' is not defined");
  static_cast<ExceptionObject*>(exc)->name = newref(name);
  return raise_object(ts, exc);
}

}  // namespace

Object* eval_code(ThreadState* ts, CodeObject* code, Object* globals, Object* builtins) {
  if (--ts->recursion_remaining < 0) {
    ++ts->recursion_remaining;
    return raise(ts, &exc_RecursionError, "maximum recursion depth exceeded");
  }
  Frame frame{code, globals, builtins, globals, ts->frame};
  ts->frame = &frame;
  std::vector<Object*> stack_storage(static_cast<std::size_t>(code->co_stacksize) + 1);
  Object** const stack_base = stack_storage.data();
  Object** sp = stack_base;
  Object* const* consts = code->co_consts.data();
  Object* const* names = code->co_names.data();
  const CodeUnit* const first_instr = code->co_code.data();
  const CodeUnit* next_instr = first_instr;
  std::atomic<std::uint8_t>& eval_breaker = *ts->eval_breaker;
  Object* kwnames = nullptr;  // borrowed from co_consts, set by KW_NAMES for the next CALL
  Object* retval = nullptr;

#define CHECK_EVAL_BREAKER()                                                    \
  if (eval_breaker.load(std::memory_order_relaxed) && !handle_eval_breaker(ts)) \
    goto error

  for (;;) {
    frame.lasti = static_cast<int>(next_instr - first_instr);
    int opcode = next_instr->opcode;
    int oparg = next_instr->arg;
    ++next_instr;
  dispatch_opcode:
    switch (opcode) {
      case op::NOP:
        continue;

      case op::RESUME:
        CHECK_EVAL_BREAKER();
        continue;

      case op::EXTENDED_ARG:
        frame.lasti = static_cast<int>(next_instr - first_instr);
        opcode = next_instr->opcode;
        oparg = (oparg << 8) | next_instr->arg;
        ++next_instr;
        goto dispatch_opcode;

      case op::LOAD_CONST:
        *sp++ = newref(consts[oparg]);
        continue;

      case op::LOAD_NAME: {
        Object* name = names[oparg];
        Object* v = dict_get_str(frame.locals, name);
        if (!v) v = dict_get_str(frame.globals, name);
        if (!v) v = dict_get_str(frame.builtins, name);
        if (!v) {
          name_error(ts, name);
          goto error;
        }
        *sp++ = newref(v);
        continue;
      }

      case op::STORE_NAME: {
        Object* v = *--sp;
        bool ok = dict_set_item(ts, frame.locals, names[oparg], v);
        decref(v);
        if (!ok) goto error;
        continue;
      }

      case op::POP_TOP:
        decref(*--sp);
        continue;

      case op::PUSH_NULL:
        *sp++ = nullptr;
        continue;

      case op::COPY: {
        Object* v = sp[-oparg];
        *sp++ = newref(v);
        continue;
      }

      case op::SWAP:
        std::swap(sp[-1], sp[-oparg]);
        continue;

      case op::UNARY_NEGATIVE:
      case op::UNARY_POSITIVE:
      case op::UNARY_INVERT: {
        Object* v = sp[-1];
        Object* r = opcode == op::UNARY_NEGATIVE ? unary_negative(ts, v)
                    : opcode == op::UNARY_POSITIVE ? unary_positive(ts, v) : unary_invert(ts, v);
        decref(v);
        sp[-1] = r;
        if (!r) { --sp; goto error; }
        continue;
      }

      case op::UNARY_NOT: {
        Object* v = sp[-1];
        int t = object_is_true(ts, v);
        decref(v);
        if (t < 0) { --sp; goto error; }
        sp[-1] = new_bool(!t);
        continue;
      }

      case op::BINARY_OP: {  // (a, b -- a <op> b)
        Object* rhs = *--sp;
        Object* lhs = sp[-1];
        Object* r = binary_op(ts, lhs, rhs, static_cast<BinaryOp>(oparg));
        decref(lhs);
        decref(rhs);
        sp[-1] = r;
        next_instr += caches::BINARY_OP;
        if (!r) { --sp; goto error; }
        continue;
      }

      case op::COMPARE_OP: {
        Object* rhs = *--sp;
        Object* lhs = sp[-1];
        Object* r = rich_compare(ts, lhs, rhs, static_cast<CompareOp>(oparg));
        decref(lhs);
        decref(rhs);
        sp[-1] = r;
        next_instr += caches::COMPARE_OP;
        if (!r) { --sp; goto error; }
        continue;
      }

      case op::IS_OP: {
        Object* rhs = *--sp;
        Object* lhs = sp[-1];
        bool r = (lhs == rhs) != (oparg == 1);
        decref(lhs);
        decref(rhs);
        sp[-1] = new_bool(r);
        continue;
      }

      case op::CONTAINS_OP: {
        Object* container = *--sp;
        Object* item = sp[-1];
        int found = -1;
        if (is_str(container) && is_str(item)) {
          found = str_view(container).find(str_view(item)) != std::string_view::npos;
        } else {
          raise(ts, &exc_TypeError, std::string("argument of type '") + container->ob_type->tp_name +
                                        "' is not iterable");
        }
        decref(container);
        decref(item);
        if (found < 0) { --sp; goto error; }
        sp[-1] = new_bool((found == 1) != (oparg == 1));
        continue;
      }

      case op::BUILD_TUPLE: {
        Object* t = new_tuple(ts, oparg);
        for (int i = oparg - 1; i >= 0; --i) tuple_set(t, i, *--sp);
        *sp++ = t;
        continue;
      }

      case op::JUMP_FORWARD:
        next_instr += oparg;
        continue;

      case op::JUMP_BACKWARD:
        next_instr -= oparg;
        CHECK_EVAL_BREAKER();
        continue;

      case op::JUMP_BACKWARD_NO_INTERRUPT:
        next_instr -= oparg;
        continue;

      case op::POP_JUMP_FORWARD_IF_FALSE:
      case op::POP_JUMP_FORWARD_IF_TRUE:
      case op::POP_JUMP_BACKWARD_IF_FALSE:
      case op::POP_JUMP_BACKWARD_IF_TRUE: {
        Object* v = *--sp;
        int t = v == py_true() ? 1 : v == py_false() ? 0 : object_is_true(ts, v);
        decref(v);
        if (t < 0) goto error;
        bool jump_if = opcode == op::POP_JUMP_FORWARD_IF_TRUE || opcode == op::POP_JUMP_BACKWARD_IF_TRUE;
        if ((t == 1) == jump_if) {
          if (opcode == op::POP_JUMP_BACKWARD_IF_FALSE || opcode == op::POP_JUMP_BACKWARD_IF_TRUE) {
            next_instr -= oparg;
            CHECK_EVAL_BREAKER();
          } else {
            next_instr += oparg;
          }
        }
        continue;
      }

      case op::POP_JUMP_FORWARD_IF_NONE:
      case op::POP_JUMP_FORWARD_IF_NOT_NONE:
      case op::POP_JUMP_BACKWARD_IF_NONE:
      case op::POP_JUMP_BACKWARD_IF_NOT_NONE: {
        Object* v = *--sp;
        bool is_none = v == py_none();
        decref(v);
        bool jump_if_none = opcode == op::POP_JUMP_FORWARD_IF_NONE || opcode == op::POP_JUMP_BACKWARD_IF_NONE;
        if (is_none == jump_if_none) {
          if (opcode == op::POP_JUMP_BACKWARD_IF_NONE || opcode == op::POP_JUMP_BACKWARD_IF_NOT_NONE) {
            next_instr -= oparg;
            CHECK_EVAL_BREAKER();
          } else {
            next_instr += oparg;
          }
        }
        continue;
      }

      case op::JUMP_IF_FALSE_OR_POP:
      case op::JUMP_IF_TRUE_OR_POP: {
        Object* v = sp[-1];
        int t = object_is_true(ts, v);
        if (t < 0) goto error;
        if ((t == 1) == (opcode == op::JUMP_IF_TRUE_OR_POP)) {
          next_instr += oparg;
        } else {
          --sp;
          decref(v);
        }
        continue;
      }

      case op::KW_NAMES:
        kwnames = consts[oparg];
        continue;

      case op::PRECALL:
        next_instr += caches::PRECALL;
        continue;

      case op::CALL: {  // (NULL/method, callable/self, args[oparg] -- result)
        bool is_method = sp[-(oparg + 2)] != nullptr;
        Object* callable = is_method ? sp[-(oparg + 2)] : sp[-(oparg + 1)];
        Object** args = is_method ? sp - (oparg + 1) : sp - oparg;
        int total = oparg + (is_method ? 1 : 0);
        std::size_t nkw = kwnames ? static_cast<std::size_t>(tuple_size(kwnames)) : 0;
        Object* r = call_object(ts, callable, args, total - nkw, kwnames);
        kwnames = nullptr;
        for (int i = 0; i < total; ++i) decref(args[i]);
        decref(callable);
        sp -= oparg + 2;
        next_instr += caches::CALL;
        if (!r) goto error;
        *sp++ = r;
        CHECK_EVAL_BREAKER();
        continue;
      }

      case op::RETURN_VALUE:
        retval = *--sp;
        goto exit_frame;

      default:
        raise(ts, &exc_SystemError, std::string("opcode ") + kOpcodeInfo[opcode].name + " is not supported yet");
        goto error;
    }

  error:
    add_traceback_entry(ts->curexc, code, frame.lasti * 2, frame.globals);
    while (sp > stack_base) xdecref(*--sp);
    retval = nullptr;
    goto exit_frame;
  }
#undef CHECK_EVAL_BREAKER

exit_frame:
  ts->frame = frame.previous;
  ++ts->recursion_remaining;
  return retval;
}

}  // namespace terrarium
