// What both benchmark pages do before tfjs starts: WASM binaries from this server (Vite ?url
// imports of node_modules, never a CDN), and an optional XNNPACK thread count.

import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

/** The machine's logical cores, read before `?threads=N` changes what the page reports. */
export const logicalCores = navigator.hardwareConcurrency;

// tfjs-backend-wasm 4.22 caps XNNPACK's pool at navigator.hardwareConcurrency / 2 whatever
// setThreadsCount asks (it assumes two hyper-threads per core): one thread on this 2-core machine.
// `?threads=N` lifts the cap by reporting 2N logical cores to it, to measure N threads.
const requestedThreads = Number(new URLSearchParams(location.search).get('threads') ?? 0);
if (requestedThreads > 0) {
  Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 2 * requestedThreads });
  setThreadsCount(requestedThreads);
}
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedSimd,
});
