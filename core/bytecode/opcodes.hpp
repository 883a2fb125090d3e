// Expands opcodes.def (the one list of instructions) into the opcode enum and a metadata
// table with CPython 3.11's names, inline cache counts and argument kinds.
#pragma once
#include <array>
#include <cstdint>

namespace terrarium {

namespace op {
enum Opcode : std::uint8_t {
#define OPCODE(name, number, caches, flags) name = number,
#include "bytecode/opcodes.def"
#undef OPCODE
};
}  // namespace op

// Inline cache entries per opcode, for `next_instr += caches::BINARY_OP;` in the eval loop.
namespace caches {
enum : int {
#define OPCODE(name, number, cache_count, flags) name = cache_count,
#include "bytecode/opcodes.def"
#undef OPCODE
};
}  // namespace caches

namespace opflag {
enum : std::uint16_t {
  HAS_ARG = 1 << 0,
  JUMP_FORWARD_REL = 1 << 1,
  JUMP_BACKWARD_REL = 1 << 2,
  HAS_CONST = 1 << 3,
  HAS_NAME = 1 << 4,
  HAS_LOCAL = 1 << 5,
  HAS_FREE = 1 << 6,
  HAS_COMPARE = 1 << 7,
};
}  // namespace opflag

struct OpcodeInfo {
  const char* name;  // null for numbers CPython 3.11 does not use
  std::uint8_t cache_entries;
  std::uint16_t flags;
};

// Indexed by opcode number. CPython: Lib/opcode.py opname, _inline_cache_entries, has*.
extern const std::array<OpcodeInfo, 256> kOpcodeInfo;

inline bool has_arg(int opcode) { return kOpcodeInfo[opcode].flags & opflag::HAS_ARG; }
inline int cache_entries(int opcode) { return kOpcodeInfo[opcode].cache_entries; }

}  // namespace terrarium
