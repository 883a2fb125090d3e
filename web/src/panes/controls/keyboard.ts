// Keyboard shortcuts for the stepping commands (the table is commands.ts).
// Listened for on window in the capture phase so they work while Monaco has
// the focus, and the browser's own use of the key (Shift+F10's context menu,
// F11's full screen) is cancelled.
import type { AppBus } from '../../app/events';
import { STEP_BUTTONS, type StepButton } from './commands';

export function installShortcuts(bus: AppBus, enabled: (spec: StepButton) => boolean): void {
  let suppressContextMenu = false;
  window.addEventListener(
    'keydown',
    (event) => {
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      const spec = STEP_BUTTONS.find((s) => s.shortcut?.key === event.key && s.shortcut.shift === event.shiftKey);
      if (!spec) return;
      event.preventDefault();
      event.stopPropagation();
      suppressContextMenu = event.key === 'F10' && event.shiftKey;
      if (enabled(spec)) bus.emit('debug-command-requested', spec.command);
    },
    { capture: true },
  );
  // Some platforms open the context menu from Shift+F10 despite preventDefault.
  window.addEventListener(
    'contextmenu',
    (event) => {
      if (!suppressContextMenu) return;
      suppressContextMenu = false;
      event.preventDefault();
    },
    { capture: true },
  );
}
