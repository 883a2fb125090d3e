// CPython 3.11 dis output: line-start detection from the position table, jump-target
// markers, argument reprs per opcode kind and the column widths of Instruction._disassemble.
#include "bytecode/dis.hpp"

#include <cstdio>
#include <set>
#include "bytecode/opcodes.hpp"
#include "objects/abstract.hpp"
#include "objects/str.hpp"

namespace terrarium {

namespace {

// The byte offset a jump instruction at `offset` (with `arg`) lands on.
int jump_target(int opcode, int offset, int arg) {
  int after = offset / 2 + 1 + cache_entries(opcode);
  bool backward = kOpcodeInfo[opcode].flags & opflag::JUMP_BACKWARD_REL;
  return 2 * (backward ? after - arg : after + arg);
}

bool is_jump_opcode(int opcode) {
  return kOpcodeInfo[opcode].flags & (opflag::JUMP_FORWARD_REL | opflag::JUMP_BACKWARD_REL);
}

std::string pad_right(const std::string& s, std::size_t width) {
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}
std::string pad_left(const std::string& s, std::size_t width) {
  return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

}  // namespace

bool get_instructions(ThreadState* ts, CodeObject* code, std::vector<DisInstruction>& out) {
  const auto& units = code->co_code;
  // dis.findlinestarts: an instruction starts a line when its line differs from the last seen.
  std::vector<int> line_starts(units.size(), -1);
  int last_line = -1;
  for (std::size_t i = 0; i < units.size(); ++i) {
    int line = code->co_positions[i].lineno;
    if (line >= 0 && line != last_line) {
      line_starts[i] = line;
      last_line = line;
    }
  }
  std::set<int> targets;
  int ext = 0;
  for (std::size_t i = 0; i < units.size();) {
    int opcode = units[i].opcode;
    int arg = units[i].arg | ext;
    ext = opcode == op::EXTENDED_ARG ? arg << 8 : 0;
    if (is_jump_opcode(opcode)) targets.insert(jump_target(opcode, static_cast<int>(2 * i), arg));
    i += 1 + cache_entries(opcode);
  }
  // Exception handlers count as jump targets, as dis's findlabels + exception table do.
  for (const ExceptionTableEntry& e : code->co_exceptiontable) targets.insert(2 * e.target);
  ext = 0;
  for (std::size_t i = 0; i < units.size();) {
    int opcode = units[i].opcode;
    DisInstruction ins;
    ins.offset = static_cast<int>(2 * i);
    ins.opcode = opcode;
    ins.starts_line = line_starts[i];
    ins.line = code->co_positions[i].lineno;
    ins.is_jump_target = targets.count(ins.offset) > 0;
    ins.arg = -1;
    if (has_arg(opcode)) {
      int arg = units[i].arg | ext;
      ins.arg = arg;
      const std::uint16_t flags = kOpcodeInfo[opcode].flags;
      if (flags & opflag::HAS_CONST) {
        // 3.11's dis shows the value for LOAD_CONST only (not KW_NAMES).
        if (opcode == op::LOAD_CONST && !repr_string(ts, code->co_consts[arg], ins.argrepr)) return false;
      } else if (flags & opflag::HAS_NAME) {
        if (opcode == op::LOAD_GLOBAL) {
          ins.argrepr = std::string(str_view(code->co_names[arg >> 1]));
          if (arg & 1) ins.argrepr = "NULL + " + ins.argrepr;
        } else {
          ins.argrepr = std::string(str_view(code->co_names[arg]));
        }
      } else if (flags & (opflag::JUMP_FORWARD_REL | opflag::JUMP_BACKWARD_REL)) {
        ins.jump_target = jump_target(opcode, ins.offset, arg);
        ins.argrepr = "to " + std::to_string(ins.jump_target);
      } else if (flags & (opflag::HAS_LOCAL | opflag::HAS_FREE)) {
        if (arg < static_cast<int>(code->co_localsplusnames.size()))
          ins.argrepr = std::string(str_view(code->co_localsplusnames[static_cast<std::size_t>(arg)]));
      } else if (flags & opflag::HAS_COMPARE) {
        ins.argrepr = compare_symbol(static_cast<CompareOp>(arg));
      } else if (opcode == op::BINARY_OP) {
        ins.argrepr = binary_op_symbol(static_cast<BinaryOp>(arg));
      } else if (opcode == op::FORMAT_VALUE) {
        static const char* const kConverters[] = {"", "str", "repr", "ascii"};
        ins.argrepr = kConverters[arg & 0x3];
        if (arg & 0x4) ins.argrepr += ins.argrepr.empty() ? "with format" : ", with format";
      } else if (opcode == op::MAKE_FUNCTION) {
        static const char* const kFlags[] = {"defaults", "kwdefaults", "annotations", "closure"};
        for (int bit = 0; bit < 4; ++bit)
          if (arg & (1 << bit)) ins.argrepr += (ins.argrepr.empty() ? "" : ", ") + std::string(kFlags[bit]);
      }
    }
    ext = opcode == op::EXTENDED_ARG ? ((units[i].arg | ext) << 8) : 0;
    out.push_back(std::move(ins));
    i += 1 + cache_entries(opcode);
  }
  return true;
}

bool disassemble(ThreadState* ts, CodeObject* code, std::string& out) {
  std::vector<DisInstruction> instructions;
  if (!get_instructions(ts, code, instructions)) return false;
  int max_line = -1;
  for (const auto& ins : instructions) max_line = std::max(max_line, ins.starts_line);
  int lineno_width = max_line >= 1000 ? static_cast<int>(std::to_string(max_line).size()) : 3;
  if (max_line < 0) lineno_width = 0;
  int max_offset = static_cast<int>(2 * code->co_code.size()) - 2;
  std::size_t offset_width = max_offset >= 10000 ? std::to_string(max_offset).size() : 4;
  for (const auto& ins : instructions) {
    if (lineno_width && ins.starts_line >= 0 && ins.offset > 0) out += "\n";
    std::string line;
    if (lineno_width) {
      line += ins.starts_line >= 0 ? pad_left(std::to_string(ins.starts_line), lineno_width)
                                   : std::string(lineno_width, ' ');
      line += ' ';
    }
    line += "   ";
    line += ins.is_jump_target ? " >>" : "   ";
    line += ' ' + pad_left(std::to_string(ins.offset), offset_width);
    line += ' ' + pad_right(kOpcodeInfo[ins.opcode].name, 20);
    if (ins.arg >= 0) {
      line += ' ' + pad_left(std::to_string(ins.arg), 5);
      if (!ins.argrepr.empty()) line += " (" + ins.argrepr + ")";
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  if (!code->co_exceptiontable.empty()) {
    out += "ExceptionTable:\n";
    for (const ExceptionTableEntry& e : code->co_exceptiontable)
      out += "  " + std::to_string(2 * e.start) + " to " + std::to_string(2 * e.end - 2) + " -> " +
             std::to_string(2 * e.target) + " [" + std::to_string(e.depth) + "]" + (e.lasti ? " lasti" : "") + "\n";
  }
  for (Object* c : code->co_consts) {
    if (c->ob_type != &code_type) continue;
    std::string header;
    if (!repr_string(ts, c, header)) return false;
    out += "\nDisassembly of " + header + ":\n";
    if (!disassemble(ts, static_cast<CodeObject*>(c), out)) return false;
  }
  return true;
}

}  // namespace terrarium
