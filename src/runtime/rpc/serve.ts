// The worker's side of client.ts: the worker is a table of handlers, one per call type. Every
// call is answered by id with its result or its error; `cancel` reaches queued and running calls
// at once (a running one through its CancelToken, which long handlers check between steps).

import { CancelToken, RpcError, toWire } from './errors';
import { hasId, type CallMessage, type CallType, type CancelMessage, type Params, type Protocol, type Request, type Response, type Result } from './protocol';

/** What a handler gets besides its parameters. */
export interface CallContext<Progress> {
  readonly token: CancelToken;
  readonly progress: (progress: Progress) => void;
}

export type Handlers<P extends Protocol> = {
  readonly [K in CallType<P>]: (params: Params<P, K>, context: CallContext<P['progress']>) => Result<P, K> | Promise<Result<P, K>>;
};

export interface ServeOptions<P extends Protocol> {
  /**
   * `serial`: one call at a time, in order, when calls share state (a model) that one must not
   * see half-done. `concurrent`: each call starts when it arrives, when a call may last long
   * (training's `start`) and others must be answered meanwhile.
   */
  readonly policy: 'serial' | 'concurrent';
  /** Call types that a newer call of the same type cancels, queued or running (the live worker's build). */
  readonly supersede?: readonly CallType<P>[];
  /** Buffers in a result that are moved to the page rather than copied. */
  readonly transfer?: (result: unknown) => Transferable[];
  /** Messages that are not calls (they have no id, and no answer). */
  readonly onMessage?: (message: P['messages']) => void;
}

/** The parts of a dedicated worker's global scope used here (the project's lib is DOM, not WebWorker). */
export interface WorkerScope<P extends Protocol> {
  onmessage: ((event: MessageEvent<Request<P>>) => void) | null;
  postMessage(message: Response<P>, transfer?: Transferable[]): void;
}

interface Job<P extends Protocol> {
  readonly message: CallMessage<P>;
  readonly token: CancelToken;
}

export class Server<P extends Protocol> {
  private readonly queue: Job<P>[] = [];
  private readonly running = new Map<number, Job<P>>();
  private readonly tasks: (() => Promise<void>)[] = [];
  private pumping = false;

  constructor(
    private readonly handlers: Handlers<P>,
    private readonly post: (message: Response<P>, transfer?: Transferable[]) => void,
    private readonly options: ServeOptions<P>,
  ) {}

  /** Handles one message from the page. */
  receive(message: Request<P>): void {
    if (!hasId(message)) {
      this.options.onMessage?.(message as P['messages']);
      return;
    }
    if (message.type === 'cancel') {
      const { id, reason = 'cancelled' } = message as CancelMessage;
      this.cancel(id, reason);
      return;
    }
    const call = message as CallMessage<P>;
    if (this.options.supersede?.includes(call.type)) {
      for (const job of [...this.queue, ...this.running.values()]) {
        if (job.message.type === call.type) this.cancel(job.message.id, `superseded by a newer ${call.type}`);
      }
    }
    const job = { message: call, token: new CancelToken() };
    if (this.options.policy === 'concurrent') {
      void this.answer(job);
      return;
    }
    this.queue.push(job);
    void this.pump();
  }

  /**
   * Work of the worker's own (recovery after a lost context), run before queued calls. The task
   * reports its own outcome (as an event); one that throws anyway is logged, and the queue goes on.
   */
  schedule(task: () => Promise<void>): void {
    this.tasks.push(task);
    void this.pump();
  }

  /** Posts an event of the worker's own. */
  notify(event: P['events']): void {
    this.post(event);
  }

  private cancel(id: number, reason: string): void {
    const running = this.running.get(id);
    if (running) {
      running.token.cancel(reason);
      return;
    }
    const index = this.queue.findIndex((job) => job.message.id === id);
    if (index < 0) return; // already answered
    this.queue.splice(index, 1);
    this.post({ type: 'error', id, error: { name: 'CancelledError', message: reason } });
  }

  /** Runs the tasks, then the queued calls, one at a time (a concurrent server queues only tasks). */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        const task = this.tasks.shift();
        if (task) {
          await task().catch((error: unknown) => console.error('a scheduled task of the worker failed', error));
          continue;
        }
        const job = this.queue.shift();
        if (!job) break;
        await this.answer(job);
      }
    } finally {
      this.pumping = false;
    }
  }

  private async answer(job: Job<P>): Promise<void> {
    const { message, token } = job;
    const { id } = message;
    this.running.set(id, job);
    try {
      token.check();
      const handler = Object.hasOwn(this.handlers, message.type) ? this.handlers[message.type] : undefined;
      if (!handler) throw new RpcError('Error', `unknown request type ${JSON.stringify(message.type)}`);
      const progress = (value: P['progress']) => this.post({ type: 'progress', id, progress: value });
      const result: unknown = await (handler as (params: unknown, context: CallContext<P['progress']>) => unknown)(message.params, { token, progress });
      token.check(); // a result computed after a cancel is not wanted any more
      this.post({ type: 'result', id, result }, this.options.transfer?.(result) ?? []);
    } catch (error) {
      this.post({ type: 'error', id, error: toWire(error) });
    } finally {
      this.running.delete(id);
    }
  }
}

/** Serves `handlers` on a worker's scope (default: this worker's). */
export function serve<P extends Protocol>(
  handlers: Handlers<P>,
  options: ServeOptions<P>,
  scope: WorkerScope<P> = self as unknown as WorkerScope<P>,
): Server<P> {
  const server = new Server(handlers, (message, transfer) => scope.postMessage(message, transfer), options);
  scope.onmessage = (event) => server.receive(event.data);
  return server;
}
