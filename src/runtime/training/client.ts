// The page's side of the training protocol: typed calls answered by id, and a stream of events
// (progress, updated runs, finished runs). No tfjs here; the worker starts with the first message.
// Calls have no timeout: an evaluation or an import lasts as long as the network takes.

import { RpcClient, type RpcPort } from '../rpc/client';
import type { TrainingControl, TrainingProtocol } from './protocol';

export type TrainingPort = RpcPort<TrainingProtocol>;

/** Talks to the training worker. */
export class TrainingClient extends RpcClient<TrainingProtocol> {
  constructor(spawn: () => TrainingPort) {
    super(spawn, { label: 'The training worker' });
  }

  /** Pauses, resumes or stops the active run. */
  control(type: TrainingControl): void {
    this.post({ type });
  }
}

/** A client whose worker starts with its first request. */
export const createTrainingClient = (): TrainingClient =>
  new TrainingClient(() => new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name: 'training-tfjs' }));
