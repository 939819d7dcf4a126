// The training worker's entry: tfjs lives here, never on the page. WASM binaries are served by
// the app itself (Vite `?url` imports), never fetched from a CDN.

import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { Backends } from '../backends';
import { loadSplit } from './load-dataset';
import type { TrainingEvent, TrainingRequest } from './protocol';
import { indexedDbRunStore } from './run-store';
import { TrainingSession } from './session';

/** The parts of the dedicated worker scope used here (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<TrainingRequest>) => void) | null;
  postMessage(message: TrainingEvent, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
const absolute = (url: string) => new URL(url, self.location.href).href;

const session = new TrainingSession({
  backends: new Backends({
    wasmPaths: {
      'tfjs-backend-wasm.wasm': absolute(plainWasm),
      'tfjs-backend-wasm-simd.wasm': absolute(simdWasm),
      'tfjs-backend-wasm-threaded-simd.wasm': absolute(threadedSimdWasm),
    },
  }),
  store: indexedDbRunStore(),
  loadSplit: async (key, split) => (await loadSplit(key, split)).images,
  post: (event) => scope.postMessage(event),
});

scope.onmessage = (event) => session.receive(event.data);
