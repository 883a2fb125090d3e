// SWAP elimination. Compiling `a, b = b, a` or a match pattern's captures leaves runs of
// SWAPs before stores; CPython 3.11 shortens the run to its cycle decomposition and then
// swaps the stores themselves, so `dis` shows no SWAP at all in the common cases.
#include "compiler/swap_optimizer.hpp"

#include <algorithm>

namespace terrarium {

namespace {

bool is_swappable(int opcode) { return opcode == op::STORE_FAST || opcode == op::POP_TOP; }

// The local a STORE_FAST writes, or -1.
int stored_local(const Instr& in) { return in.opcode == op::STORE_FAST ? in.oparg : -1; }

// The next STORE_FAST/POP_TOP after `i`, skipping NOPs, on line `lineno` if it is given
// (moving a store across a line event would change what a tracer sees); -1 if none.
long next_swappable(const std::vector<Instr>& instrs, long i, int lineno) {
  while (++i < static_cast<long>(instrs.size())) {
    const Instr& in = instrs[static_cast<std::size_t>(i)];
    if (lineno >= 0 && in.loc.lineno != lineno) return -1;
    if (in.opcode == op::NOP) continue;
    return is_swappable(in.opcode) ? i : -1;
  }
  return -1;
}

}  // namespace

void minimize_swap_run(std::vector<Instr>& instrs, std::size_t& i) {
  std::size_t len = 0, limit = instrs.size() - i;
  int depth = instrs[i].oparg;
  bool several = false;
  while (++len < limit) {
    const Instr& in = instrs[i + len];
    if (in.opcode == op::SWAP) {
      depth = std::max(depth, in.oparg);
      several = true;
    } else if (in.opcode != op::NOP) {
      break;
    }
  }
  if (!several) return;
  // Run the SWAPs on a model stack of positions 0..depth-1 (0 is the top).
  constexpr int kVisited = -1;
  std::vector<int> stack(static_cast<std::size_t>(depth));
  for (int k = 0; k < depth; ++k) stack[static_cast<std::size_t>(k)] = k;
  for (std::size_t k = 0; k < len; ++k) {
    if (instrs[i + k].opcode != op::SWAP) continue;
    std::size_t other = static_cast<std::size_t>(instrs[i + k].oparg - 1);
    std::swap(stack[0], stack[other]);
  }
  // Each cycle of the permutation takes one SWAP per element other than the top. The
  // moves are written from the end of the run backwards, so that performed forwards they
  // build the permutation rather than undo it.
  long current = static_cast<long>(len) - 1;
  for (int k = 0; k < depth; ++k) {
    if (stack[static_cast<std::size_t>(k)] == kVisited || stack[static_cast<std::size_t>(k)] == k) continue;
    int j = k;
    for (;;) {
      if (j != 0) {
        Instr& in = instrs[i + static_cast<std::size_t>(current--)];
        in.opcode = op::SWAP;
        in.oparg = j + 1;
      }
      if (stack[static_cast<std::size_t>(j)] == kVisited) break;
      int next = stack[static_cast<std::size_t>(j)];
      stack[static_cast<std::size_t>(j)] = kVisited;
      j = next;
    }
  }
  while (current >= 0) instrs[i + static_cast<std::size_t>(current--)].opcode = op::NOP;
  i += len - 1;
}

void apply_static_swaps(std::vector<Instr>& instrs, std::size_t start) {
  for (long i = static_cast<long>(start); i >= 0; --i) {
    Instr& swap = instrs[static_cast<std::size_t>(i)];
    if (swap.opcode != op::SWAP) {
      if (swap.opcode == op::NOP || is_swappable(swap.opcode)) continue;
      return;
    }
    long j = next_swappable(instrs, i, -1);
    if (j < 0) return;
    long k = j;
    int lineno = instrs[static_cast<std::size_t>(j)].loc.lineno;
    for (int count = swap.oparg - 1; count > 0; --count) {
      k = next_swappable(instrs, k, lineno);
      if (k < 0) return;
    }
    // Exchanging two stores to the same local, or across another store to one of
    // theirs, would change which value the local ends with.
    int store_j = stored_local(instrs[static_cast<std::size_t>(j)]);
    int store_k = stored_local(instrs[static_cast<std::size_t>(k)]);
    if (store_j >= 0 || store_k >= 0) {
      if (store_j == store_k) return;
      for (long m = j + 1; m < k; ++m) {
        int store_m = stored_local(instrs[static_cast<std::size_t>(m)]);
        if (store_m >= 0 && (store_m == store_j || store_m == store_k)) return;
      }
    }
    swap.opcode = op::NOP;
    std::swap(instrs[static_cast<std::size_t>(j)], instrs[static_cast<std::size_t>(k)]);
  }
}

}  // namespace terrarium
