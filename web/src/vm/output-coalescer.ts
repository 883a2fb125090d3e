// Batches the program's output into few postMessage calls.
//
// onOutput runs synchronously inside runSource, so the worker's event loop is
// blocked for the whole run: no timer can fire to flush a tail. Buffering is
// therefore decided on each write. The first few chunks of every 16 ms window
// go out at once (so a program that prints a line and then computes shows the
// line immediately); beyond that budget a print loop is batched until the
// window ends or 4 KB pile up. What is still buffered goes out when the run ends.
import type { Stream } from './protocol';

const WINDOW_MS = 16;
const CHUNKS_PER_WINDOW = 8;
const MAX_BUFFERED_CHARS = 4096;

export class OutputCoalescer {
  private stream: Stream = 1;
  private text = '';
  private windowStart = -Infinity;
  private sentInWindow = 0;

  constructor(private readonly send: (stream: Stream, text: string) => void) {}

  write(stream: Stream, text: string): void {
    // Keep stdout/stderr in order: a change of stream flushes the other one.
    if (stream !== this.stream) this.flush();
    this.stream = stream;
    this.text += text;

    const now = performance.now();
    if (now - this.windowStart >= WINDOW_MS) {
      this.windowStart = now;
      this.sentInWindow = 0;
    }
    if (this.sentInWindow < CHUNKS_PER_WINDOW || this.text.length > MAX_BUFFERED_CHARS) {
      this.sentInWindow++;
      this.flush();
    }
  }

  flush(): void {
    if (this.text === '') return;
    this.send(this.stream, this.text);
    this.text = '';
  }
}
