// Vite config for the browser playground. Run from the repo root:
//   npx vite build --config web/vite.config.ts
// Paths are resolved from this file, not the working directory, so the config
// behaves the same whatever directory `vite` is started from.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webDir = fileURLToPath(new URL('.', import.meta.url));
const repoDir = fileURLToPath(new URL('..', import.meta.url));

// SharedArrayBuffer (and so the threaded wasm build) needs cross-origin isolation.
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  root: webDir,
  // Relative base: the site also works from a subpath (e.g. GitHub Pages).
  base: './',
  // The CMake wasm presets write wasm/mt/* and wasm/st/* here; Vite copies them
  // verbatim so the worker can import them by a stable, unhashed URL.
  publicDir: `${repoDir}build/wasm-dist`,
  build: {
    outDir: `${repoDir}build/web`,
    emptyOutDir: true,
    target: 'es2022',
    // Monaco's lazily loaded chunk is ~2.7 MB however it is split (its API entry
    // alone is the floor); the page does not wait for it.
    chunkSizeWarningLimit: 3000,
    // The playground and the embeddable page (iframes, slides).
    rollupOptions: {
      input: { main: `${webDir}index.html`, embed: `${webDir}embed.html` },
    },
  },
  worker: { format: 'es' },
  server: { headers: isolationHeaders },
  preview: { headers: isolationHeaders },
});
