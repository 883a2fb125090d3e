// The program's code objects as the bytecode pane lists them (ProgramInfo in
// web/src/vm/debug-protocol.ts): the module first, then every nested code object in the
// order `dis` prints them. Instructions come from bytecode/dis.cpp, the one disassembler.
#pragma once
#include <string>
#include <unordered_map>
#include <vector>
#include <nlohmann/json_fwd.hpp>

namespace terrarium {

struct CodeObject;
struct ThreadState;

class ProgramCodes {
 public:
  ProgramCodes() = default;
  // Walks `module` and its nested code objects (co_consts), depth first as dis does.
  explicit ProgramCodes(CodeObject* module);
  const std::vector<CodeObject*>& codes() const { return codes_; }
  // The code's index in codes(), or -1 for code outside the program (the library
  // modules written in Python, exec'd strings).
  int index_of(const CodeObject* code) const {
    if (code == last_code_) return last_index_;
    auto it = index_.find(code);
    last_code_ = code;
    last_index_ = it == index_.end() ? -1 : it->second;
    return last_index_;
  }

 private:
  std::vector<CodeObject*> codes_;  // borrowed: the compiled module keeps them alive
  std::unordered_map<const CodeObject*, int> index_;
  mutable const CodeObject* last_code_ = nullptr;  // one-entry cache: steps stay in a code
  mutable int last_index_ = -1;
};

// ProgramInfo JSON; false with an exception set if an argument repr failed.
[[nodiscard]] bool program_info_json(ThreadState* ts, const ProgramCodes& program, const std::string& filename,
                                     nlohmann::json& out);

}  // namespace terrarium
