// What stepping adds to Monaco: breakpoints toggled by clicking the glyph
// margin, the current line, each source line's colour (shared with the
// bytecode pane) and the two-way hover link. Loaded with Monaco, never before.
// The breakpoints live in a decorations collection so they follow edits.
import * as monaco from 'monaco-editor/editor';
import type { AppBus } from '../../app/events';
import { t } from '../../i18n';
import type { Breakpoint } from '../../vm/debug-protocol';
import { lineHueClass } from '../line-colours';

type Editor = monaco.editor.IStandaloneCodeEditor;

const wholeLine = (line: number): monaco.IRange => new monaco.Range(line, 1, line, 1);

export function attachDebugDecorations(editor: Editor, bus: AppBus): void {
  const breakpoints = editor.createDecorationsCollection();
  const current = editor.createDecorationsCollection();
  const hues = editor.createDecorationsCollection();
  const linked = editor.createDecorationsCollection();

  const breakpointLines = (): number[] =>
    [...new Set(breakpoints.getRanges().map((range) => range.startLineNumber))].sort((a, b) => a - b);
  const publishBreakpoints = (): void =>
    bus.emit('breakpoints-changed', breakpointLines().map((line): Breakpoint => ({ line })));

  const breakpointDecoration = (line: number): monaco.editor.IModelDeltaDecoration => ({
    range: wholeLine(line),
    options: {
      glyphMarginClassName: 'breakpoint-glyph',
      glyphMarginHoverMessage: { value: t('breakpointHover') },
      stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges,
    },
  });

  const toggle = (line: number): void => {
    const lines = breakpointLines();
    const next = lines.includes(line) ? lines.filter((l) => l !== line) : [...lines, line];
    breakpoints.set(next.map(breakpointDecoration));
    publishBreakpoints();
  };

  editor.onMouseDown((event) => {
    const { type, position } = event.target;
    const inGutter =
      type === monaco.editor.MouseTargetType.GUTTER_GLYPH_MARGIN ||
      type === monaco.editor.MouseTargetType.GUTTER_LINE_NUMBERS;
    if (inGutter && position && !event.event.rightButton) toggle(position.lineNumber);
  });

  // Hovering a line lights up its instructions in the bytecode pane.
  let hovered: number | null = null;
  const hover = (line: number | null): void => {
    if (line === hovered) return;
    hovered = line;
    bus.emit('source-line-hovered', line);
  };
  editor.onMouseMove((event) => hover(event.target.position?.lineNumber ?? null));
  editor.onMouseLeave(() => hover(null));

  // Edits move the breakpoints (the collection tracks them) and make a
  // running debug session stale.
  editor.onDidChangeModelContent(() => {
    bus.emit('source-changed');
    publishBreakpoints();
  });

  bus.on('program-loaded', (program) => {
    const lines = new Set<number>();
    for (const code of program.codes) {
      for (const instruction of code.instructions) if (instruction.line !== null) lines.add(instruction.line);
    }
    hues.set([...lines].map((line) => ({
      range: wholeLine(line),
      options: { linesDecorationsClassName: `line-hue ${lineHueClass(line)}` },
    })));
  });

  bus.on('paused', (snapshot) => {
    if (snapshot.line === null) {
      current.clear();
      return;
    }
    current.set([{
      range: wholeLine(snapshot.line),
      options: { isWholeLine: true, className: 'current-line', glyphMarginClassName: 'current-line-glyph' },
    }]);
    editor.revealLineInCenterIfOutsideViewport(snapshot.line);
  });

  bus.on('instruction-hovered', (line) => {
    if (line === null) linked.clear();
    else linked.set([{ range: wholeLine(line), options: { isWholeLine: true, className: 'linked-line' } }]);
  });

  bus.on('debug-ended', () => {
    current.clear();
    hues.clear();
    linked.clear();
  });
}
