// Whether a program may start Python threads: then a page that is not cross-origin
// isolated runs it on the green-thread module (wasm/green: Python threads as fibers,
// linked with Asyncify, bigger and slower) instead of the plain single-threaded one,
// which can only answer Thread.start() with "can't start new thread".
// A look at the imports is enough: threads come from these modules only.
const THREAD_MODULES = /^\s*(?:import\s+[^\n#]*\b|from\s+)(?:threading|_thread|concurrent|multiprocessing|queue)\b|\b(?:to_thread|run_in_executor)\b/m;

export function usesThreads(source: string): boolean {
  return THREAD_MODULES.test(source);
}
