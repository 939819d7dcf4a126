import { describe, expect, it, vi } from 'vitest';
import { RpcError } from '../rpc/errors';
import type { WorkerScope } from '../rpc/serve';
import type { Engine, RequestContext } from './engine';
import { serveLive } from './live-server';
import type { LiveProtocol, Request, Response } from './protocol';

/** An engine whose requests finish when the test says so. */
function fakeEngine() {
  const started: { type: string; context: RequestContext; finish: (value: unknown) => void; fail: (e: unknown) => void }[] = [];
  const pending = (type: string) => (_params: unknown, context: RequestContext) =>
    new Promise((finish, fail) => started.push({ type, context, finish, fail }));
  const engine = {
    build: pending('build'),
    run: pending('run'),
    profile: pending('profile'),
    activations: pending('activations'),
    benchConvs: pending('benchConvs'),
    setBackend: pending('backend'),
    memory: () => ({ backend: 'cpu', numTensors: 0, numBytes: 0 }),
    dispose: () => ({ backend: 'cpu', numTensors: 0, numBytes: 0 }),
    loseContext: () => false,
  };
  return { engine: engine as unknown as Engine, started };
}

function setup() {
  const { engine, started } = fakeEngine();
  const posted: { message: Response; transfer?: Transferable[] }[] = [];
  const scope: WorkerScope<LiveProtocol> = { onmessage: null, postMessage: (message, transfer) => posted.push({ message, transfer }) };
  const host = serveLive(engine, scope);
  const send = (message: Request) => scope.onmessage?.({ data: message } as MessageEvent<Request>);
  return { host, send, posted, started };
}

const config = { network: 'googlenet', text: {} } as const;
const input = { kind: 'random', seed: 1 } as const;
/** Waits for a condition the server reaches asynchronously (not for a fixed turn of the event loop). */
const until = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 1 });

describe('serveLive', () => {
  it('runs requests one at a time, in order, and answers each by id', async () => {
    const { send, posted, started } = setup();
    send({ type: 'build', id: 1, params: { config } });
    send({ type: 'run', id: 2, params: { input, runs: 1 } });
    await until(() => expect(started).toHaveLength(1));
    expect(started.map((s) => s.type)).toEqual(['build']);
    started[0].context.progress({ stage: 'configuring', done: 0, total: 2 });
    started[0].finish({ built: true });
    await until(() => expect(started).toHaveLength(2));
    expect(started.map((s) => s.type)).toEqual(['build', 'run']);
    started[1].finish({ ran: true });
    await until(() => expect(posted).toHaveLength(3));
    expect(posted.map((p) => p.message)).toEqual([
      { type: 'progress', id: 1, progress: { stage: 'configuring', done: 0, total: 2 } },
      { type: 'result', id: 1, result: { built: true } },
      { type: 'result', id: 2, result: { ran: true } },
    ]);
  });

  it('cancels a queued request at once and a running one through its token', async () => {
    const { send, posted, started } = setup();
    send({ type: 'profile', id: 1, params: { input, runs: 1 } });
    send({ type: 'run', id: 2, params: { input, runs: 1 } });
    await until(() => expect(started).toHaveLength(1));
    send({ type: 'cancel', id: 2 });
    expect(posted.at(-1)?.message).toEqual({ type: 'error', id: 2, error: { name: 'CancelledError', message: 'cancelled' } });
    send({ type: 'cancel', id: 1, reason: 'user cancelled' });
    expect(started[0].context.token.cancelled).toBe(true);
    // The engine notices at its next check; a result that still arrives is not delivered.
    started[0].finish({ late: true });
    await until(() => expect(posted.at(-1)?.message).toEqual({ type: 'error', id: 1, error: { name: 'CancelledError', message: 'user cancelled' } }));
    expect(started).toHaveLength(1);
  });

  it('lets a newer build supersede older ones, queued or running', async () => {
    const { send, posted, started } = setup();
    send({ type: 'build', id: 1, params: { config } });
    await until(() => expect(started).toHaveLength(1));
    send({ type: 'build', id: 2, params: { config } });
    send({ type: 'build', id: 3, params: { config } });
    expect(started[0].context.token.cancelled).toBe(true);
    expect(posted.map((p) => p.message)).toEqual([
      { type: 'error', id: 2, error: { name: 'CancelledError', message: 'superseded by a newer build' } },
    ]);
    started[0].fail(new RpcError('CancelledError', 'superseded by a newer build'));
    await until(() => expect(started).toHaveLength(2));
    expect(started.map((s) => s.type)).toEqual(['build', 'build']);
    started[1].finish('built 3');
    await until(() => expect(posted.at(-1)?.message).toEqual({ type: 'result', id: 3, result: 'built 3' }));
  });

  it('sends errors with their names, and keeps serving after one', async () => {
    const { send, posted, started } = setup();
    send({ type: 'build', id: 1, params: { config } });
    send({ type: 'memory', id: 2, params: {} });
    await until(() => expect(started).toHaveLength(1));
    const failure = new Error('invalid value "huge" for option "inception"');
    failure.name = 'OptionError';
    started[0].fail(failure);
    await until(() => expect(posted).toHaveLength(2));
    expect(posted.map((p) => p.message)).toEqual([
      { type: 'error', id: 1, error: { name: 'OptionError', message: 'invalid value "huge" for option "inception"' } },
      { type: 'result', id: 2, result: { backend: 'cpu', numTensors: 0, numBytes: 0 } },
    ]);
  });

  it('runs its own tasks (recovery) before queued requests', async () => {
    const { host, send, posted, started } = setup();
    send({ type: 'run', id: 1, params: { input, runs: 1 } });
    send({ type: 'run', id: 2, params: { input, runs: 1 } });
    await until(() => expect(started).toHaveLength(1));
    const order: string[] = [];
    host.schedule(async () => {
      order.push('recovery');
      host.notify({ type: 'notice', notice: { kind: 'failed', message: 'no' } });
    });
    started[0].finish('one');
    await until(() => expect(started).toHaveLength(2));
    order.push(started[1]?.type);
    expect(order).toEqual(['recovery', 'run']);
    expect(posted.map((p) => p.message.type)).toEqual(['result', 'notice']);
  });

  it('moves feature-map pixels instead of copying them', async () => {
    const { send, posted, started } = setup();
    send({ type: 'activations', id: 1, params: { input, path: 'conv1', maxChannels: 2 } });
    await until(() => expect(started).toHaveLength(1));
    const pixels = new Uint8ClampedArray(8);
    started[0].finish({ path: 'conv1', maps: [{ pixels }], skipped: [] });
    await until(() => expect(posted).toHaveLength(1));
    expect(posted[0].transfer).toEqual([pixels.buffer]);
  });
});
