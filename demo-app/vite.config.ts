import { defineConfig } from 'vite';

// The playground needs no special configuration for petrel-db; this only pins the output and the dev port.
export default defineConfig({
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { port: 5173, strictPort: false },
});
