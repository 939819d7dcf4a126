// The page's side of a worker: typed calls answered by id, with progress, timeouts and cancel; the
// worker's own events; messages that have no answer. No tfjs here: the worker starts with the
// first call, not before, and after it fails or is stopped the next call starts a fresh one.

import { RpcError, fromWire } from './errors';
import { hasId, type Answer, type CallType, type Params, type Protocol, type Request, type Response, type Result } from './protocol';

/** What the client needs of a Worker (tests pass a fake). */
export interface RpcPort<P extends Protocol> {
  onmessage: ((event: MessageEvent<Response<P>>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: Request<P>): void;
  terminate(): void;
}

export interface ClientOptions<P extends Protocol> {
  /** How failure messages start: `the worker` → "the worker failed: …", "the worker was stopped". */
  readonly label: string;
  /** Default timeout of each call type in ms; a type without one waits as long as its worker lives. */
  readonly timeouts?: Readonly<Partial<Record<CallType<P>, number>>>;
}

export interface CallOptions<Progress> {
  /** Aborting cancels the call in the worker and rejects with CancelledError. */
  readonly signal?: AbortSignal;
  /** Rejects with TimeoutError (and cancels the call) after this long; default from the client's options. */
  readonly timeoutMs?: number;
  readonly onProgress?: (progress: Progress) => void;
}

/** Told to subscribers when the worker itself failed: what it held is lost, the next call starts a new one. */
export interface Crashed {
  readonly type: 'crashed';
  readonly message: string;
}

interface Pending<Progress> {
  readonly resolve: (result: unknown) => void;
  readonly reject: (error: RpcError) => void;
  readonly onProgress?: (progress: Progress) => void;
  readonly cleanup: () => void;
}

export class RpcClient<P extends Protocol> {
  private nextId = 1;
  private readonly pending = new Map<number, Pending<P['progress']>>();
  private readonly listeners = new Set<(event: P['events'] | Crashed) => void>();
  private port: RpcPort<P> | undefined;

  constructor(
    private readonly spawn: () => RpcPort<P>,
    private readonly options: ClientOptions<P>,
  ) {}

  /** The worker has been started and not stopped since. */
  get started(): boolean {
    return this.port !== undefined;
  }

  /** Sends a call; resolves with its result, rejects with an RpcError (CancelledError, TimeoutError, WorkerError…). */
  call<K extends CallType<P>>(type: K, params: Params<P, K>, options: CallOptions<P['progress']> = {}): Promise<Result<P, K>> {
    const { signal, timeoutMs = this.options.timeouts?.[type], onProgress } = options;
    if (signal?.aborted) return Promise.reject(new RpcError('CancelledError', 'cancelled before it was sent'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const stop = (error: RpcError) => {
        if (!this.pending.has(id)) return;
        this.settle(id)?.reject(error);
        this.port?.postMessage({ type: 'cancel', id, reason: error.message });
      };
      const onAbort = () => stop(new RpcError('CancelledError', 'cancelled'));
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => stop(new RpcError('TimeoutError', `${type} took longer than ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve: resolve as (result: unknown) => void,
        reject,
        onProgress,
        cleanup: () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        },
      });
      this.connect().postMessage({ type, id, params } as Request<P>);
    });
  }

  /** Listens to the worker's own events and to its crash; returns the unsubscribe. */
  subscribe(listener: (event: P['events'] | Crashed) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops the worker; pending calls reject with WorkerError. A later call starts a new worker. */
  terminate(): void {
    const port = this.port;
    this.fail(`${this.options.label} was stopped`);
    port?.terminate();
  }

  /** Sends a message that has no answer, if the worker is running (one that is not has nothing to be told). */
  protected post(message: P['messages']): void {
    this.port?.postMessage(message);
  }

  private connect(): RpcPort<P> {
    if (this.port) return this.port;
    const port = this.spawn();
    port.onmessage = (event) => this.receive(event.data);
    port.onerror = (event) => {
      event.preventDefault?.();
      port.terminate();
      const message = `${this.options.label} failed: ${event.message || 'unknown error'}`;
      this.fail(message);
      for (const listener of this.listeners) listener({ type: 'crashed', message });
    };
    this.port = port;
    return port;
  }

  private receive(message: Response<P>): void {
    if (!hasId(message)) {
      for (const listener of this.listeners) listener(message as P['events']);
      return;
    }
    const answer = message as Answer<P>;
    switch (answer.type) {
      case 'result':
        this.settle(answer.id)?.resolve(answer.result);
        return;
      case 'error':
        this.settle(answer.id)?.reject(fromWire(answer.error));
        return;
      case 'progress':
        this.pending.get(answer.id)?.onProgress?.(answer.progress);
        return;
    }
  }

  /** Forgets a pending call and returns it (undefined when already settled: late answers are dropped). */
  private settle(id: number): Pending<P['progress']> | undefined {
    const pending = this.pending.get(id);
    if (!pending) return undefined;
    this.pending.delete(id);
    pending.cleanup();
    return pending;
  }

  private fail(message: string): void {
    this.port = undefined;
    const error = new RpcError('WorkerError', message);
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(error);
  }
}
