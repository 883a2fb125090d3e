// Builds the app into a root element and connects the pieces through the bus:
// the playground (main.ts) and the embed page (embed.ts) differ only in the
// options they pass. Wiring only; each piece lives in its own module.
import './app.css';
import { t, translatePage } from '../i18n';
import { BytecodePane } from '../panes/bytecode/bytecode-pane';
import { mountControls } from '../panes/controls/controls-pane';
import { EditorPane } from '../panes/editor/editor-pane';
import { FramesPane } from '../panes/frames/frames-pane';
import { StackPane } from '../panes/stack/stack-pane';
import { TerminalPane } from '../panes/terminal/terminal-pane';
import { ThreadsPane } from '../panes/threads/threads-pane';
import { Autoplay, DEFAULT_SPEED } from './autoplay';
import { EventBus, type AppBus, type AppEvents, type PaneId } from './events';
import { Layout } from './layout';
import { encodeShare, threadSeed } from './link';
import { Session } from './session';
import { buildSkeleton } from './skeleton';
import { mountStatusBar } from './status-bar';
import { installTestHooks } from './test-hooks';
import { mountToolbar } from './toolbar';

export interface AppOptions {
  code: string;
  panes: PaneId[];
  showEditor: boolean;
  readOnly: boolean;
  dark: boolean;
  /** Replay to this step once the VM is ready (a share link); 0: do not start. */
  step: number;
  /** Shown once the page is up (e.g. why the sample was loaded instead of a link). */
  notice?: string;
  /** Where a Share link should open: the playground, also from an embed. */
  sharePage: string;
  /** Show the threads pane when a program starts a thread (the playground; an embed's panes are fixed). */
  revealThreads: boolean;
}

export interface MountedApp {
  bus: AppBus;
  session: Session;
  autoplay: Autoplay;
  /** True once the first program or session started (an embed's autorun uses it). */
  started(): boolean;
}

function element<T extends HTMLElement>(root: HTMLElement, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`the skeleton lacks ${selector}`);
  return found;
}

export function mountApp(root: HTMLElement, options: AppOptions): MountedApp {
  buildSkeleton(root);
  if (options.dark) document.documentElement.dataset.theme = 'dark';
  translatePage();
  const bus = new EventBus<AppEvents>();
  const $ = <T extends HTMLElement>(selector: string): T => element<T>(root, selector);

  // Start the VM worker first: the wasm downloads and compiles while Monaco loads.
  const session = new Session(bus);
  const autoplay = new Autoplay(bus);

  mountToolbar(bus, $('#run'), $('#stop'), $('#share'), $('#language'));
  mountControls($('#controls'), bus, DEFAULT_SPEED);
  mountStatusBar(bus, $('#status-message'), $('#status-step'), $('#status-build'));
  const look = { readOnly: options.readOnly, dark: options.dark };
  const editor = new EditorPane($('#editor'), $('#source'), options.code, bus, look);
  const terminal = new TerminalPane($('#terminal'), bus, options.dark);
  new BytecodePane($('#bytecode'), bus);
  new StackPane($('#stack'), bus);
  new FramesPane($('#frames'), bus);
  const layout = new Layout(root, bus, options.panes);
  const threads = new ThreadsPane($('#threads'), bus, () => {
    if (options.revealThreads) layout.reveal('threads');
  });
  layout.showEditor(options.showEditor);
  layout.mountMenu($('#view-options'));

  let started = false;
  bus.on('run-started', () => { started = true; });
  bus.on('run-requested', () => session.run(editor.getValue()));
  bus.on('stop-requested', () => session.stop());
  bus.on('debug-command-requested', (command) => session.command(editor.getValue(), command));
  bus.on('pause-requested', () => session.pause());
  bus.on('breakpoints-changed', (breakpoints) => session.setBreakpoints(breakpoints));
  // The paused program no longer matches the text: end the session.
  bus.on('source-changed', () => session.endDebug());

  bus.on('share-requested', () => {
    const step = session.lastSnapshot()?.step ?? 0;
    const hash = encodeShare({ code: editor.getValue(), panes: layout.panes(), step });
    const url = new URL(options.sharePage, location.href);
    // A green-thread seed stays with the link, so a race replays as it was shared.
    const seed = threadSeed(location.hash);
    url.hash = seed ? `${hash}&seed=${seed}` : hash;
    if (url.pathname === location.pathname) history.replaceState(null, '', url);
    // The address bar has the link at once; the clipboard may ask for a
    // permission and never answer, so it only upgrades the message.
    bus.emit('notice', { text: t('linkInAddress', { step }), error: false });
    navigator.clipboard?.writeText(url.href).then(
      () => bus.emit('notice', { text: t('linkCopied', { step }), error: false }),
      () => undefined,
    );
  });

  if (options.step > 0) {
    let pendingStep: number | null = options.step;
    bus.on('vm-state', (state) => {
      if (state !== 'ready' || pendingStep === null) return;
      const step = pendingStep;
      pendingStep = null;
      session.command(editor.getValue(), { kind: 'goto', step });
    });
  }

  installTestHooks({ editor, terminal, session, autoplay, threads, panes: () => layout.panes() });
  if (options.notice) bus.emit('notice', { text: options.notice, error: true });
  void editor.upgrade();
  return { bus, session, autoplay, started: () => started };
}
