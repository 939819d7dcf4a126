// The worker's entry: tfjs lives here, never on the page. WASM binaries are served by the app
// itself (Vite `?url` imports), never fetched from a CDN.

import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { Backends } from '../backends';
import { Engine } from './engine';
import { Host } from './host';
import type { Request, Response } from './protocol';

/** The parts of the dedicated worker scope used here (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: Response, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

// Absolute URLs: the threaded build loads the binary from a blob: worker, where relative URLs fail.
const absolute = (url: string) => new URL(url, self.location.href).href;

const backends = new Backends({
  wasmPaths: {
    'tfjs-backend-wasm.wasm': absolute(plainWasm),
    'tfjs-backend-wasm-simd.wasm': absolute(simdWasm),
    'tfjs-backend-wasm-threaded-simd.wasm': absolute(threadedSimdWasm),
  },
});

const engine: Engine = new Engine({
  backends,
  onContextLost: () =>
    host.schedule(async () => {
      host.notify({ kind: 'recovered', ...(await engine.recover()) });
    }),
});
const host = new Host(engine, (message, transfer = []) => scope.postMessage(message, transfer));

scope.onmessage = (event) => host.receive(event.data);
