// Entry point of the playground: restores a shared link if the address has one
// (a damaged one falls back to the sample, with a message), then mounts the app.
import { DEFAULT_PANES } from './app/layout';
import { decodeShare } from './app/link';
import { mountApp } from './app/mount';
import { t } from './i18n';
import { SAMPLE_PROGRAM } from './panes/editor/sample';

const link = decodeShare(location.hash);
const shared = link.kind === 'ok' ? link.state : null;

mountApp(document.querySelector<HTMLElement>('#app')!, {
  code: shared?.code ?? SAMPLE_PROGRAM,
  panes: shared?.panes ?? DEFAULT_PANES,
  showEditor: true,
  readOnly: false,
  dark: false,
  step: shared?.step ?? 0,
  notice: link.kind === 'corrupt' ? t('linkCorrupt') : undefined,
  sharePage: './',
  revealThreads: true,
});

// A link pasted into this tab changes only the hash: load it like a fresh page.
// (Share itself uses history.replaceState, which fires no hashchange.)
window.addEventListener('hashchange', () => location.reload());
