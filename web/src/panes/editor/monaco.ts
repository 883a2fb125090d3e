// The heavy part of the editor pane, loaded with a dynamic import so the page
// is usable (plain textarea) while Monaco's ~3 MB download and parse.
// Only the editor API and Python highlighting: the other languages stay out.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/languages/definitions/python/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

export type MonacoEditor = monaco.editor.IStandaloneCodeEditor;
export type MonacoOptions = monaco.editor.IEditorOptions;

export function createMonacoEditor(
  host: HTMLElement,
  value: string,
  onRun: () => void,
): MonacoEditor {
  const editor = monaco.editor.create(host, {
    value,
    language: 'python',
    theme: 'vs',
    automaticLayout: true, // follows the pane's size (it uses a ResizeObserver)
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    fontSize: 14,
    tabSize: 4,
    insertSpaces: true,
    renderLineHighlight: 'line',
    hideCursorInOverviewRuler: true,
    overviewRulerBorder: false,
  });
  editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, onRun);
  return editor;
}
