// Pairs a run's thread events into lanes (Beazley's picture): per thread, spans when
// it held the GIL, waited for it, or waited on a lock, and each GIL drop with its
// reason. Pure data; threads-pane.ts draws it. The pairing is chrome_trace.cpp's:
// an acquire opens a held span and the thread's next drop closes it; a drop with no
// acquire before it (the span began before recording did) is only a marker.
import type { GilDropReason, ThreadEventRecord } from '../../vm/thread-events';

export type SpanState = 'held' | 'waiting' | 'lock';

export interface Span {
  state: SpanState;
  /** Microseconds since the run started; `to` is the end of recording for a span still open. */
  from: number;
  to: number;
}

export interface Drop {
  at: number;
  reason: GilDropReason;
}

export interface Lane {
  /** The thread's serial (0: main). */
  thread: number;
  /** 0 for the main thread, then 1, 2, ... in the order the threads appeared in this run. */
  order: number;
  spans: Span[];
  drops: Drop[];
  /** When the thread ended (its exit drop), if it did. */
  ended: number | null;
  /** The thread's latest Python name (threading's), or null if it was never named. */
  name: string | null;
}

interface Open {
  held: number | null;
  waiting: number | null;
  lock: number | null;
}

export interface LaneSummary {
  /** Times the GIL went from one thread to a different one. */
  handoffs: number;
  /** The longest wait for the GIL, in microseconds. */
  longestWaitUs: number;
  /** The time of the last event. */
  endUs: number;
}

export class LaneModel {
  private readonly lanes = new Map<number, Lane>();
  private readonly open = new Map<number, Open>();
  private lastHolder: number | null = null;
  private handoffs = 0;
  private longestWait = 0;
  private end = 0;
  dropped = 0;

  add(records: ReadonlyArray<ThreadEventRecord>): void {
    for (const r of records) this.addOne(r);
  }

  /** Lanes in order (main first), open spans drawn up to the last event. */
  view(): Lane[] {
    const lanes = [...this.lanes.values()].sort((a, b) => a.order - b.order);
    return lanes.map((lane) => {
      const open = this.open.get(lane.thread)!;
      const spans = [...lane.spans];
      for (const state of ['held', 'waiting', 'lock'] as const) {
        const from = open[state];
        if (from !== null) spans.push({ state, from, to: this.end });
      }
      return { ...lane, spans };
    });
  }

  summary(): LaneSummary {
    let longest = this.longestWait;
    for (const open of this.open.values()) if (open.waiting !== null) longest = Math.max(longest, this.end - open.waiting);
    return { handoffs: this.handoffs, longestWaitUs: longest, endUs: this.end };
  }

  /** More than the main thread appeared. */
  hasThreads(): boolean {
    return this.lanes.size > 1;
  }

  private lane(thread: number): [Lane, Open] {
    let lane = this.lanes.get(thread);
    if (!lane) {
      // The main thread is lane 0 even if a thread's event came first.
      const order = thread === 0 ? 0 : [...this.lanes.keys()].filter((t) => t !== 0).length + 1;
      lane = { thread, order, spans: [], drops: [], ended: null, name: null };
      this.lanes.set(thread, lane);
      this.open.set(thread, { held: null, waiting: null, lock: null });
    }
    return [lane, this.open.get(thread)!];
  }

  private close(lane: Lane, open: Open, state: keyof Open, at: number): number {
    const from = open[state];
    if (from === null) return 0;
    open[state] = null;
    lane.spans.push({ state, from, to: at });
    return at - from;
  }

  private addOne(r: ThreadEventRecord): void {
    this.end = Math.max(this.end, r.timeUs);
    const [lane, open] = this.lane(r.thread);
    switch (r.kind) {
      case 'gil-requested':
        if (open.waiting === null) open.waiting = r.timeUs;
        break;
      case 'gil-acquired':
        this.longestWait = Math.max(this.longestWait, this.close(lane, open, 'waiting', r.timeUs));
        this.close(lane, open, 'held', r.timeUs);  // never nested; a lost drop ends it here
        open.held = r.timeUs;
        if (this.lastHolder !== null && this.lastHolder !== r.thread) this.handoffs++;
        this.lastHolder = r.thread;
        break;
      case 'gil-dropped':
        this.close(lane, open, 'held', r.timeUs);
        lane.drops.push({ at: r.timeUs, reason: r.reason ?? 'interval' });
        if (r.reason === 'exit') lane.ended = r.timeUs;
        break;
      case 'lock-wait-begin':
        open.lock = r.timeUs;
        break;
      case 'lock-wait-end':
        this.close(lane, open, 'lock', r.timeUs);
        break;
      case 'thread-named':
        lane.name = r.name ?? lane.name;  // a rename holds from here on: the lane shows the latest
        break;
      case 'thread-start':
      case 'thread-end':
        break;  // the lane exists from its first event; the end shows as the exit drop
    }
  }
}
