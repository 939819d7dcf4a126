// The training worker's entry: tfjs lives here, never on the page. WASM binaries are served by
// the app itself (served-wasm.ts).

import { Backends } from '../backends';
import { servedWasmPaths } from '../served-wasm';
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

const session = new TrainingSession({
  backends: new Backends({ wasmPaths: servedWasmPaths() }),
  store: indexedDbRunStore(),
  loadSplit: async (key, split) => (await loadSplit(key, split)).images,
  post: (event) => scope.postMessage(event),
});

scope.onmessage = (event) => session.receive(event.data);
