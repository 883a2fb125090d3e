// The stepping buttons, defined once: the command each sends, its label and
// tooltip keys and its keyboard shortcut. The controls pane builds buttons from
// this list and keyboard.ts dispatches keys with it, so a shortcut shown in a
// tooltip is always the one that works.
import type { StringKey } from '../../i18n';
import type { DebugCommand } from '../../vm/debug-protocol';

export interface Shortcut {
  key: string; // KeyboardEvent.key
  shift: boolean;
}

export interface StepButton {
  id: string;
  command: DebugCommand;
  label: StringKey;
  title: StringKey;
  shortcut?: Shortcut;
  /** Goes backwards in time: usable on a finished program, not at step 0. */
  backwards?: boolean;
}

export const STEP_BUTTONS: readonly StepButton[] = [
  { id: 'step-back', command: { kind: 'back' }, label: 'back', title: 'backTitle', shortcut: { key: 'F10', shift: true }, backwards: true },
  { id: 'step-instruction', command: { kind: 'step-instruction' }, label: 'stepInstruction', title: 'stepInstructionTitle', shortcut: { key: 'F7', shift: false } },
  { id: 'step-line', command: { kind: 'step-line' }, label: 'stepLine', title: 'stepLineTitle', shortcut: { key: 'F11', shift: false } },
  { id: 'step-over', command: { kind: 'step-over' }, label: 'stepOver', title: 'stepOverTitle', shortcut: { key: 'F10', shift: false } },
  { id: 'step-out', command: { kind: 'step-out' }, label: 'stepOut', title: 'stepOutTitle', shortcut: { key: 'F11', shift: true } },
  { id: 'continue', command: { kind: 'continue' }, label: 'continue', title: 'continueTitle', shortcut: { key: 'F8', shift: false } },
];

export function shortcutText(shortcut: Shortcut): string {
  return shortcut.shift ? `Shift+${shortcut.key}` : shortcut.key;
}
