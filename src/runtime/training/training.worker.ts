// The training worker's entry: tfjs lives here, never on the page. WASM binaries are served by
// the app itself (served-wasm.ts).

import { Backends } from '../backends';
import { serve, type WorkerScope } from '../rpc/serve';
import { servedWasmPaths } from '../served-wasm';
import { loadSplit } from './load-dataset';
import type { TrainingProtocol } from './protocol';
import { indexedDbRunStore } from './run-store';
import { TrainingSession } from './session';

const scope = self as unknown as WorkerScope<TrainingProtocol>;

const session = new TrainingSession({
  backends: new Backends({ wasmPaths: servedWasmPaths() }),
  store: indexedDbRunStore(),
  loadSplit: async (key, split) => (await loadSplit(key, split)).images,
  post: (event) => scope.postMessage(event),
});

// Concurrent: `start` answers once its run is built, and the run trains on while other calls
// (list, export…) are answered; pause, resume and stop reach the run between two steps.
serve(session.handlers, { policy: 'concurrent', onMessage: ({ type }) => session.control(type) }, scope);
