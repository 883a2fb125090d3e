// Keeps Web Workers ready for Python threads in the threaded build. A thread can start
// only on a worker that has loaded the module, and a worker's loading finishes on the
// VM worker, which is blocked while a program runs: so workers are made and loaded
// between runs. Emscripten makes a small pool with the module without waiting for it
// (PTHREAD_POOL_DELAY_LOAD: the page is ready sooner); a program that starts threads
// waits until that pool has loaded, and after each run the pool is topped up so a lab
// can have a few dozen threads alive at once, as CPython can. New workers load one after
// another in the background and join the pool only once loaded.
// Emscripten 3.1.6's pool is Module.PThread (library_pthread.js).

interface EmscriptenWorker extends Worker {
  loaded?: boolean;
}

interface PThreadPool {
  unusedWorkers: EmscriptenWorker[];
  runningWorkers: EmscriptenWorker[];
  allocateUnusedWorker(): void;
  loadWasmModuleToWorker(worker: EmscriptenWorker, onFinishedLoading: (worker: EmscriptenWorker) => void): void;
}

/** Idle workers to keep: a lab's threads, a thread pool's workers and a process pool's. */
const SPARE_WORKERS = 24;
/** Each worker holds a copy of the module's JS; beyond this, start() says it cannot. */
const MAX_WORKERS = 64;

let loading = 0;  // workers being loaded outside the pool

function poolOf(module: unknown): PThreadPool | undefined {
  return (module as { PThread?: PThreadPool }).PThread;
}

export function topUpThreadPool(module: unknown): void {
  const pool = poolOf(module);
  if (!pool || loading > 0) return;
  const addOne = (): void => {
    const total = pool.unusedWorkers.length + pool.runningWorkers.length + loading;
    if (pool.unusedWorkers.length >= SPARE_WORKERS || total >= MAX_WORKERS) return;
    pool.allocateUnusedWorker();
    const worker = pool.unusedWorkers.pop();
    if (!worker) return;
    loading += 1;
    pool.loadWasmModuleToWorker(worker, () => {
      loading -= 1;
      pool.unusedWorkers.push(worker);
      addOne();
    });
  };
  addOne();
}

/** Resolves once every worker in the pool can run a thread and the top-up is done. */
export async function threadPoolReady(module: unknown): Promise<void> {
  const pool = poolOf(module);
  while (pool && (loading > 0 || !pool.unusedWorkers.every((worker) => worker.loaded))) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
