// Simplified Chinese UI strings. Typed as Strings, so a key missing from or
// added beyond en.ts is a compile error.
import type { Strings } from './en';

export const zhCN: Strings = {
  pageTitle: 'Terrarium — Python 练习场',
  run: '运行',
  runTitle: '运行程序（Ctrl+Enter）',
  stop: '停止',
  stopTitle: '停止正在运行的程序（引发 KeyboardInterrupt）',
  language: '语言',
  editorLabel: '程序',
  terminalLabel: '输出',
  loading: '加载中…',
  ready: '就绪',
  running: '运行中…',
  stopping: '正在停止…',
  finished: '已结束（退出状态 {status}）',
  elapsed: '{ms} 毫秒',
  stopped: '已停止',
  crashed: '虚拟机崩溃，已重新启动',
  loadFailed: '无法加载虚拟机：{message}',
  buildThreaded: '多线程（跨源隔离）',
  buildSingle: '单线程',
  version: 'Terrarium {version}',
};
