// English UI strings: the reference table. zh-CN.ts must have exactly these
// keys (its type is derived from this one). `{name}` marks a parameter of t().
export const en = {
  pageTitle: 'Terrarium — Python playground',
  run: 'Run',
  runTitle: 'Run the program (Ctrl+Enter)',
  stop: 'Stop',
  stopTitle: 'Stop the running program (raises KeyboardInterrupt)',
  language: 'Language',
  editorLabel: 'Program',
  terminalLabel: 'Output',
  loading: 'Loading…',
  ready: 'Ready',
  running: 'Running…',
  stopping: 'Stopping…',
  finished: 'Finished (exit status {status})',
  elapsed: '{ms} ms',
  stopped: 'Stopped',
  crashed: 'The VM crashed and was restarted',
  loadFailed: 'Could not load the VM: {message}',
  buildThreaded: 'threaded (cross-origin isolated)',
  buildSingle: 'single-threaded',
  version: 'Terrarium {version}',
};

export type StringKey = keyof typeof en;
export type Strings = Record<StringKey, string>;
