// The page's side of the protocol: typed calls with request ids, progress, timeouts and cancel.
// No tfjs here: the page imports this file, the worker does the work.

import { LiveError, fromWire } from './errors';
import type { CallType, Notice, Params, Progress, Request, Response, Result } from './protocol';

/** What the client needs of a Worker (tests pass a fake). */
export interface WorkerPort {
  onmessage: ((event: MessageEvent<Response>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: Request): void;
  terminate(): void;
}

export interface CallOptions {
  /** Aborting cancels the request in the worker and rejects with CancelledError. */
  readonly signal?: AbortSignal;
  /** Rejects with TimeoutError (and cancels the request) after this long; default per request type. */
  readonly timeoutMs?: number;
  readonly onProgress?: (progress: Progress) => void;
}

/** Generous: a full-size Xception on a software renderer takes about 10 s per inference. */
export const DEFAULT_TIMEOUTS: Readonly<Record<CallType, number>> = {
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

interface Pending {
  readonly type: CallType;
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: LiveError) => void;
  readonly onProgress?: (progress: Progress) => void;
  readonly cleanup: () => void;
}

/**
 * Talks to the live worker: one promise per request. The worker starts with the first request,
 * not before; after it fails or is stopped, the next request starts a fresh one.
 */
export class LiveClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(notice: Notice) => void>();
  private port: WorkerPort | undefined;

  constructor(private readonly spawn: () => WorkerPort) {}

  /** The worker has been started and not stopped since. */
  get started(): boolean {
    return this.port !== undefined;
  }

  /** Sends a request; resolves with its result, rejects with a LiveError (CancelledError, TimeoutError…). */
  call<K extends CallType>(type: K, params: Params<K>, options: CallOptions = {}): Promise<Result<K>> {
    const { signal, timeoutMs = DEFAULT_TIMEOUTS[type], onProgress } = options;
    if (signal?.aborted) return Promise.reject(new LiveError('CancelledError', 'cancelled before it was sent'));
    const id = this.nextId++;
    return new Promise<Result<K>>((resolve, reject) => {
      const stop = (error: LiveError) => {
        if (!this.pending.has(id)) return;
        this.settle(id)?.reject(error);
        this.port?.postMessage({ type: 'cancel', id, reason: error.message });
      };
      const onAbort = () => stop(new LiveError('CancelledError', 'cancelled'));
      const timer = setTimeout(
        () => stop(new LiveError('TimeoutError', `${type} took longer than ${Math.round(timeoutMs / 1000)} s`)),
        timeoutMs,
      );
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        type,
        resolve: resolve as (result: unknown) => void,
        reject,
        onProgress,
        cleanup: () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        },
      });
      this.connect().postMessage({ type, id, params } as Request);
    });
  }

  /** Listens to what the worker does on its own (recovery after a lost WebGL context). */
  onNotice(listener: (notice: Notice) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops the worker; pending requests reject with WorkerError. A later request starts a new worker. */
  terminate(): void {
    const port = this.port;
    this.fail(new LiveError('WorkerError', 'the worker was stopped'));
    port?.terminate();
  }

  private connect(): WorkerPort {
    if (this.port) return this.port;
    const port = this.spawn();
    port.onmessage = (event) => this.receive(event.data);
    port.onerror = (event) => {
      event.preventDefault?.();
      const message = `the worker failed: ${event.message || 'unknown error'}`;
      port.terminate();
      this.fail(new LiveError('WorkerError', message));
      for (const listener of this.listeners) {
        listener({ kind: 'failed', message: `The TensorFlow.js worker stopped (${message}); choose a backend to start it again.` });
      }
    };
    this.port = port;
    return port;
  }

  private receive(message: Response): void {
    switch (message.type) {
      case 'result':
        this.settle(message.id)?.resolve(message.result);
        return;
      case 'error':
        this.settle(message.id)?.reject(fromWire(message.error));
        return;
      case 'progress':
        this.pending.get(message.id)?.onProgress?.(message.progress);
        return;
      case 'notice':
        for (const listener of this.listeners) listener(message.notice);
        return;
    }
  }

  /** Forgets a pending request and returns it (undefined when already settled: late answers are dropped). */
  private settle(id: number): Pending | undefined {
    const pending = this.pending.get(id);
    if (!pending) return undefined;
    this.pending.delete(id);
    pending.cleanup();
    return pending;
  }

  private fail(error: LiveError): void {
    this.port = undefined;
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(error);
  }
}
