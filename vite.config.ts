// Vite (dev server, preview, build) and Vitest share this file.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Cross-origin isolation: tfjs' WASM backend needs SharedArrayBuffer for its threads.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, headers: isolation },
  preview: { port: 5173, headers: isolation },
  test: {
    // Unit tests live beside the code; e2e/ belongs to Playwright.
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
