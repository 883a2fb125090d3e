// The threads pane: one lane per Python thread showing when it held the GIL, waited
// for it, or waited on a lock, and why each drop happened (hover a marker). While a
// program runs the view follows the newest events; afterwards the wheel zooms around
// the pointer, a drag pans, and the buttons zoom or fit the whole run.
import type { AppBus, ThreadEventBatch } from '../../app/events';
import { t, type StringKey } from '../../i18n';
import type { GilDropReason } from '../../vm/thread-events';
import { canvasHeight, drawLanes, dropAt, DROP_COLOURS, formatMs, LABEL_WIDTH, SPAN_COLOURS, type TimeWindow } from './draw-lanes';
import { LaneModel, type Lane, type LaneSummary } from './lanes';
import './threads.css';

/** What a live view shows at first: enough for a few dozen 5 ms switch intervals. */
const LIVE_SPAN_US = 200_000;
const MIN_SPAN_US = 20;

const REASON_KEYS: Record<GilDropReason, StringKey> = {
  interval: 'threadsReasonInterval',
  'blocking-call': 'threadsReasonBlocking',
  exit: 'threadsReasonExit',
};

/** What the pane drew last, for the browser tests. */
export interface ThreadsView {
  lanes: Array<Lane & { label: string }>;
  summary: LaneSummary;
  dropped: number;
}

/** The thread's Python name; for a thread threading never named (started by _thread), its place. */
function laneLabel(lane: Lane): string {
  return lane.name ?? (lane.order === 0 ? t('threadsMain') : t('threadsThread', { n: lane.order }));
}

export class ThreadsPane {
  private model = new LaneModel();
  private drawn: ThreadsView | null = null;
  private following = false;
  private liveSpan = LIVE_SPAN_US;
  private window: TimeWindow = { from: 0, span: LIVE_SPAN_US };
  private frame = 0;
  private readonly summaryLine: HTMLElement;
  private readonly legend: HTMLElement;
  private readonly scroller: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly tooltip: HTMLElement;
  private readonly hint: HTMLElement;
  private readonly buttons: HTMLButtonElement[] = [];
  private dragFrom: number | null = null;

  constructor(private readonly host: HTMLElement, bus: AppBus, private readonly onThreadsSeen: () => void) {
    host.classList.add('threads');
    const bar = div('threads-bar');
    this.summaryLine = div('threads-summary');
    const zoom = div('threads-zoom');
    for (const [key, action] of [
      ['threadsZoomIn', () => this.zoom(0.5)],
      ['threadsZoomOut', () => this.zoom(2)],
      ['threadsFit', () => this.fit()],
    ] as const) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'button threads-button';
      button.dataset.key = key;
      button.addEventListener('click', action);
      this.buttons.push(button);
      zoom.append(button);
    }
    this.legend = div('threads-legend');
    bar.append(this.summaryLine, this.legend, zoom);
    this.scroller = div('threads-scroll');
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'threads-canvas';
    this.hint = div('pane-hint');
    this.tooltip = div('threads-tooltip');
    this.tooltip.hidden = true;
    this.scroller.append(this.canvas, this.hint, this.tooltip);
    host.replaceChildren(bar, this.scroller);
    this.listen();

    bus.on('run-started', () => {
      this.model = new LaneModel();
      this.following = true;
      this.schedule();
    });
    bus.on('thread-events', (batch) => this.receive(batch));
    bus.on('run-finished', () => {
      this.following = false;
      this.fit();
    });
    bus.on('language-changed', () => this.schedule());
    new ResizeObserver(() => this.schedule()).observe(this.scroller);
    this.schedule();
  }

  view(): ThreadsView | null {
    return this.drawn;
  }

  private receive(batch: ThreadEventBatch): void {
    if (batch.whole) this.model = new LaneModel();
    this.model.add(batch.records);
    this.model.dropped = batch.dropped;
    if (this.model.hasThreads()) this.onThreadsSeen();
    if (batch.whole && !this.following) this.fit();
    this.schedule();
  }

  private zoom(factor: number, aroundUs?: number): void {
    if (this.following) {
      this.liveSpan = this.clampSpan(this.liveSpan * factor);
    } else {
      const centre = aroundUs ?? this.window.from + this.window.span / 2;
      const span = this.clampSpan(this.window.span * factor);
      this.window = this.clampWindow(centre - ((centre - this.window.from) / this.window.span) * span, span);
    }
    this.schedule();
  }

  private fit(): void {
    this.window = { from: 0, span: Math.max(this.model.summary().endUs, MIN_SPAN_US) };
    this.schedule();
  }

  private clampSpan(span: number): number {
    return Math.min(Math.max(span, MIN_SPAN_US), Math.max(this.model.summary().endUs, LIVE_SPAN_US));
  }

  private clampWindow(from: number, span: number): TimeWindow {
    const end = Math.max(this.model.summary().endUs, span);
    return { from: Math.min(Math.max(from, 0), end - span), span };
  }

  private listen(): void {
    const timeAt = (clientX: number): number => {
      const box = this.canvas.getBoundingClientRect();
      const plot = Math.max(box.width - LABEL_WIDTH, 1);
      return this.window.from + ((clientX - box.left - LABEL_WIDTH) / plot) * this.window.span;
    };
    this.canvas.addEventListener('wheel', (event) => {
      if (!this.drawn) return;
      event.preventDefault();
      if (Math.abs(event.deltaX) > Math.abs(event.deltaY) || event.shiftKey) {
        const box = this.canvas.getBoundingClientRect();
        const delta = (event.shiftKey ? event.deltaY : event.deltaX) / Math.max(box.width - LABEL_WIDTH, 1);
        this.window = this.clampWindow(this.window.from + delta * this.window.span, this.window.span);
        this.schedule();
      } else {
        this.zoom(Math.exp(event.deltaY * 0.002), timeAt(event.clientX));
      }
    }, { passive: false });
    this.canvas.addEventListener('pointerdown', (event) => {
      if (this.following) return;
      this.dragFrom = timeAt(event.clientX);
      this.canvas.setPointerCapture(event.pointerId);
    });
    this.canvas.addEventListener('pointerup', () => { this.dragFrom = null; });
    this.canvas.addEventListener('pointermove', (event) => {
      if (this.dragFrom !== null) {
        this.window = this.clampWindow(this.window.from + this.dragFrom - timeAt(event.clientX), this.window.span);
        this.schedule();
      }
      this.describeDropAt(event);
    });
    this.canvas.addEventListener('pointerleave', () => { this.tooltip.hidden = true; });
  }

  private describeDropAt(event: PointerEvent): void {
    const lanes = this.drawn?.lanes;
    const box = this.canvas.getBoundingClientRect();
    const hit = lanes && dropAt(lanes, this.window, box.width, event.clientX - box.left, event.clientY - box.top);
    if (!lanes || !hit) {
      this.tooltip.hidden = true;
      return;
    }
    this.tooltip.textContent = t('threadsDropAt', {
      thread: lanes[hit.lane].label,
      time: formatMs(hit.at),
      reason: t(REASON_KEYS[hit.reason]),
    });
    this.tooltip.hidden = false;
    this.tooltip.style.left = `${event.clientX - box.left + 12}px`;
    this.tooltip.style.top = `${event.clientY - box.top + 12}px`;
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private render(): void {
    const lanes = this.model.view();
    const summary = this.model.summary();
    if (this.following) {
      this.window = { from: Math.max(0, summary.endUs - this.liveSpan), span: this.liveSpan };
    }
    const labels = lanes.map(laneLabel);
    this.drawn = lanes.length === 0 ? null : {
      lanes: lanes.map((lane, i) => ({ ...lane, label: labels[i] })),
      summary,
      dropped: this.model.dropped,
    };
    this.renderBar(summary);
    this.hint.textContent = t('threadsHint');
    this.hint.hidden = lanes.length > 0;
    this.canvas.hidden = lanes.length === 0;
    if (lanes.length === 0) return;

    const width = this.scroller.clientWidth;
    const height = canvasHeight(lanes.length);
    const ratio = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(width * ratio);
    this.canvas.height = Math.round(height * ratio);
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const style = getComputedStyle(this.host);
    drawLanes(ctx, {
      lanes, labels, window: this.window, width,
      text: style.color, grid: style.getPropertyValue('--border').trim() || '#d8dadd',
    });
  }

  private renderBar(summary: LaneSummary): void {
    let text = this.drawn
      ? t('threadsSummary', { handoffs: summary.handoffs, wait: formatMs(summary.longestWaitUs) })
      : '';
    if (this.model.dropped > 0) text += ` · ${t('threadsDropped', { count: this.model.dropped })}`;
    this.summaryLine.textContent = text;
    for (const button of this.buttons) {
      const key = button.dataset.key as 'threadsZoomIn' | 'threadsZoomOut' | 'threadsFit';
      button.textContent = t(key);
      button.title = t(`${key}Title`);
    }
    const swatch = (colour: string, label: string, marker: boolean): HTMLElement => {
      const item = document.createElement('span');
      item.className = 'threads-legend-item';
      const mark = document.createElement('span');
      mark.className = marker ? 'threads-swatch threads-swatch-drop' : 'threads-swatch';
      mark.style.setProperty('--swatch', colour);
      item.append(mark, label);
      return item;
    };
    const heading = document.createElement('span');
    heading.className = 'threads-legend-heading';
    heading.textContent = t('threadsDrops');
    this.legend.replaceChildren(
      swatch(SPAN_COLOURS.held, t('threadsHeld'), false),
      swatch(SPAN_COLOURS.waiting, t('threadsWaiting'), false),
      swatch(SPAN_COLOURS.lock, t('threadsLock'), false),
      heading,
      ...(['interval', 'blocking-call', 'exit'] as const).map((reason) =>
        swatch(DROP_COLOURS[reason], t(REASON_KEYS[reason]), true)),
    );
  }
}

function div(className: string): HTMLDivElement {
  const el = document.createElement('div');
  el.className = className;
  return el;
}
