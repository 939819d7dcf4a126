// The page's side of the training protocol: typed calls answered by id, and a stream of events
// (progress, updated runs, finished runs). No tfjs here; the worker starts with the first message.

import { RpcClient, type RpcPort } from '../rpc-client';
import type { TrainingCalls, TrainingEvent, TrainingRequest } from './protocol';

export type TrainingPort = RpcPort<TrainingRequest, TrainingEvent>;

/** Talks to the training worker. */
export class TrainingClient extends RpcClient<TrainingCalls, TrainingRequest, TrainingEvent> {
  constructor(spawn: () => TrainingPort) {
    super(spawn, 'the training worker');
  }

  /** Pauses, resumes or stops the active run. */
  control(type: 'pause' | 'resume' | 'stop'): void {
    this.post({ type });
  }
}

/** A client whose worker starts with its first request. */
export const createTrainingClient = (): TrainingClient =>
  new TrainingClient(() => new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name: 'training-tfjs' }));
