// The page's side of a worker that answers typed calls by id and may also send events of its own
// (the training and classify workers). No tfjs here; the worker starts with the first call.

/** Requests the worker answers: each with its parameters and its result (an interface is fine). */
export type CallMap<Calls> = { [K in keyof Calls]: { params: unknown; result: unknown } };

/** Worker → page answers to calls. */
export type RpcAnswer =
  | { readonly type: 'result'; readonly id: number; readonly result: unknown }
  | { readonly type: 'error'; readonly id: number; readonly error: { readonly name: string; readonly message: string } };

/** A call as sent to the worker. */
export type RpcCall<Calls extends CallMap<Calls>> = {
  [K in keyof Calls & string]: { readonly type: K; readonly id: number; readonly params: Calls[K]['params'] };
}[keyof Calls & string];

/** What the client needs of a Worker (tests pass a fake). */
export interface RpcPort<Request, Message> {
  onmessage: ((event: MessageEvent<Message>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: Request): void;
  terminate(): void;
}

/** An error the worker answered with (its name kept), or `WorkerError` when the worker itself died. */
export class RpcError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** `crashed`: the worker itself failed; whatever it held is lost, the next call starts a new one. */
export type Crashed = { readonly type: 'crashed'; readonly message: string };

/**
 * Typed calls answered by id, plus a stream of the worker's own events. `Request` is what the
 * worker accepts (calls, and maybe other messages sent with `post`); `Message` what it sends.
 */
export class RpcClient<Calls extends CallMap<Calls>, Request extends { type: string }, Message extends { type: string }> {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners = new Set<(event: Exclude<Message, RpcAnswer> | Crashed) => void>();
  private port: RpcPort<Request, Message> | undefined;

  constructor(
    private readonly spawn: () => RpcPort<Request, Message>,
    /** Names the worker in messages ("the training worker"). */
    private readonly label: string,
  ) {}

  /** Sends a request; resolves with its result or rejects with the worker's error. */
  call<K extends keyof Calls & string>(type: K, params: Calls[K]['params']): Promise<Calls[K]['result']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject });
      this.connect().postMessage({ type, id, params } as unknown as Request);
    });
  }

  /** Listens to the worker's own events and to its crash; returns the unsubscribe. */
  subscribe(listener: (event: Exclude<Message, RpcAnswer> | Crashed) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  terminate(): void {
    this.port?.terminate();
    this.fail(`${this.label} was stopped`);
  }

  /** Sends a message that has no answer, if the worker is running. */
  protected post(message: Request): void {
    this.port?.postMessage(message);
  }

  private connect(): RpcPort<Request, Message> {
    if (this.port) return this.port;
    const port = this.spawn();
    port.onmessage = (event) => this.receive(event.data);
    port.onerror = (event) => {
      event.preventDefault?.();
      port.terminate();
      const label = this.label.charAt(0).toUpperCase() + this.label.slice(1);
      const message = `${label} failed: ${event.message || 'unknown error'}.`;
      this.fail(message);
      for (const listener of this.listeners) listener({ type: 'crashed', message });
    };
    this.port = port;
    return port;
  }

  private receive(message: Message): void {
    const answer = message as unknown as RpcAnswer;
    if (answer.type === 'result' || answer.type === 'error') {
      const pending = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      if (answer.type === 'result') pending?.resolve(answer.result);
      else pending?.reject(new RpcError(answer.error.name, answer.error.message));
      return;
    }
    for (const listener of this.listeners) listener(message as Exclude<Message, RpcAnswer>);
  }

  private fail(message: string): void {
    this.port = undefined;
    for (const [id, pending] of this.pending) {
      this.pending.delete(id);
      pending.reject(new RpcError('WorkerError', message));
    }
  }
}
