// The worker's side of the protocol: requests are queued and run one at a time (they share one
// model), `cancel` reaches queued and running requests at once, a newer build supersedes older
// ones, and every outcome goes back as a result or an error with the request's id.

import type { Engine, RequestContext } from './engine';
import { CancelToken, LiveError, toWire } from './errors';
import type { CallMessage, Notice, Request, Response } from './protocol';

export type Post = (message: Response, transfer?: Transferable[]) => void;

interface Job {
  readonly message: CallMessage;
  readonly token: CancelToken;
}

/** Dispatches protocol messages to an Engine and posts the answers. */
export class Host {
  private readonly queue: Job[] = [];
  private readonly internal: (() => Promise<void>)[] = [];
  private running: Job | undefined;
  private pumping = false;

  constructor(
    private readonly engine: Engine,
    private readonly post: Post,
  ) {}

  /** Handles one message from the page. */
  receive(message: Request): void {
    if (message.type === 'cancel') {
      this.cancel(message.id, message.reason ?? 'cancelled');
      return;
    }
    if (message.type === 'build') {
      for (const job of [...this.queue, ...(this.running ? [this.running] : [])]) {
        if (job.message.type === 'build') this.cancel(job.message.id, 'superseded by a newer build');
      }
    }
    this.queue.push({ message, token: new CancelToken() });
    void this.pump();
  }

  /** Work of the worker's own (recovery after a lost context), run before queued requests. */
  schedule(task: () => Promise<void>): void {
    this.internal.push(task);
    void this.pump();
  }

  /** Posts something the worker did on its own. */
  notify(notice: Notice): void {
    this.post({ type: 'notice', notice });
  }

  private cancel(id: number, reason: string): void {
    if (this.running?.message.id === id) {
      this.running.token.cancel(reason);
      return;
    }
    const index = this.queue.findIndex((job) => job.message.id === id);
    if (index < 0) return; // already answered
    this.queue.splice(index, 1);
    this.post({ type: 'error', id, error: { name: 'CancelledError', message: reason } });
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        const task = this.internal.shift();
        if (task) {
          await task().catch((error: unknown) => this.post({ type: 'notice', notice: failedRecovery(error) }));
          continue;
        }
        const job = this.queue.shift();
        if (!job) break;
        this.running = job;
        await this.answer(job);
        this.running = undefined;
      }
    } finally {
      this.pumping = false;
    }
  }

  private async answer({ message, token }: Job): Promise<void> {
    const { id } = message;
    try {
      token.check();
      const context: RequestContext = {
        token,
        progress: (progress) => this.post({ type: 'progress', id, progress }),
      };
      const result = await this.dispatch(message, context);
      token.check(); // a result computed after a cancel is not wanted any more
      this.post({ type: 'result', id, result }, transferables(result));
    } catch (error) {
      this.post({ type: 'error', id, error: toWire(error) });
    }
  }

  private async dispatch(message: CallMessage, context: RequestContext): Promise<unknown> {
    const { engine } = this;
    switch (message.type) {
      case 'backend':
        return engine.setBackend(message.params.choice);
      case 'build':
        return engine.build(message.params, context);
      case 'run':
        return engine.run(message.params, context);
      case 'profile':
        return engine.profile(message.params, context);
      case 'activations':
        return engine.activations(message.params, context);
      case 'benchConvs':
        return engine.benchConvs(message.params, context);
      case 'dispose':
        return engine.dispose();
      case 'memory':
        return engine.memory();
      case 'loseContext':
        return { lost: engine.loseContext() };
      default: {
        const unknown: never = message;
        throw new LiveError('Error', `unknown request type ${JSON.stringify((unknown as { type: unknown }).type)}`);
      }
    }
  }
}

/** Pixel buffers are moved to the page rather than copied. */
function transferables(result: unknown): Transferable[] {
  if (typeof result !== 'object' || result === null || !('maps' in result) || !Array.isArray(result.maps)) return [];
  return result.maps.map((map: { pixels: Uint8ClampedArray }) => map.pixels.buffer);
}

function failedRecovery(error: unknown): Notice {
  return {
    kind: 'failed',
    message: `The WebGL context was lost and recovery failed (${toWire(error).message}). Choose another backend.`,
  };
}
