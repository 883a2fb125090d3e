// The thread and GIL events of a run as the core records them: the word layout of
// core/trace/thread_event_recorder.hpp (THE LAYOUT there is the definition; this file
// mirrors it and checks its version), decoding, and the page's live reader of the
// threaded build's shared wasm memory.

/** The recorder's kThreadEventLayout; a module with another layout is not read. */
export const THREAD_EVENT_LAYOUT = 2;
/** uint32 words per record and in the header. */
export const RECORD_WORDS = 4;
const HEADER_WORDS = 5;
const HEADER_RUN = 0;
const HEADER_COUNT = 1;
const HEADER_DROPPED = 2;
const HEADER_CAPACITY = 3;
const HEADER_LAYOUT = 4;

/** Indexed by the record's kind number (ThreadEventKind's order). */
const KINDS = [
  'thread-start',
  'thread-end',
  'gil-requested',
  'gil-acquired',
  'gil-dropped',
  'lock-wait-begin',
  'lock-wait-end',
  'thread-named',
] as const;
export type ThreadEventKind = (typeof KINDS)[number];

/** Indexed by the reason number (GilDropReason's order). */
const REASONS = ['interval', 'blocking-call', 'exit'] as const;
export type GilDropReason = (typeof REASONS)[number];

export interface ThreadEventRecord {
  /** Microseconds since the run started. */
  timeUs: number;
  kind: ThreadEventKind;
  /** The thread's serial: 0 the main thread, then threads in start order (across runs). */
  thread: number;
  /** 'gil-dropped' only. */
  reason?: GilDropReason;
  /** lock-wait-* only: 1, 2, ... per lock in order of first wait. */
  lock: number;
  /** 'thread-named' only: the thread's Python name (threading's), at its start or a rename. */
  name?: string;
}

/** Bytes of a thread name per continuation record. */
const NAME_BYTES_PER_RECORD = RECORD_WORDS * 4;
const utf8 = new TextDecoder();

/** The name a 'thread-named' record at word `i` carries in the records after it. */
function nameAt(words: Uint32Array, i: number, length: number): string {
  const start = words.byteOffset + (i + RECORD_WORDS) * 4;
  // slice(): TextDecoder refuses views of shared memory.
  return utf8.decode(new Uint8Array(words.buffer, start, length).slice());
}

/** Decodes whole records from `words` (a multiple of RECORD_WORDS long). */
export function decodeRecords(words: Uint32Array): ThreadEventRecord[] {
  const records: ThreadEventRecord[] = [];
  for (let i = 0; i + RECORD_WORDS <= words.length; i += RECORD_WORDS) {
    const kind = KINDS[words[i + 1] & 0xff];
    if (kind === undefined) continue;  // a newer core's kind: not drawn
    const record: ThreadEventRecord = { timeUs: words[i], kind, thread: words[i + 2], lock: words[i + 3] };
    if (kind === 'gil-dropped') record.reason = REASONS[words[i + 1] >>> 8] ?? 'interval';
    if (kind === 'thread-named') {
      // Word 3 is the name's length in bytes; the name follows in continuation records.
      const length = words[i + 3];
      const continuations = Math.ceil(length / NAME_BYTES_PER_RECORD);
      if (i + RECORD_WORDS * (1 + continuations) > words.length) break;  // never split by the core
      record.lock = 0;
      record.name = nameAt(words, i, length);
      i += continuations * RECORD_WORDS;
    }
    records.push(record);
  }
  return records;
}

/** Where the recorder lives in wasm memory (byte offsets), with the memory itself. */
export interface ThreadEventsHandle {
  /** The module's memory: a SharedArrayBuffer in the threaded build, a copy-free view otherwise. */
  buffer: ArrayBufferLike;
  header: number;
  records: number;
}

/** What the recorder holds now: the run number, then every record of that run and the count it dropped. */
export function readAll(handle: ThreadEventsHandle): { run: number; words: Uint32Array; dropped: number } | null {
  const header = new Uint32Array(handle.buffer, handle.header, HEADER_WORDS);
  if (Atomics.load(header, HEADER_LAYOUT) !== THREAD_EVENT_LAYOUT) return null;
  const run = Atomics.load(header, HEADER_RUN);
  const count = Math.min(Atomics.load(header, HEADER_COUNT), Atomics.load(header, HEADER_CAPACITY));
  // slice() copies: the words stay valid when the module reuses its array.
  const words = new Uint32Array(handle.buffer, handle.records, count * RECORD_WORDS).slice();
  return { run, words, dropped: Atomics.load(header, HEADER_DROPPED) };
}

/**
 * The page's reader of a running program's records (threaded build): the worker is
 * blocked in runSource, so the page reads the shared memory itself. The recorder
 * only appends during a run and publishes its count last, so the words below the
 * count are complete whenever the count is read.
 */
export class LiveThreadEvents {
  private awaitedRun = -1;
  private seen = 0;

  constructor(private readonly handle: ThreadEventsHandle) {}

  /** Call before the worker is asked to run: the run it starts is the next number. */
  begin(): void {
    this.awaitedRun = (Atomics.load(this.header(), HEADER_RUN) + 1) >>> 0;
    this.seen = 0;
  }

  /** Records published since the last poll (none until the worker started the run). */
  poll(): { words: Uint32Array; dropped: number } {
    const header = this.header();
    const empty = { words: new Uint32Array(0), dropped: 0 };
    if (Atomics.load(header, HEADER_LAYOUT) !== THREAD_EVENT_LAYOUT) return empty;
    if (Atomics.load(header, HEADER_RUN) !== this.awaitedRun) return empty;
    const count = Math.min(Atomics.load(header, HEADER_COUNT), Atomics.load(header, HEADER_CAPACITY));
    if (count <= this.seen) return empty;
    const start = this.handle.records + this.seen * RECORD_WORDS * 4;
    const words = new Uint32Array(this.handle.buffer, start, (count - this.seen) * RECORD_WORDS).slice();
    // A run that started meanwhile may have overwritten what was copied.
    if (Atomics.load(header, HEADER_RUN) !== this.awaitedRun) return empty;
    this.seen = count;
    return { words, dropped: Atomics.load(header, HEADER_DROPPED) };
  }

  private header(): Uint32Array {
    return new Uint32Array(this.handle.buffer, this.handle.header, HEADER_WORDS);
  }
}
