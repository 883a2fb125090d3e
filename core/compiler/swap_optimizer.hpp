// Static elimination of SWAP instructions, a step of the per-block peephole pass.
// CPython 3.11: compile.c swaptimize() and apply_static_swaps().
#pragma once
#include <cstddef>
#include <vector>
#include "compiler/cfg.hpp"

namespace terrarium {

// Replaces the run of SWAPs and NOPs starting at `i` by the shortest run with the same
// effect on the stack; `i` moves to the run's last instruction.
void minimize_swap_run(std::vector<Instr>& instrs, std::size_t& i);

// Walking back from `i`, turns each SWAP into a NOP by exchanging the STORE_FAST/POP_TOP
// instructions that follow it instead of the stack items, when that changes nothing a
// program (or a line tracer) could see.
void apply_static_swaps(std::vector<Instr>& instrs, std::size_t i);

}  // namespace terrarium
