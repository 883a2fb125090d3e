// ProgramInfo: every code object's instructions with dis's argument text and jump labels.
#include "trace/program_info.hpp"

#include <nlohmann/json.hpp>
#include "bytecode/dis.hpp"
#include "bytecode/opcodes.hpp"

namespace terrarium {

ProgramCodes::ProgramCodes(CodeObject* module) {
  std::vector<CodeObject*> pending{module};
  // Depth first, children in co_consts order: the order of dis's "Disassembly of" sections.
  while (!pending.empty()) {
    CodeObject* code = pending.back();
    pending.pop_back();
    index_.emplace(code, static_cast<int>(codes_.size()));
    codes_.push_back(code);
    for (auto it = code->co_consts.rbegin(); it != code->co_consts.rend(); ++it)
      if ((*it)->ob_type == &code_type) pending.push_back(static_cast<CodeObject*>(*it));
  }
}

namespace {

[[nodiscard]] bool code_info_json(ThreadState* ts, CodeObject* code, int id, nlohmann::json& out) {
  std::vector<DisInstruction> instructions;
  if (!get_instructions(ts, code, instructions)) return false;
  nlohmann::json list = nlohmann::json::array();
  for (const DisInstruction& ins : instructions) {
    nlohmann::json j;
    j["offset"] = ins.offset;
    j["opname"] = kOpcodeInfo[ins.opcode].name;
    if (ins.arg >= 0) j["arg"] = ins.arg;
    j["argrepr"] = ins.argrepr;
    j["line"] = ins.line > 0 ? nlohmann::json(ins.line) : nlohmann::json(nullptr);
    j["isJumpTarget"] = ins.is_jump_target;
    if (ins.jump_target >= 0) j["jumpTarget"] = ins.jump_target;
    list.push_back(std::move(j));
  }
  out = {{"id", id},
         {"name", code->co_name},
         {"qualname", code->co_qualname},
         {"firstLine", code->co_firstlineno},
         {"instructions", std::move(list)}};
  return true;
}

}  // namespace

bool program_info_json(ThreadState* ts, const ProgramCodes& program, const std::string& filename,
                       nlohmann::json& out) {
  nlohmann::json codes = nlohmann::json::array();
  int id = 0;
  for (CodeObject* code : program.codes()) {
    nlohmann::json info;
    if (!code_info_json(ts, code, id++, info)) return false;
    codes.push_back(std::move(info));
  }
  out = {{"filename", filename}, {"codes", std::move(codes)}};
  return true;
}

}  // namespace terrarium
