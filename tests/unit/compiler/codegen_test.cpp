// Guards core/compiler (codegen, flowgraph, assemble): CPython 3.11 instruction choice,
// inline caches, constant folding and jump resolution.
#include <catch2/catch.hpp>

#include "bytecode/dis.hpp"
#include "bytecode/opcodes.hpp"
#include "compiler/codegen.hpp"
#include "objects/int.hpp"
#include "vm/thread_state.hpp"

using namespace terrarium;

namespace {
std::vector<std::string> opnames(const std::string& src) {
  ThreadState ts;
  CompileResult r = compile_module(&ts, src, "t.py", false);
  REQUIRE(r.code);
  std::vector<DisInstruction> ins;
  REQUIRE(get_instructions(&ts, r.code, ins));
  std::vector<std::string> names;
  for (auto& i : ins) names.push_back(kOpcodeInfo[i.opcode].name);
  decref(r.code);
  return names;
}
}  // namespace

TEST_CASE("a module starts with RESUME and ends by returning None") {
  CHECK(opnames("x = 1\n") ==
        std::vector<std::string>{"RESUME", "LOAD_CONST", "STORE_NAME", "LOAD_CONST", "RETURN_VALUE"});
}

TEST_CASE("calls use PUSH_NULL, PRECALL and CALL with their inline caches") {
  ThreadState ts;
  CompileResult r = compile_module(&ts, "print(1)\n", "t.py", false);
  REQUIRE(r.code);
  // RESUME, PUSH_NULL, LOAD_NAME, LOAD_CONST, PRECALL(+1 cache), CALL(+4), POP_TOP, LOAD_CONST, RETURN
  CHECK(r.code->co_code.size() == 9 + caches::PRECALL + caches::CALL);
  CHECK(r.code->co_code[5].opcode == op::CACHE);
  decref(r.code);
}

TEST_CASE("constant expressions are folded before code generation") {
  ThreadState ts;
  CompileResult r = compile_module(&ts, "x = 2 * 3 + 4\n", "t.py", false);
  REQUIRE(r.code);
  REQUIRE(r.code->co_consts.size() == 2);
  CHECK(int_value(r.code->co_consts[0]) == 10);
  decref(r.code);
  // Division by zero is left for run time.
  CHECK(opnames("y = 1 / 0\n")[3] == "BINARY_OP");
}

TEST_CASE("while loops test at the top and again at the bottom, jumping backward") {
  auto names = opnames("i = 0\nwhile i < 3:\n    i += 1\n");
  CHECK(std::count(names.begin(), names.end(), "COMPARE_OP") == 2);
  CHECK(std::find(names.begin(), names.end(), "POP_JUMP_BACKWARD_IF_TRUE") != names.end());
  CHECK(std::find(names.begin(), names.end(), "POP_JUMP_FORWARD_IF_FALSE") != names.end());
}

TEST_CASE("a constant condition removes the test entirely") {
  auto names = opnames("while True:\n    pass\n");
  CHECK(std::find(names.begin(), names.end(), "LOAD_CONST") == names.end());
  CHECK(names.back() == "JUMP_BACKWARD");
}

TEST_CASE("arguments above 255 get EXTENDED_ARG prefixes") {
  std::string src;
  for (int i = 0; i < 300; ++i) src += "v" + std::to_string(i) + " = " + std::to_string(i) + "\n";
  ThreadState ts;
  CompileResult r = compile_module(&ts, src, "t.py", false);
  REQUIRE(r.code);
  bool has_extended = false;
  for (const CodeUnit& u : r.code->co_code) has_extended |= u.opcode == op::EXTENDED_ARG;
  CHECK(has_extended);
  decref(r.code);
}

TEST_CASE("break outside a loop is a compile-time SyntaxError") {
  ThreadState ts;
  CompileResult r = compile_module(&ts, "x = 1\nbreak\n", "t.py", false);
  CHECK_FALSE(r.code);
  CHECK(r.error.message == "'break' outside loop");
  CHECK(r.error.lineno == 2);
}
