// The stack pane: the value stack of the frame about to run, top of stack at
// the top. Between two snapshots of the same frame the entries both share
// (bottom up) stay put; popped ones fade out and pushed ones slide in, so a
// step shows what the instruction took and gave.
import type { AppBus } from '../../app/events';
import { t } from '../../i18n';
import type { Snapshot, ValueView } from '../../vm/debug-protocol';
import './stack.css';

/** Matches the fade-out in stack.css. */
const POP_MS = 250;

const same = (a: ValueView, b: ValueView): boolean => a.type === b.type && a.repr === b.repr;

export class StackPane {
  private frameId: number | null = null;
  private values: ValueView[] = [];
  private readonly title = document.createElement('p');
  private readonly list = document.createElement('ol');

  constructor(host: HTMLElement, bus: AppBus) {
    host.classList.add('stack');
    this.title.className = 'stack-frame';
    this.list.className = 'stack-list';
    host.append(this.title, this.list);
    this.showHint();
    bus.on('paused', (snapshot) => this.show(snapshot));
    bus.on('debug-ended', () => this.showHint());
    bus.on('language-changed', () => { if (this.frameId === null) this.showHint(); });
  }

  private showHint(): void {
    this.frameId = null;
    this.values = [];
    this.title.textContent = t('stackHint');
    this.title.classList.add('pane-hint');
    this.list.replaceChildren();
  }

  private show(snapshot: Snapshot): void {
    const frame = snapshot.frames[snapshot.frames.length - 1];
    if (!frame) {
      this.showHint();
      return;
    }
    this.title.classList.remove('pane-hint');
    this.title.textContent = t('stackOf', { frame: frame.qualname, depth: frame.stack.length });
    const animate = frame.id === this.frameId;
    const previous = animate ? this.values : [];
    let kept = 0;
    while (kept < previous.length && kept < frame.stack.length && same(previous[kept], frame.stack[kept])) kept++;

    // Entries are in the list top first: index i of the list is stack[length-1-i].
    const items = [...this.list.children].filter((el) => !el.classList.contains('popping'));
    const popped = animate ? items.slice(0, previous.length - kept) : items;
    for (const item of popped) {
      if (!animate) { item.remove(); continue; }
      item.classList.add('popping');
      // A timer, not animationend: a hidden pane runs no animations.
      window.setTimeout(() => item.remove(), POP_MS);
    }
    for (let i = kept; i < frame.stack.length; i++) {
      const item = entry(frame.stack[i], i);
      if (animate) item.classList.add('pushed');
      this.list.prepend(item);
    }
    this.frameId = frame.id;
    this.values = frame.stack;
  }
}

function entry(value: ValueView, index: number): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'stack-entry';
  item.dataset.index = String(index);
  const repr = document.createElement('span');
  repr.className = 'stack-repr';
  repr.textContent = value.repr;
  repr.title = value.repr;
  const type = document.createElement('span');
  type.className = 'stack-type';
  type.textContent = value.type;
  item.append(repr, type);
  return item;
}
