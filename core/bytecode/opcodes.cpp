// The opcode metadata table, expanded from opcodes.def at compile time.
#include "bytecode/opcodes.hpp"

namespace terrarium {

namespace {
constexpr std::array<OpcodeInfo, 256> build_table() {
  using namespace opflag;
  std::array<OpcodeInfo, 256> t{};
#define OPCODE(name, number, caches, flags) t[number] = OpcodeInfo{#name, caches, flags};
#include "bytecode/opcodes.def"
#undef OPCODE
  return t;
}
}  // namespace

const std::array<OpcodeInfo, 256> kOpcodeInfo = build_table();

}  // namespace terrarium
