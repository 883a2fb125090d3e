// The terminal pane: program output in xterm.js, stderr in red. It is output
// only (no stdin yet). Each run starts on a clean screen.
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import type { AppBus } from '../../app/events';
import type { Stream } from '../../vm/protocol';
import './terminal.css';

const RED = '\x1b[31m';
const RESET = '\x1b[0m';
// Clear screen + scrollback, cursor home. Written through the same queue as
// the output (term.clear() would act before earlier writes are parsed).
const CLEAR = '\x1b[2J\x1b[3J\x1b[H';

// The cursor takes the background colour: nothing reads input.
const LIGHT = { background: '#fbfbfa', foreground: '#1f2328', cursor: '#fbfbfa', selectionBackground: '#c8d7f0', red: '#c62828' };
const DARK = { background: '#1b1e23', foreground: '#e6e6e6', cursor: '#1b1e23', selectionBackground: '#3a4a66', red: '#f07167' };

export class TerminalPane {
  private readonly term: Terminal;
  private readonly fit = new FitAddon();
  private fitPending = false;

  constructor(host: HTMLElement, bus: AppBus, dark = false) {
    this.term = new Terminal({
      convertEol: true, // the VM prints bare \n
      lineHeight: 1.2, // default height clips underscores in DejaVu Sans Mono
      fontSize: 13,
      fontFamily: "ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace",
      disableStdin: true,
      cursorBlink: false,
      cursorInactiveStyle: 'none',
      scrollback: 5000,
      theme: dark ? DARK : LIGHT,
    });
    host.style.background = (dark ? DARK : LIGHT).background;
    this.term.loadAddon(this.fit);
    this.term.open(host);
    this.fitSoon();
    // Refit on every size change of the pane (window resize, layout changes).
    new ResizeObserver(() => this.fitSoon()).observe(host);

    bus.on('run-started', () => this.term.write(CLEAR));
    bus.on('output', ({ stream, text }) => this.write(stream, text));
    // A step back: the screen shows the output up to that step, no more.
    bus.on('output-replaced', (chunks) => {
      this.term.write(CLEAR);
      for (const { stream, text } of chunks) this.write(stream, text);
    });
    bus.on('notice', ({ text, error }) => { if (error) this.write(2, `${text}\n`); });
    // The status bar has room for a summary only; the full reason goes here.
    bus.on('vm-load-failed', ({ message }) => this.write(2, `${message}\n`));
  }

  write(stream: Stream, text: string): void {
    this.term.write(stream === 2 ? RED + text + RESET : text);
  }

  /** The buffer as plain text, trailing blank lines dropped (for tests). */
  text(): string {
    const buffer = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) {
      lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
    }
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n');
  }

  /** Coalesces resize bursts into one fit per frame. */
  private fitSoon(): void {
    if (this.fitPending) return;
    this.fitPending = true;
    requestAnimationFrame(() => {
      this.fitPending = false;
      this.fit.fit();
    });
  }
}
