// Vite (dev server, preview, build) and Vitest share this file.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { builtinDigits } from './vite-plugins/builtin-digits.ts';

// Cross-origin isolation: tfjs' WASM backend needs SharedArrayBuffer for its threads.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react(), builtinDigits()],
  server: { port: 5173, headers: isolation },
  preview: { port: 5173, headers: isolation },
  // The live worker (src/runtime/worker) is left unminified: tfjs' threaded WASM backend starts its
  // threads from the source text of a bundled function (Function.prototype.toString), which
  // minification breaks ("_scriptDir is not defined" in every WASM thread).
  worker: { rolldownOptions: { output: { minify: false } } },
  // Pre-bundled at start-up: otherwise the dev server bundles tfjs when the live worker first
  // asks for it and reloads the page mid-session. The page itself still loads no tfjs.
  // The ImageNet class names are imported (dynamically) by the classify worker.
  optimizeDeps: {
    include: [
      '@tensorflow/tfjs',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-backend-webgl',
      '@tensorflow-models/mobilenet/dist/imagenet_classes.js',
    ],
  },
  test: {
    // Unit tests live beside the code; e2e/ belongs to Playwright.
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Guards against a hang, not measures of speed (bench/ measures that): a loaded machine passes too.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
