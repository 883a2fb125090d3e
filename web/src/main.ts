// Entry point: builds the panes and connects them through the event bus.
// Wiring only; each piece lives in its own module.
import './app/app.css';
import { EventBus, type AppEvents } from './app/events';
import { Session } from './app/session';
import { mountStatusBar } from './app/status-bar';
import { installTestHooks } from './app/test-hooks';
import { mountToolbar } from './app/toolbar';
import { translatePage } from './i18n';
import { EditorPane } from './panes/editor/editor-pane';
import { SAMPLE_PROGRAM } from './panes/editor/sample';
import { TerminalPane } from './panes/terminal/terminal-pane';

function element<T extends HTMLElement>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`index.html lacks ${selector}`);
  return found;
}

translatePage();
const bus = new EventBus<AppEvents>();

// Start the VM worker first: the wasm downloads and compiles while Monaco loads.
const session = new Session(bus);

mountToolbar(bus, element('#run'), element('#stop'), element('#language'));
mountStatusBar(bus, element('#status-message'), element('#status-build'));
const editor = new EditorPane(element('#editor'), element('#source'), SAMPLE_PROGRAM, bus);
const terminal = new TerminalPane(element('#terminal'), bus);

bus.on('run-requested', () => session.run(editor.getValue()));
bus.on('stop-requested', () => session.stop());
installTestHooks(editor, terminal, session);

void editor.upgrade();
