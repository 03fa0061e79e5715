/**
 * Builds the web app into web/dist, which the API serves at `/`. Each page is its own chunk,
 * loaded when it is first opened; `npm run dev` proxies the API of a running `npm start`.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.PISHKHAN_API ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  // The editor (Monaco) and the charts (ECharts) are large, and load only on their own pages.
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 3500 },
  server: { proxy: { '/api': api, '/problems': api } },
});
