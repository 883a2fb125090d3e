// window.__terrarium: a small read/drive surface for the browser tests
// (tests/web/). Kept separate so the app never depends on it.
import type { EditorPane } from '../panes/editor/editor-pane';
import type { MonacoOptions } from '../panes/editor/monaco';
import type { TerminalPane } from '../panes/terminal/terminal-pane';
import type { Build, VmState } from './events';
import type { Session } from './session';

export interface TestHooks {
  getSource(): string;
  setSource(source: string): void;
  /** xterm buffer lines joined with \n, trailing blank lines trimmed. */
  terminalText(): string;
  state(): VmState;
  build(): Build | null;
  lastStopLatencyMs(): number | null;
  monacoReady(): boolean;
  /** Lets a test turn off auto-indent/auto-close before typing for real. */
  updateEditorOptions(options: MonacoOptions): void;
}

declare global {
  interface Window {
    __terrarium: TestHooks;
  }
}

export function installTestHooks(editor: EditorPane, terminal: TerminalPane, session: Session): void {
  window.__terrarium = {
    getSource: () => editor.getValue(),
    setSource: (source) => editor.setValue(source),
    terminalText: () => terminal.text(),
    state: () => session.state(),
    build: () => session.build(),
    lastStopLatencyMs: () => session.lastStopLatencyMs(),
    monacoReady: () => editor.monacoReady(),
    updateEditorOptions: (options) => editor.updateOptions(options),
  };
}
