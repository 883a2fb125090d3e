// Guards core/bytecode/opcodes.def as expanded in C++ (the Python check compares the file
// itself with CPython's opcode module).
#include <catch2/catch.hpp>

#include <string>
#include "bytecode/opcodes.hpp"

using namespace terrarium;

TEST_CASE("opcode numbers, names and caches are CPython 3.11's") {
  CHECK(std::string(kOpcodeInfo[op::BINARY_OP].name) == "BINARY_OP");
  CHECK(op::BINARY_OP == 122);
  CHECK(op::RESUME == 151);
  CHECK(caches::CALL == 4);
  CHECK(caches::LOAD_GLOBAL == 5);
  CHECK(caches::LOAD_METHOD == 10);
  CHECK(has_arg(op::LOAD_CONST));
  CHECK_FALSE(has_arg(op::POP_TOP));
  CHECK(kOpcodeInfo[op::JUMP_BACKWARD].flags & opflag::JUMP_BACKWARD_REL);
  CHECK(kOpcodeInfo[3].name == nullptr);  // unused number
}
