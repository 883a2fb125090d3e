// The output of a debug session, kept by the page because a step back does not
// un-print anything: each snapshot says how many characters had been written by
// its step (Snapshot.outputLength) and the terminal shows exactly that prefix.
// It does not draw anything; it tells the terminal what to append or replace.
import type { Stream } from '../vm/protocol';

export interface Chunk {
  stream: Stream;
  text: string;
}

export interface TranscriptView {
  append(chunk: Chunk): void;
  replace(chunks: Chunk[]): void;
}

export class Transcript {
  private chunks: Chunk[] = [];
  private length = 0;
  /** Where the next output lands: the position of the last snapshot, then past what came since. */
  private cursor = 0;
  /** How many characters the terminal shows. */
  private shown = 0;

  constructor(private readonly view: TranscriptView) {}

  reset(): void {
    this.chunks = [];
    this.length = 0;
    this.cursor = 0;
    this.shown = 0;
    this.view.replace([]);
  }

  /**
   * Output produced after the last snapshot. After a step back, running forward
   * again may produce the same text a second time; written at the cursor it
   * overwrites the old copy instead of repeating it (execution is deterministic).
   */
  write(stream: Stream, text: string): void {
    this.truncate(this.cursor);
    this.chunks.push({ stream, text });
    this.length += text.length;
    this.cursor = this.length;
    if (this.shown === this.cursor - text.length) {
      this.view.append({ stream, text });
      this.shown = this.cursor;
    }
  }

  /** A snapshot arrived: show the output written up to its step. */
  showUpTo(outputLength: number): void {
    const target = Math.min(outputLength, this.length);
    this.cursor = target;
    if (target === this.shown) return;
    if (target > this.shown) {
      for (const chunk of this.slice(this.shown, target)) this.view.append(chunk);
    } else {
      this.view.replace(this.slice(0, target));
    }
    this.shown = target;
  }

  private truncate(at: number): void {
    if (at >= this.length) return;
    this.chunks = this.slice(0, at);
    this.length = at;
    if (this.shown > at) {
      this.view.replace(this.chunks);
      this.shown = at;
    }
  }

  /** The chunks covering characters [from, to), cut at both ends. */
  private slice(from: number, to: number): Chunk[] {
    const out: Chunk[] = [];
    let start = 0;
    for (const chunk of this.chunks) {
      const end = start + chunk.text.length;
      if (end > from && start < to) {
        out.push({ stream: chunk.stream, text: chunk.text.slice(Math.max(0, from - start), to - start) });
      }
      start = end;
      if (start >= to) break;
    }
    return out;
  }
}
