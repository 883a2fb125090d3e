// The stack effect of every real CPython 3.11 instruction. Each case follows the stack
// comment in opcodes.def; where an instruction's two halves split the work differently
// from our eval loop (PRECALL/CALL), CPython's split is kept, since dis.stack_effect
// shows it. CPython: Python/compile.c stack_effect().
#include "bytecode/stack_effect.hpp"

#include "bytecode/opcodes.hpp"

namespace terrarium {

namespace {
int bits_set(int oparg, int mask) {
  int n = 0;
  for (int bit = 1; bit <= mask; bit <<= 1) n += (mask & bit) && (oparg & bit);
  return n;
}
}  // namespace

std::optional<int> opcode_stack_effect(int opcode, int oparg, bool jump) {
  switch (opcode) {
    case op::CACHE: case op::NOP: case op::RESUME: case op::EXTENDED_ARG: return 0;
    case op::MAKE_CELL: case op::COPY_FREE_VARS: return 0;

    // Loads push one value; LOAD_GLOBAL's low bit asks for a NULL below it.
    case op::LOAD_CONST: case op::LOAD_NAME: case op::LOAD_FAST: case op::LOAD_DEREF:
    case op::LOAD_CLASSDEREF: case op::LOAD_CLOSURE: case op::LOAD_BUILD_CLASS:
    case op::LOAD_ASSERTION_ERROR: case op::PUSH_NULL: case op::LOAD_METHOD:
      return 1;
    case op::LOAD_GLOBAL: return 1 + (oparg & 1);
    case op::LOAD_ATTR: return 0;
    case op::COPY: return 1;
    case op::SWAP: return 0;

    case op::STORE_NAME: case op::STORE_FAST: case op::STORE_GLOBAL: case op::STORE_DEREF: return -1;
    case op::DELETE_NAME: case op::DELETE_FAST: case op::DELETE_GLOBAL: case op::DELETE_DEREF: return 0;
    case op::STORE_ATTR: return -2;
    case op::DELETE_ATTR: return -1;
    case op::BINARY_SUBSCR: return -1;
    case op::STORE_SUBSCR: return -3;
    case op::DELETE_SUBSCR: return -2;
    case op::POP_TOP: case op::PRINT_EXPR: case op::RETURN_VALUE: return -1;

    case op::UNARY_POSITIVE: case op::UNARY_NEGATIVE: case op::UNARY_NOT: case op::UNARY_INVERT: return 0;
    case op::BINARY_OP: case op::COMPARE_OP: case op::IS_OP: case op::CONTAINS_OP: return -1;

    case op::BUILD_TUPLE: case op::BUILD_LIST: case op::BUILD_SET: case op::BUILD_STRING: return 1 - oparg;
    case op::BUILD_MAP: return 1 - 2 * oparg;
    case op::BUILD_CONST_KEY_MAP: return -oparg;
    case op::BUILD_SLICE: return oparg == 3 ? -2 : -1;
    case op::LIST_APPEND: case op::SET_ADD: case op::LIST_EXTEND: case op::SET_UPDATE:
    case op::DICT_UPDATE: case op::DICT_MERGE: return -1;
    case op::MAP_ADD: return -2;
    case op::LIST_TO_TUPLE: return 0;
    case op::UNPACK_SEQUENCE: return oparg - 1;
    case op::UNPACK_EX: return (oparg & 0xFF) + (oparg >> 8);
    case op::FORMAT_VALUE: return (oparg & 0x04) ? -1 : 0;  // a format spec is popped too

    case op::MAKE_FUNCTION: return -bits_set(oparg, 0x0F);  // one item per flag bit
    case op::PRECALL: return -oparg;
    case op::CALL: return -1;
    case op::KW_NAMES: return 0;
    case op::CALL_FUNCTION_EX: return -2 - (oparg & 1);

    case op::GET_ITER: case op::GET_YIELD_FROM_ITER: return 0;
    case op::FOR_ITER: return jump ? -1 : 1;  // exhausted: the iterator is popped
    case op::SEND: return jump ? -1 : 0;
    case op::RETURN_GENERATOR: case op::YIELD_VALUE: case op::ASYNC_GEN_WRAP: return 0;
    case op::GET_AWAITABLE: case op::GET_AITER: return 0;
    case op::GET_ANEXT: case op::BEFORE_ASYNC_WITH: case op::BEFORE_WITH: return 1;
    case op::END_ASYNC_FOR: return -2;
    case op::WITH_EXCEPT_START: return 1;
    case op::SETUP_ANNOTATIONS: return 0;

    case op::RAISE_VARARGS: return -oparg;
    case op::RERAISE: return -1;
    case op::PUSH_EXC_INFO: return 1;
    case op::POP_EXCEPT: return -1;
    case op::CHECK_EXC_MATCH: case op::CHECK_EG_MATCH: return 0;
    case op::PREP_RERAISE_STAR: return -1;

    case op::GET_LEN: case op::MATCH_MAPPING: case op::MATCH_SEQUENCE: case op::MATCH_KEYS: return 1;
    case op::MATCH_CLASS: return -2;

    case op::IMPORT_NAME: return -1;
    case op::IMPORT_FROM: return 1;
    case op::IMPORT_STAR: return -1;

    case op::JUMP_FORWARD: case op::JUMP_BACKWARD: case op::JUMP_BACKWARD_NO_INTERRUPT: return 0;
    case op::JUMP_IF_TRUE_OR_POP: case op::JUMP_IF_FALSE_OR_POP: return jump ? 0 : -1;
    case op::POP_JUMP_FORWARD_IF_FALSE: case op::POP_JUMP_FORWARD_IF_TRUE:
    case op::POP_JUMP_BACKWARD_IF_FALSE: case op::POP_JUMP_BACKWARD_IF_TRUE:
    case op::POP_JUMP_FORWARD_IF_NONE: case op::POP_JUMP_FORWARD_IF_NOT_NONE:
    case op::POP_JUMP_BACKWARD_IF_NONE: case op::POP_JUMP_BACKWARD_IF_NOT_NONE:
      return -1;
    default:
      return std::nullopt;
  }
}

}  // namespace terrarium
