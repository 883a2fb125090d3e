// The controls bar: Animate/Pause with the speed slider, then the stepping
// buttons of commands.ts, enabled by the VM state and the last snapshot. It
// only emits requests; the session and the autoplay decide what applies.
// Pause also stops a command that runs long (a Continue through a big loop),
// where the build can interrupt one (threaded); elsewhere the step budget does.
import { MAX_SPEED } from '../../app/autoplay';
import type { AppBus, VmState } from '../../app/events';
import { t } from '../../i18n';
import type { Snapshot } from '../../vm/debug-protocol';
import { STEP_BUTTONS, shortcutText, type StepButton } from './commands';
import { installShortcuts } from './keyboard';
import './controls.css';

/** A command running longer than this offers Pause (shorter ones would only flash it). */
const LONG_COMMAND_MS = 300;

export function mountControls(host: HTMLElement, bus: AppBus, initialSpeed: number): void {
  host.classList.add('controls');
  let state: VmState = 'loading';
  let snapshot: Snapshot | null = null;
  let playing = false;
  let threaded = false;
  /** A command has been in flight for LONG_COMMAND_MS. */
  let longCommand = false;
  let longTimer: number | undefined;

  const button = (id: string, className = ''): HTMLButtonElement => {
    const b = document.createElement('button');
    b.type = 'button';
    b.id = id;
    b.className = `button button-small ${className}`.trim();
    return b;
  };

  const animate = button('animate', 'button-animate');
  animate.addEventListener('click', () => bus.emit('autoplay-requested', true));
  const pause = button('pause');
  pause.addEventListener('click', () => {
    if (playing) bus.emit('autoplay-requested', false);
    else bus.emit('pause-requested');
  });

  const speedLabel = document.createElement('label');
  speedLabel.className = 'speed';
  const speed = document.createElement('input');
  speed.type = 'range';
  speed.id = 'speed';
  speed.min = '1';
  speed.max = String(MAX_SPEED);
  speed.value = String(initialSpeed);
  const speedValue = document.createElement('span');
  speed.addEventListener('input', () => {
    bus.emit('speed-changed', Number(speed.value));
    renderText();
  });
  speedLabel.append(speed, speedValue);

  const separator = document.createElement('span');
  separator.className = 'controls-separator';
  const steps = STEP_BUTTONS.map((spec) => {
    const b = button(spec.id);
    b.addEventListener('click', () => bus.emit('debug-command-requested', spec.command));
    return { spec, element: b };
  });
  host.append(animate, pause, speedLabel, separator, ...steps.map((s) => s.element));

  const enabled = (spec: StepButton): boolean => {
    if (playing) return false;
    if (state === 'ready') return !spec.backwards;
    if (state !== 'paused' || !snapshot) return false;
    if (spec.backwards) return snapshot.step > 0;
    return snapshot.reason !== 'finished';
  };

  const renderState = (): void => {
    const canGoOn = state === 'ready' || (state === 'paused' && snapshot?.reason !== 'finished');
    const canPause = playing || (longCommand && threaded);
    animate.hidden = canPause;
    animate.disabled = !canGoOn;
    pause.hidden = !canPause;
    for (const { spec, element } of steps) element.disabled = !enabled(spec);
  };

  function renderText(): void {
    animate.textContent = `▶ ${t('animate')}`;
    animate.title = t('animateTitle');
    pause.textContent = `⏸ ${t('pause')}`;
    pause.title = t('pauseTitle');
    speed.title = t('speedTitle');
    speedValue.textContent = t('speedValue', { speed: speed.value });
    for (const { spec, element } of steps) {
      element.textContent = t(spec.label);
      element.title = spec.shortcut ? `${t(spec.title)} (${shortcutText(spec.shortcut)})` : t(spec.title);
    }
  }

  bus.on('vm-ready', ({ build }) => { threaded = build === 'threaded'; renderState(); });
  bus.on('vm-state', (next) => {
    state = next;
    window.clearTimeout(longTimer);
    longCommand = false;
    if (state === 'stepping') {
      longTimer = window.setTimeout(() => { longCommand = true; renderState(); }, LONG_COMMAND_MS);
    }
    renderState();
  });
  bus.on('paused', (next) => { snapshot = next; renderState(); });
  bus.on('debug-ended', () => { snapshot = null; renderState(); });
  bus.on('autoplay-changed', (on) => { playing = on; renderState(); });
  bus.on('language-changed', renderText);
  installShortcuts(bus, (spec) => enabled(spec));
  renderText();
  renderState();
}
