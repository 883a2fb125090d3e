// The bytecode pane: `dis` of every code object of the program, one block per
// function, each row coloured like its source line. The instruction about to
// run is highlighted (callers' instructions more faintly); hovering a row
// lights up its source line in the editor, and hovering a source line lights
// up its rows here. It renders from ProgramInfo once per debug session.
import type { AppBus } from '../../app/events';
import { t } from '../../i18n';
import type { ProgramInfo, Snapshot } from '../../vm/debug-protocol';
import { lineHueClass } from '../line-colours';
import { argumentText, codeHeading, jumpLabels } from './dis-format';
import './bytecode.css';

const rowKey = (code: number, offset: number): string => `${code}:${offset}`;

export class BytecodePane {
  private rows = new Map<string, HTMLElement>();
  private rowsByLine = new Map<number, HTMLElement[]>();
  private marked: HTMLElement[] = [];
  private linked: HTMLElement[] = [];

  constructor(private readonly host: HTMLElement, bus: AppBus) {
    host.classList.add('bytecode');
    this.showHint();
    bus.on('program-loaded', (program) => this.render(program));
    bus.on('paused', (snapshot) => this.mark(snapshot));
    bus.on('debug-ended', () => this.showHint());
    bus.on('language-changed', () => { if (this.rows.size === 0) this.showHint(); });
    bus.on('source-line-hovered', (line) => this.link(line));
    host.addEventListener('mouseover', (event) => {
      const row = (event.target as HTMLElement).closest<HTMLElement>('.dis-row');
      const line = row?.dataset.line;
      bus.emit('instruction-hovered', line ? Number(line) : null);
    });
    host.addEventListener('mouseleave', () => bus.emit('instruction-hovered', null));
  }

  /** The row of the instruction about to run, for tests. */
  currentRow(): HTMLElement | null {
    return this.host.querySelector('.dis-row.current');
  }

  private showHint(): void {
    this.clear();
    const hint = document.createElement('p');
    hint.className = 'pane-hint';
    hint.textContent = t('bytecodeHint');
    this.host.replaceChildren(hint);
  }

  private clear(): void {
    this.rows.clear();
    this.rowsByLine.clear();
    this.marked = [];
    this.linked = [];
  }

  private render(program: ProgramInfo): void {
    this.clear();
    const blocks = program.codes.map((code) => {
      const block = document.createElement('section');
      block.className = 'dis-code';
      const heading = document.createElement('h3');
      heading.textContent = code.qualname;
      heading.title = codeHeading(code, program.filename);
      block.append(heading);

      const labels = jumpLabels(code);
      let previousLine: number | null = null;
      for (const instruction of code.instructions) {
        const row = document.createElement('div');
        row.className = 'dis-row';
        row.dataset.code = String(code.id);
        row.dataset.offset = String(instruction.offset);
        row.dataset.opname = instruction.opname;
        const startsLine = instruction.line !== null && instruction.line !== previousLine;
        if (instruction.line !== null) {
          row.dataset.line = String(instruction.line);
          row.classList.add(lineHueClass(instruction.line));
          const sameLine = this.rowsByLine.get(instruction.line) ?? [];
          sameLine.push(row);
          this.rowsByLine.set(instruction.line, sameLine);
          previousLine = instruction.line;
        }
        if (startsLine) row.classList.add('starts-line');
        const target = instruction.jumpTarget !== undefined ? labels.get(instruction.jumpTarget) : undefined;
        row.append(
          cell('dis-line', startsLine ? String(instruction.line) : ''),
          cell('dis-label', labels.has(instruction.offset) ? `>> ${labels.get(instruction.offset)}` : ''),
          cell('dis-offset', String(instruction.offset)),
          cell('dis-opname', instruction.opname),
          cell('dis-arg', argumentText(instruction)),
          cell('dis-target', target ? `→ ${target}` : ''),
        );
        this.rows.set(rowKey(code.id, instruction.offset), row);
        block.append(row);
      }
      return block;
    });
    this.host.replaceChildren(...blocks);
  }

  private mark(snapshot: Snapshot): void {
    for (const row of this.marked) row.classList.remove('current', 'caller');
    this.marked = [];
    snapshot.frames.forEach((frame, index) => {
      const row = this.rows.get(rowKey(frame.code, frame.offset));
      if (!row) return;
      const innermost = index === snapshot.frames.length - 1;
      row.classList.add(innermost ? 'current' : 'caller');
      this.marked.push(row);
      if (innermost) row.scrollIntoView({ block: 'nearest' });
    });
  }

  private link(line: number | null): void {
    for (const row of this.linked) row.classList.remove('linked');
    this.linked = line === null ? [] : this.rowsByLine.get(line) ?? [];
    for (const row of this.linked) row.classList.add('linked');
  }
}

function cell(className: string, text: string): HTMLElement {
  const span = document.createElement('span');
  span.className = className;
  span.textContent = text;
  return span;
}
