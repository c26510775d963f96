import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app is served by `meshlens serve` from `dist/`; `vite dev` proxies the API to it.
export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Cytoscape and the YAML parser are large; one warning per build is noise, not news.
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:7777' },
  },
});
