// The toolbar: Run and Stop (enabled by VM state), Share and the language switch.
// It only emits requests; the session decides whether they apply.
import { LANGUAGES, language, setLanguage, translatePage, type Lang } from '../i18n';
import type { AppBus } from './events';

export function mountToolbar(
  bus: AppBus,
  run: HTMLButtonElement,
  stop: HTMLButtonElement,
  share: HTMLButtonElement,
  languageSelect: HTMLSelectElement,
): void {
  run.addEventListener('click', () => bus.emit('run-requested'));
  share.addEventListener('click', () => bus.emit('share-requested'));
  stop.addEventListener('click', () => bus.emit('stop-requested'));
  bus.on('vm-state', (state) => {
    run.disabled = state !== 'ready';
    // A debug session is stopped from any of its states.
    stop.disabled = state !== 'running' && state !== 'paused' && state !== 'stepping';
  });

  for (const { id, name } of LANGUAGES) {
    languageSelect.add(new Option(name, id, false, id === language()));
  }
  languageSelect.addEventListener('change', () => {
    const lang = languageSelect.value as Lang;
    setLanguage(lang);
    translatePage();
    bus.emit('language-changed', lang);
  });
}
