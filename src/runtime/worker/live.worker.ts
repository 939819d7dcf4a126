// The worker's entry: tfjs lives here, never on the page. WASM binaries are served by the app
// itself (served-wasm.ts).

import { Backends } from '../backends';
import { toWire } from '../rpc/errors';
import { servedWasmPaths } from '../served-wasm';
import { Engine } from './engine';
import { serveLive } from './live-server';
import type { Notice } from './protocol';

const engine: Engine = new Engine({
  backends: new Backends({ wasmPaths: servedWasmPaths() }),
  // Recovery waits for the call in progress and goes before the queued ones.
  onContextLost: () => server.schedule(recover),
});
const server = serveLive(engine);

async function recover(): Promise<void> {
  const notify = (notice: Notice) => server.notify({ type: 'notice', notice });
  try {
    notify({ kind: 'recovered', ...(await engine.recover()) });
  } catch (error) {
    notify({ kind: 'failed', message: `The WebGL context was lost and recovery failed (${toWire(error).message}). Choose another backend.` });
  }
}
