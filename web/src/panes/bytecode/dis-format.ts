// How one instruction's columns read, as CPython 3.11's `dis` prints them
// (line, '>>' for jump targets, offset, opname, oparg, '(argrepr)'), plus the
// labels this pane gives jump targets so a jump can name where it goes.
import type { CodeInfo, InstructionInfo } from '../../vm/debug-protocol';

/** The oparg column: "2", "0 (a)", "12 (to 24)", or '' for no oparg. */
export function argumentText(instruction: InstructionInfo): string {
  const { arg, argrepr } = instruction;
  if (arg === undefined) return argrepr;
  // The contract allows argrepr to already hold the whole column ('1 (b)').
  if (argrepr === '' || argrepr.startsWith(`${arg} (`)) return argrepr || String(arg);
  return `${arg} (${argrepr})`;
}

/** Jump targets of a code object numbered in offset order: offset -> 'L1', 'L2'... */
export function jumpLabels(code: CodeInfo): Map<number, string> {
  const labels = new Map<number, string>();
  for (const instruction of code.instructions) {
    if (instruction.isJumpTarget) labels.set(instruction.offset, `L${labels.size + 1}`);
  }
  return labels;
}

/** The heading `dis` gives a code object, without the address it cannot show here. */
export function codeHeading(code: CodeInfo, filename: string): string {
  return `<code object ${code.name}, file "${filename}", line ${code.firstLine}>`;
}
