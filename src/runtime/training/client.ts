// The page's side of the training protocol: typed calls answered by id, and a stream of events
// (progress, updated runs, finished runs). No tfjs here; the worker starts with the first message.

import type { TrainingCallType, TrainingCalls, TrainingEvent, TrainingRequest } from './protocol';

/** What the client needs of a Worker (tests pass a fake). */
export interface TrainingPort {
  onmessage: ((event: MessageEvent<TrainingEvent>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: TrainingRequest): void;
  terminate(): void;
}

/** The worker's events, and `crashed` when the worker itself failed (its run is lost). */
export type TrainingNotice = Exclude<TrainingEvent, { type: 'result' | 'error' }> | { readonly type: 'crashed'; readonly message: string };

type Listener = (event: TrainingNotice) => void;

export class TrainingError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** Talks to the training worker. */
export class TrainingClient {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Set<Listener>();
  private port: TrainingPort | undefined;

  constructor(private readonly spawn: () => TrainingPort) {}

  /** Sends a request; resolves with its result or rejects with the worker's error. */
  call<K extends TrainingCallType>(type: K, params: TrainingCalls[K]['params']): Promise<TrainingCalls[K]['result']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject });
      this.connect().postMessage({ type, id, params } as TrainingRequest);
    });
  }

  /** Pauses, resumes or stops the active run. */
  control(type: 'pause' | 'resume' | 'stop'): void {
    this.port?.postMessage({ type });
  }

  /** Listens to progress, updates and finished runs; returns the unsubscribe. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  terminate(): void {
    this.port?.terminate();
    this.fail('the training worker was stopped');
  }

  private connect(): TrainingPort {
    if (this.port) return this.port;
    const port = this.spawn();
    port.onmessage = (event) => this.receive(event.data);
    port.onerror = (event) => {
      event.preventDefault?.();
      port.terminate();
      const message = `The training worker failed: ${event.message || 'unknown error'}.`;
      this.fail(message);
      for (const listener of this.listeners) listener({ type: 'crashed', message });
    };
    this.port = port;
    return port;
  }

  private receive(event: TrainingEvent): void {
    if (event.type === 'result' || event.type === 'error') {
      const pending = this.pending.get(event.id);
      this.pending.delete(event.id);
      if (event.type === 'result') pending?.resolve(event.result);
      else pending?.reject(new TrainingError(event.error.name, event.error.message));
      return;
    }
    for (const listener of this.listeners) listener(event);
  }

  private fail(message: string): void {
    this.port = undefined;
    for (const [id, pending] of this.pending) {
      this.pending.delete(id);
      pending.reject(new TrainingError('WorkerError', message));
    }
  }
}

/** A client whose worker starts with its first request. */
export const createTrainingClient = (): TrainingClient =>
  new TrainingClient(() => new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module', name: 'training-tfjs' }));
