// The worker's entry: tfjs lives here, never on the page. WASM binaries are served by the app
// itself (served-wasm.ts).

import { Backends } from '../backends';
import { servedWasmPaths } from '../served-wasm';
import { Engine } from './engine';
import { Host } from './host';
import type { Request, Response } from './protocol';

/** The parts of the dedicated worker scope used here (the project's lib is DOM, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: Response, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

const backends = new Backends({ wasmPaths: servedWasmPaths() });

const engine: Engine = new Engine({
  backends,
  onContextLost: () =>
    host.schedule(async () => {
      host.notify({ kind: 'recovered', ...(await engine.recover()) });
    }),
});
const host = new Host(engine, (message, transfer = []) => scope.postMessage(message, transfer));

scope.onmessage = (event) => host.receive(event.data);
