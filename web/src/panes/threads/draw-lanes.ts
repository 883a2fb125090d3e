// Draws lanes on a canvas: labels on the left, a time axis in milliseconds on top,
// per lane the GIL held (full bar), waits for it (thin bar above the middle) and lock
// waits (thin bar below), and a small triangle per drop coloured by its reason.
// Also answers which drop lies under the pointer. No state: threads-pane.ts owns it.
import type { GilDropReason } from '../../vm/thread-events';
import type { Lane, SpanState } from './lanes';

export const LABEL_WIDTH = 96;
const AXIS_HEIGHT = 22;
const LANE_HEIGHT = 22;
const LANE_GAP = 8;
/** How close (px) the pointer must be to a drop marker to describe it. */
const HIT_RADIUS = 5;

export const SPAN_COLOURS: Record<SpanState, string> = { held: '#2f9e44', waiting: '#f0a202', lock: '#9c36b5' };
export const DROP_COLOURS: Record<GilDropReason, string> = {
  interval: '#1c7ed6',
  'blocking-call': '#e8590c',
  exit: '#495057',
};

/** The part of the run shown, in microseconds. */
export interface TimeWindow {
  from: number;
  span: number;
}

export interface DrawInput {
  lanes: Lane[];
  labels: string[];
  window: TimeWindow;
  /** CSS pixels. */
  width: number;
  text: string;
  grid: string;
}

export function canvasHeight(laneCount: number): number {
  return AXIS_HEIGHT + laneCount * (LANE_HEIGHT + LANE_GAP) + LANE_GAP;
}

const laneTop = (index: number): number => AXIS_HEIGHT + LANE_GAP + index * (LANE_HEIGHT + LANE_GAP);

/** A tick step of 1, 2 or 5 × 10^k microseconds giving about `count` ticks over `span`. */
function tickStep(span: number, count: number): number {
  const raw = Math.max(span / count, 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

export function formatMs(us: number): string {
  const ms = us / 1000;
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

/** `label` as drawn in `room` pixels: a long thread name loses its end to an ellipsis rather than being squeezed. */
function fitLabel(ctx: CanvasRenderingContext2D, label: string, room: number): string {
  if (ctx.measureText(label).width <= room) return label;
  const chars = [...label];  // whole code points: never half a surrogate pair
  while (chars.length > 1 && ctx.measureText(`${chars.join('')}…`).width > room) chars.pop();
  return `${chars.join('')}…`;
}

export function drawLanes(ctx: CanvasRenderingContext2D, input: DrawInput): void {
  const { lanes, labels, window: view, width, text, grid } = input;
  const plotWidth = Math.max(width - LABEL_WIDTH, 1);
  const x = (us: number): number => LABEL_WIDTH + ((us - view.from) / view.span) * plotWidth;
  ctx.clearRect(0, 0, width, canvasHeight(lanes.length));
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';

  // Axis: ticks and their times, with faint lines down through the lanes.
  const step = tickStep(view.span, Math.max(2, Math.floor(plotWidth / 90)));
  ctx.fillStyle = text;
  ctx.strokeStyle = grid;
  ctx.lineWidth = 1;
  for (let t = Math.ceil(view.from / step) * step; t <= view.from + view.span; t += step) {
    const px = Math.round(x(t)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(px, AXIS_HEIGHT - 5);
    ctx.lineTo(px, canvasHeight(lanes.length));
    ctx.stroke();
    ctx.fillText(`${formatMs(t)} ms`, px + 3, AXIS_HEIGHT / 2);
  }

  lanes.forEach((lane, index) => {
    const top = laneTop(index);
    ctx.fillStyle = text;
    ctx.fillText(fitLabel(ctx, labels[index], LABEL_WIDTH - 10), 6, top + LANE_HEIGHT / 2);
    ctx.save();
    ctx.beginPath();
    ctx.rect(LABEL_WIDTH, top - LANE_GAP / 2, plotWidth, LANE_HEIGHT + LANE_GAP);
    ctx.clip();
    ctx.fillStyle = grid;
    ctx.fillRect(LABEL_WIDTH, top + LANE_HEIGHT / 2, plotWidth, 1);
    // Waits first, so a hand-off's held bar is drawn over the tail of its wait.
    for (const state of ['waiting', 'lock', 'held'] as const) {
      ctx.fillStyle = SPAN_COLOURS[state];
      const [y, h] = state === 'held' ? [top + 3, LANE_HEIGHT - 6]
        : state === 'waiting' ? [top + 5, 5] : [top + LANE_HEIGHT - 10, 5];
      for (const span of lane.spans) {
        if (span.state !== state || span.to < view.from || span.from > view.from + view.span) continue;
        const left = x(span.from);
        ctx.fillRect(left, y, Math.max(x(span.to) - left, 1), h);
      }
    }
    for (const drop of lane.drops) {
      if (drop.at < view.from || drop.at > view.from + view.span) continue;
      const px = x(drop.at);
      ctx.fillStyle = DROP_COLOURS[drop.reason];
      ctx.beginPath();
      ctx.moveTo(px - 3.5, top - 3);
      ctx.lineTo(px + 3.5, top - 3);
      ctx.lineTo(px, top + 3);
      ctx.fill();
    }
    ctx.restore();
  });
}

/** The drop marker nearest (x, y) in CSS pixels, if one is within reach. */
export function dropAt(lanes: Lane[], view: TimeWindow, width: number, px: number, py: number)
  : { lane: number; at: number; reason: GilDropReason } | null {
  const plotWidth = Math.max(width - LABEL_WIDTH, 1);
  const index = lanes.findIndex((_, i) => Math.abs(py - laneTop(i)) <= HIT_RADIUS + 2);
  if (index < 0 || px < LABEL_WIDTH) return null;
  let best: { lane: number; at: number; reason: GilDropReason } | null = null;
  let bestDistance = HIT_RADIUS;
  for (const drop of lanes[index].drops) {
    const distance = Math.abs(LABEL_WIDTH + ((drop.at - view.from) / view.span) * plotWidth - px);
    if (distance <= bestDistance) {
      bestDistance = distance;
      best = { lane: index, at: drop.at, reason: drop.reason };
    }
  }
  return best;
}
