// The heavy part of the editor pane, loaded with a dynamic import so the page
// is usable (plain textarea) while Monaco's ~3 MB download and parse.
// Only the editor API and Python highlighting: the other languages stay out.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/languages/definitions/python/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import type { AppBus } from '../../app/events';
import { attachDebugDecorations } from './gutter';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

export type MonacoEditor = monaco.editor.IStandaloneCodeEditor;
export type MonacoOptions = monaco.editor.IEditorOptions;

export interface EditorLook {
  readOnly: boolean;
  dark: boolean;
}

export function createMonacoEditor(
  host: HTMLElement,
  value: string,
  bus: AppBus,
  look: EditorLook,
): MonacoEditor {
  const editor = monaco.editor.create(host, {
    value,
    language: 'python',
    theme: look.dark ? 'vs-dark' : 'vs',
    readOnly: look.readOnly,
    glyphMargin: true, // breakpoints and the current-line arrow
    lineDecorationsWidth: 10, // room for each line's colour stripe
    automaticLayout: true, // follows the pane's size (it uses a ResizeObserver)
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    tabSize: 4,
    insertSpaces: true,
    renderLineHighlight: 'gutter', // the current-line mark of stepping must stand out
    hideCursorInOverviewRuler: true,
    overviewRulerBorder: false,
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => bus.emit('run-requested'));
  attachDebugDecorations(editor, bus);
  return editor;
}
