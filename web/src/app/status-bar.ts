// The status bar: what the VM is doing or how the last run ended (left) and
// which build runs, with its version (right). Re-rendered on language change.
import { t } from '../i18n';
import type { AppBus, Build, RunResult, VmState } from './events';

export function mountStatusBar(bus: AppBus, message: HTMLElement, buildInfo: HTMLElement): void {
  let state: VmState = 'loading';
  let lastRun: RunResult | null = null;
  let loadError: string | null = null;
  let ready: { build: Build; version: string } | null = null;

  const messageText = (): string => {
    if (loadError !== null) return t('loadFailed', { message: loadError });
    if (state === 'running') return t('running');
    if (state === 'stopping') return t('stopping');
    // After a run, its outcome stays visible, also while a stopped
    // single-threaded VM restarts in the background.
    if (lastRun?.kind === 'stopped') return t('stopped');
    if (lastRun?.kind === 'crashed') return t('crashed');
    if (lastRun?.kind === 'finished') {
      const ms = t('elapsed', { ms: Math.round(lastRun.elapsedMs) });
      return `${t('finished', { status: lastRun.status })} · ${ms}`;
    }
    return state === 'loading' ? t('loading') : t('ready');
  };

  const render = (): void => {
    message.textContent = messageText();
    message.title = message.textContent; // the full text when it is cut off
    message.dataset.state = loadError !== null ? 'error' : state;
    buildInfo.textContent = ready
      ? `${t(ready.build === 'threaded' ? 'buildThreaded' : 'buildSingle')} · ${t('version', { version: ready.version })}`
      : '';
  };

  bus.on('vm-state', (next) => { state = next; render(); });
  bus.on('vm-ready', (info) => { ready = info; render(); });
  bus.on('vm-load-failed', ({ message: text }) => { loadError = text; render(); });
  bus.on('run-started', () => { lastRun = null; render(); });
  bus.on('run-finished', (result) => { lastRun = result; render(); });
  bus.on('language-changed', render);
  render();
}
