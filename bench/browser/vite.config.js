import { defineConfig } from 'vite';

// No COOP/COEP headers anywhere: every engine runs without cross-origin isolation (opfs-sahpool needs none).
export default defineConfig({
  // Relative asset URLs, so dist/ can be served under any path (the e2e test mounts it at /bench/).
  base: './',
  build: { target: 'es2022' },
  worker: { format: 'es' },
  // sqlite-wasm finds sqlite3.wasm next to its module; pre-bundling would move it (sqlite-wasm's README).
  optimizeDeps: { exclude: ['@sqlite.org/sqlite-wasm'] },
});
