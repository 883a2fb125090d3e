// Whether a program may start Python threads: then a page that is not cross-origin
// isolated runs it on the green-thread module (wasm/green: Python threads as fibers,
// linked with Asyncify, bigger and slower) instead of the plain single-threaded one,
// which can only answer Thread.start() with "can't start new thread".
// A look at the imports is enough: threads come from these modules only. The pattern is
// defined once, in thread-modules.json, which the test runners read too.
import threadModules from './thread-modules.json';

const THREAD_MODULES = new RegExp(threadModules.pattern, 'm');

export function usesThreads(source: string): boolean {
  return THREAD_MODULES.test(source);
}
