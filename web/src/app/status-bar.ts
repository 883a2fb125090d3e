// The status bar: what the VM is doing or how the last run ended (left), the
// step and line of a paused debug session (middle) and which build runs, with
// its version (right). Re-rendered on language change.
import { t, type StringKey } from '../i18n';
import type { PauseReason, Snapshot } from '../vm/debug-protocol';
import type { AppBus, Build, RunResult, VmState } from './events';

const PAUSE_TEXT: Record<PauseReason, StringKey> = {
  start: 'pausedStart',
  step: 'pausedStep',
  breakpoint: 'pausedBreakpoint',
  budget: 'pausedBudget',
  pause: 'pausedPause',
  finished: 'pausedFinished',
};

export function mountStatusBar(
  bus: AppBus,
  message: HTMLElement,
  stepInfo: HTMLElement,
  buildInfo: HTMLElement,
): void {
  let state: VmState = 'loading';
  let lastRun: RunResult | null = null;
  let loadError: string | null = null;
  let notice: { text: string; error: boolean } | null = null;
  let ready: { build: Build; version: string } | null = null;
  let snapshot: Snapshot | null = null;

  const messageText = (): string => {
    if (loadError !== null) return t('loadFailed', { message: loadError });
    if (notice !== null) return notice.text;
    if (state === 'stepping') return t('stepping');
    if (state === 'paused' && snapshot) {
      const reason = t(PAUSE_TEXT[snapshot.reason], { status: snapshot.status ?? 0 });
      return snapshot.exception ? `${reason} · ${snapshot.exception.type}` : reason;
    }
    if (state === 'running') return t('running');
    if (state === 'stopping') return t('stopping');
    // After a run, its outcome stays visible, also while a stopped
    // single-threaded VM restarts in the background.
    if (lastRun?.kind === 'stopped') return t('stopped');
    if (lastRun?.kind === 'crashed') return t('crashed');
    if (lastRun?.kind === 'finished') {
      const finished = t('finished', { status: lastRun.status });
      // A debug session's end has no meaningful wall-clock time.
      if (!Number.isFinite(lastRun.elapsedMs)) return finished;
      return `${finished} · ${t('elapsed', { ms: Math.round(lastRun.elapsedMs) })}`;
    }
    return state === 'loading' ? t('loading') : t('ready');
  };

  const render = (): void => {
    message.textContent = messageText();
    message.title = message.textContent; // the full text when it is cut off
    message.dataset.state = loadError !== null || notice?.error ? 'error' : state;
    stepInfo.textContent = snapshot
      ? snapshot.line === null
        ? t('stepStatus', { step: snapshot.step })
        : `${t('stepStatus', { step: snapshot.step })} · ${t('lineNumber', { line: snapshot.line })}`
      : '';
    // A program with threads: which thread this step runs in (threading's name).
    if (snapshot?.thread && snapshot.line !== null) stepInfo.textContent += ` · ${snapshot.thread.name}`;
    buildInfo.textContent = ready
      ? `${t(ready.build === 'threaded' ? 'buildThreaded' : 'buildSingle')} · ${t('version', { version: ready.version })}`
      : '';
  };

  bus.on('vm-state', (next) => { state = next; render(); });
  bus.on('vm-ready', (info) => { ready = info; render(); });
  bus.on('vm-load-failed', ({ message: text }) => { loadError = text; render(); });
  bus.on('run-started', () => { lastRun = null; notice = null; render(); });
  bus.on('notice', (next) => { notice = next; render(); });
  bus.on('paused', (next) => { snapshot = next; notice = null; render(); });
  bus.on('debug-ended', () => { snapshot = null; render(); });
  bus.on('run-finished', (result) => { lastRun = result; render(); });
  bus.on('language-changed', render);
  render();
}
