// tfjs-backend-wasm's binaries as files the app serves itself (Vite `?url` imports), never fetched
// from a CDN. For the workers only: Node finds the binaries in node_modules.

import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { WasmPaths } from './backends';

// Absolute URLs: the threaded build loads the binary from a blob: worker, where relative URLs fail.
const absolute = (url: string) => new URL(url, self.location.href).href;

export const servedWasmPaths = (): WasmPaths => ({
  'tfjs-backend-wasm.wasm': absolute(plainWasm),
  'tfjs-backend-wasm-simd.wasm': absolute(simdWasm),
  'tfjs-backend-wasm-threaded-simd.wasm': absolute(threadedSimdWasm),
});
