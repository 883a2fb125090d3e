// window.__terrarium: a small read/drive surface for the browser tests
// (tests/web/). Kept separate so the app never depends on it.
import type { EditorPane } from '../panes/editor/editor-pane';
import type { MonacoOptions } from '../panes/editor/monaco';
import type { TerminalPane } from '../panes/terminal/terminal-pane';
import type { ThreadsPane, ThreadsView } from '../panes/threads/threads-pane';
import type { ProgramInfo, Snapshot } from '../vm/debug-protocol';
import type { Autoplay } from './autoplay';
import type { Build, PaneId, VmState } from './events';
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
  /** The last snapshot of the debug session (null outside one). */
  snapshot(): Snapshot | null;
  program(): ProgramInfo | null;
  /** A small budget makes an endless loop pause quickly. */
  setStepBudget(budget: number): void;
  autoplaying(): boolean;
  panes(): PaneId[];
  /** The lanes, summary and dropped count the threads pane drew last (null: nothing yet). */
  threadLanes(): ThreadsView | null;
}

declare global {
  interface Window {
    __terrarium: TestHooks;
  }
}

export interface HookedParts {
  editor: EditorPane;
  terminal: TerminalPane;
  session: Session;
  autoplay: Autoplay;
  threads: ThreadsPane;
  panes(): PaneId[];
}

export function installTestHooks({ editor, terminal, session, autoplay, threads, panes }: HookedParts): void {
  window.__terrarium = {
    getSource: () => editor.getValue(),
    setSource: (source) => editor.setValue(source),
    terminalText: () => terminal.text(),
    state: () => session.state(),
    build: () => session.build(),
    lastStopLatencyMs: () => session.lastStopLatencyMs(),
    monacoReady: () => editor.monacoReady(),
    updateEditorOptions: (options) => editor.updateOptions(options),
    snapshot: () => session.lastSnapshot(),
    program: () => session.programInfo(),
    setStepBudget: (budget) => session.setStepBudget(budget),
    autoplaying: () => autoplay.playing(),
    panes,
    threadLanes: () => threads.view(),
  };
}
