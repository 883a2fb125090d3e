// Entry point of the embed page (for iframes in lessons and slides): the
// shared code and step from the hash, only the panes the hash names, read-only
// or editable, light or dark, and optionally running by itself. Inside a
// reveal.js deck it follows the slide: 'slide:start' resumes, 'slide:stop' pauses.
import { DEFAULT_PANES } from './app/layout';
import { decodeShare, embedOptions } from './app/link';
import { mountApp, type MountedApp } from './app/mount';
import { revealEvent } from './app/reveal';
import { t } from './i18n';
import { SAMPLE_PROGRAM } from './panes/editor/sample';
import type { PaneId } from './app/events';

const link = decodeShare(location.hash);
const shared = link.kind === 'ok' ? link.state : null;
const flags = embedOptions(location.hash);
const panes = flags.panes?.filter((p): p is PaneId => p !== 'editor') ?? shared?.panes ?? DEFAULT_PANES;
const debugPanes = panes.some((p) => p === 'bytecode' || p === 'stack' || p === 'frames');

const app: MountedApp = mountApp(document.querySelector<HTMLElement>('#app')!, {
  code: shared?.code ?? SAMPLE_PROGRAM,
  panes,
  showEditor: flags.panes === null || flags.panes.includes('editor'),
  readOnly: flags.readOnly,
  dark: flags.dark,
  step: shared?.step ?? 0,
  notice: link.kind === 'corrupt' ? t('linkCorrupt') : undefined,
  sharePage: './index.html',
  revealThreads: false,
});

// Without a stepping pane, the stepping buttons would only confuse.
if (!debugPanes) document.querySelector<HTMLElement>('#controls')!.hidden = true;

/** Starts the program: animated when a stepping pane shows it, else a plain run. */
function start(): void {
  if (debugPanes) app.bus.emit('autoplay-requested', true);
  else app.bus.emit('run-requested');
}

function resume(): void {
  const state = app.session.state();
  if (state === 'ready' && !app.started()) start();
  else if (state === 'paused' && debugPanes) app.bus.emit('autoplay-requested', true);
}

function pause(): void {
  app.bus.emit('autoplay-requested', false);
  const state = app.session.state();
  if (state === 'running') app.bus.emit('stop-requested');
  // A long Continue: paused where it is (threaded build; the budget bounds it otherwise).
  else if (state === 'stepping') app.bus.emit('pause-requested');
}

if (flags.autorun && (shared?.step ?? 0) === 0) {
  const off = app.bus.on('vm-state', (state) => {
    if (state !== 'ready') return;
    off();
    start();
  });
}

window.addEventListener('message', (event: MessageEvent) => {
  const name = revealEvent(event.data);
  if (name === 'slide:start') resume();
  else if (name === 'slide:stop') pause();
});
