// Which panes are shown: the View menu's checkboxes on the playground, fixed
// flags in an embed. A hidden pane keeps listening to the bus, so showing it
// again shows the current state. Columns left empty collapse (CSS :has()).
import { t, type StringKey } from '../i18n';
import { PANE_IDS, type AppBus, type PaneId } from './events';

// The threads pane is left out: it shows itself when a program starts a thread.
export const DEFAULT_PANES: PaneId[] = PANE_IDS.filter((id) => id !== 'threads');

const LABELS: Record<PaneId, StringKey> = {
  terminal: 'terminalLabel',
  bytecode: 'bytecodeLabel',
  stack: 'stackLabel',
  frames: 'framesLabel',
  threads: 'threadsLabel',
};

export class Layout {
  private shown: Set<PaneId>;

  constructor(private readonly root: HTMLElement, private readonly bus: AppBus, panes: PaneId[]) {
    this.shown = new Set(panes);
    this.apply();
  }

  panes(): PaneId[] {
    return PANE_IDS.filter((id) => this.shown.has(id));
  }

  /** Embeds may hide the editor too; the playground never does. */
  showEditor(visible: boolean): void {
    this.section('editor').hidden = !visible;
  }

  set(panes: PaneId[]): void {
    this.shown = new Set(panes);
    this.apply();
  }

  /** Shows one more pane (the playground's threads pane, when a program starts a thread). */
  reveal(id: PaneId): void {
    if (this.shown.has(id)) return;
    this.shown.add(id);
    this.apply();
  }

  /** Fills the View menu with one checkbox per pane. */
  mountMenu(host: HTMLElement): void {
    const render = (): void => {
      host.replaceChildren(...PANE_IDS.map((id) => {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.dataset.pane = id;
        box.checked = this.shown.has(id);
        box.addEventListener('change', () => {
          if (box.checked) this.shown.add(id);
          else this.shown.delete(id);
          this.apply();
        });
        label.append(box, ` ${t(LABELS[id])}`);
        return label;
      }));
    };
    render();
    this.bus.on('language-changed', render);
    this.bus.on('layout-changed', render);
  }

  private apply(): void {
    for (const id of PANE_IDS) this.section(id).hidden = !this.shown.has(id);
    this.bus.emit('layout-changed', this.panes());
  }

  private section(id: PaneId | 'editor'): HTMLElement {
    // section: the View menu's checkboxes carry data-pane too, and come first.
    const found = this.root.querySelector<HTMLElement>(`section[data-pane="${id}"]`);
    if (!found) throw new Error(`the skeleton lacks the ${id} pane`);
    return found;
  }
}
