// The page's side of the live worker. No tfjs here: the page imports this file, the worker does
// the work.

import { RpcClient, type RpcPort } from '../rpc/client';
import type { Calls, LiveProtocol, Notice } from './protocol';

export type WorkerPort = RpcPort<LiveProtocol>;

/** Generous: a full-size Xception on a software renderer takes about 10 s per inference. */
export const DEFAULT_TIMEOUTS: Readonly<Record<keyof Calls, number>> = {
  backend: 60_000,
  build: 180_000,
  run: 300_000,
  profile: 600_000,
  activations: 300_000,
  benchConvs: 300_000,
  dispose: 30_000,
  memory: 30_000,
  loseContext: 30_000,
};

/** Talks to the live worker: one promise per call, each with a timeout (DEFAULT_TIMEOUTS). */
export class LiveClient extends RpcClient<LiveProtocol> {
  constructor(spawn: () => WorkerPort) {
    super(spawn, { label: 'the worker', timeouts: DEFAULT_TIMEOUTS });
  }

  /** Listens to what the worker does on its own (recovery after a lost WebGL context), and to its crash. */
  onNotice(listener: (notice: Notice) => void): () => void {
    return this.subscribe((event) =>
      listener(
        event.type === 'crashed'
          ? { kind: 'failed', message: `The TensorFlow.js worker stopped (${event.message}); choose a backend to start it again.` }
          : event.notice,
      ),
    );
  }
}
