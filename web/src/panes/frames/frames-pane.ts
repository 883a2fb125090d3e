// The frames pane: the call stack, innermost first, each frame with its locals
// and cells; below it, generator and coroutine frames that exist but are not
// running. A suspended frame that resumes moves back into the call stack and
// is marked for one step, so the eye can follow it. A program with threads gets a
// group per thread (thread-groups.ts), the paused thread's first.
import type { AppBus } from '../../app/events';
import { t, type StringKey } from '../../i18n';
import type { FrameView, NamedValue, Snapshot } from '../../vm/debug-protocol';
import { threadGroups } from './thread-groups';
import './frames.css';

// A 10,000-deep recursion would be 10,000 cards: the innermost frames are the ones
// being watched, so only they (and the outermost, for orientation) are drawn.
const INNERMOST_SHOWN = 50;

export class FramesPane {
  private suspendedIds = new Set<number>();
  private snapshot: Snapshot | null = null;

  constructor(private readonly host: HTMLElement, bus: AppBus) {
    host.classList.add('frames');
    this.render();
    bus.on('paused', (snapshot) => {
      this.snapshot = snapshot;
      this.render();
    });
    bus.on('debug-ended', () => {
      this.snapshot = null;
      this.suspendedIds.clear();
      this.render();
    });
    bus.on('language-changed', () => this.render());
  }

  private render(): void {
    const snapshot = this.snapshot;
    if (!snapshot) {
      const hint = document.createElement('p');
      hint.className = 'pane-hint';
      hint.textContent = t('framesHint');
      this.host.replaceChildren(hint);
      return;
    }
    const resumed = new Set(snapshot.frames.map((f) => f.id).filter((id) => this.suspendedIds.has(id)));
    this.suspendedIds = new Set(snapshot.suspended.map((f) => f.id));

    const parts: HTMLElement[] = [];
    const pausedStack = (): HTMLElement[] => {
      const cards = stackCards(snapshot.frames, resumed, true);
      if (snapshot.exception) {
        const { type, message } = snapshot.exception;
        cards.push(note(t('framesException', { exception: message ? `${type}: ${message}` : type }), 'frame-exception'));
      }
      return cards;
    };
    if (snapshot.threads) {
      // Frame ids are unique within a thread only: the resumed marks are the paused thread's.
      parts.push(heading('framesThreads'));
      parts.push(...threadGroups(snapshot.threads, (th) => (th.current ? pausedStack() : stackCards(th.frames, new Set(), false))));
    } else {
      parts.push(heading('framesCallStack'), ...pausedStack());
    }
    if (snapshot.suspended.length > 0) {
      parts.push(heading('framesSuspended'));
      for (const frame of snapshot.suspended) parts.push(frameCard(frame, 'suspended'));
    }
    this.host.replaceChildren(...parts);
  }
}

// A call stack, innermost first (outlined when `paused`: the instruction about to run is
// in it); a deep one drawn as its innermost frames and the outermost.
function stackCards(frames: FrameView[], resumed: Set<number>, paused: boolean): HTMLElement[] {
  const parts: HTMLElement[] = [];
  const innermostFirst = [...frames].reverse();
  if (innermostFirst.length === 0) parts.push(note(t('framesNone')));
  const hidden = innermostFirst.length - INNERMOST_SHOWN - 1;
  innermostFirst.forEach((frame, index) => {
    if (hidden > 0 && index >= INNERMOST_SHOWN && index < innermostFirst.length - 1) {
      if (index === INNERMOST_SHOWN) {
        parts.push(note(t('framesHidden', { count: hidden.toLocaleString() }), 'frames-hidden'));
      }
      return;
    }
    const card = frameCard(frame);
    if (index === 0 && paused) card.classList.add('innermost');
    if (resumed.has(frame.id)) card.classList.add('resumed');
    parts.push(card);
  });
  return parts;
}

function frameCard(frame: FrameView, extraClass?: string): HTMLElement {
  const card = document.createElement('section');
  card.className = 'frame-card';
  if (extraClass) card.classList.add(extraClass);
  card.dataset.frameId = String(frame.id);
  const title = document.createElement('h4');
  const where = frame.line === null ? '' : ` · ${t('lineNumber', { line: frame.line })}`;
  title.textContent = `${frame.qualname}${where}`;
  const kind = document.createElement('span');
  kind.className = 'frame-kind';
  kind.textContent = frame.kind;
  title.append(kind);
  card.append(title, variables(frame.locals, 'frame-locals'));
  if (frame.cells.length > 0) {
    card.append(note(t('framesCells'), 'frame-subheading'), variables(frame.cells, 'frame-cells'));
  }
  return card;
}

function variables(values: NamedValue[], className: string): HTMLElement {
  const table = document.createElement('dl');
  table.className = `frame-vars ${className}`;
  if (values.length === 0) {
    const empty = document.createElement('dd');
    empty.className = 'frame-empty';
    empty.textContent = t('framesNoLocals');
    table.append(empty);
  }
  for (const value of values) {
    const name = document.createElement('dt');
    name.textContent = value.name;
    const repr = document.createElement('dd');
    repr.textContent = value.repr;
    repr.title = `${value.type}: ${value.repr}`;
    table.append(name, repr);
  }
  return table;
}

function heading(key: StringKey): HTMLElement {
  const h = document.createElement('h3');
  h.className = 'frames-heading';
  h.textContent = t(key);
  return h;
}

function note(text: string, className = 'pane-hint'): HTMLElement {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}
