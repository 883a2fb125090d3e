// The editor pane: a plain textarea at first, replaced by Monaco once its lazy
// import finishes. Whatever was typed meanwhile is carried over, cursor included.
// Ctrl/Cmd+Enter asks to run in both editors.
import type { AppBus } from '../../app/events';
import type { EditorLook, MonacoEditor, MonacoOptions } from './monaco';
import './editor.css';

export class EditorPane {
  private monaco: MonacoEditor | null = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly textarea: HTMLTextAreaElement,
    initialSource: string,
    private readonly bus: AppBus,
    private readonly look: EditorLook = { readOnly: false, dark: false },
  ) {
    textarea.value = initialSource;
    textarea.readOnly = look.readOnly;
    textarea.addEventListener('input', () => bus.emit('source-changed'));
    textarea.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        bus.emit('run-requested');
      }
    });
  }

  getValue(): string {
    return this.monaco ? this.monaco.getValue() : this.textarea.value;
  }

  setValue(source: string): void {
    if (this.monaco) this.monaco.setValue(source);
    else this.textarea.value = source;
  }

  monacoReady(): boolean {
    return this.monaco !== null;
  }

  /** For tests, which turn off auto-indent and auto-closing before typing. */
  updateOptions(options: MonacoOptions): void {
    this.monaco?.updateOptions(options);
  }

  /** Loads Monaco and swaps it in; on failure the textarea simply stays. */
  async upgrade(): Promise<void> {
    let createMonacoEditor: typeof import('./monaco').createMonacoEditor;
    try {
      ({ createMonacoEditor } = await import('./monaco'));
    } catch (err) {
      console.warn('Monaco failed to load; keeping the plain editor.', err);
      return;
    }
    const hadFocus = document.activeElement === this.textarea;
    const caret = this.textarea.selectionStart;
    const value = this.textarea.value;

    this.textarea.remove();
    const editor = createMonacoEditor(this.host, value, this.bus, this.look);
    const position = editor.getModel()?.getPositionAt(caret);
    if (position) editor.setPosition(position);
    if (hadFocus) editor.focus();
    this.monaco = editor;
  }
}
