import { describe, expect, it, vi } from 'vitest';
import { RpcError } from './errors';
import type { Request } from './protocol';
import { serve, type WorkerScope } from './serve';
import { testServer, type TestProtocol } from './test-protocol';

/** Waits for a condition the server reaches asynchronously (not for a fixed turn of the event loop). */
const until = (check: () => void) => vi.waitFor(check, { timeout: 10_000, interval: 1 });

const wait = (id: number, name = `call ${id}`): Request<TestProtocol> => ({ type: 'wait', id, params: { name } });

describe('Server, serial', () => {
  it('starts a call only when the one before has been answered', async () => {
    const { server, started, messages } = testServer({ policy: 'serial' });
    server.receive(wait(1));
    server.receive(wait(2));
    await until(() => expect(started).toHaveLength(1));
    started[0].context.progress(0.5);
    started[0].finish('one');
    await until(() => expect(started).toHaveLength(2));
    started[1].finish('two');
    await until(() => expect(messages()).toHaveLength(3));
    expect(messages()).toEqual([
      { type: 'progress', id: 1, progress: 0.5 },
      { type: 'result', id: 1, result: 'one' },
      { type: 'result', id: 2, result: 'two' },
    ]);
  });

  it('answers a cancelled queued call at once; a running one ends through its token, its late result dropped', async () => {
    const { server, started, messages } = testServer({ policy: 'serial' });
    server.receive(wait(1));
    server.receive(wait(2));
    await until(() => expect(started).toHaveLength(1));
    server.receive({ type: 'cancel', id: 2, reason: 'not wanted' });
    expect(messages()).toEqual([{ type: 'error', id: 2, error: { name: 'CancelledError', message: 'not wanted' } }]);
    server.receive({ type: 'cancel', id: 1 });
    expect(started[0].context.token.cancelled).toBe(true);
    started[0].finish('late');
    await until(() => expect(messages()).toHaveLength(2));
    expect(messages()[1]).toEqual({ type: 'error', id: 1, error: { name: 'CancelledError', message: 'cancelled' } });
    expect(started).toHaveLength(1);
  });

  it('lets a newer call of a superseding type cancel older ones, and leaves other types alone', async () => {
    const { server, started, messages } = testServer({ policy: 'serial', supersede: ['wait'] });
    server.receive(wait(1));
    await until(() => expect(started).toHaveLength(1));
    server.receive({ type: 'sync', id: 2, params: {} });
    server.receive(wait(3));
    expect(started[0].context.token.cancelled).toBe(true);
    started[0].fail(new RpcError('CancelledError', 'superseded by a newer wait'));
    await until(() => expect(started).toHaveLength(2));
    started[1].finish('three');
    await until(() => expect(messages()).toHaveLength(3));
    expect(messages()).toEqual([
      { type: 'error', id: 1, error: { name: 'CancelledError', message: 'superseded by a newer wait' } },
      { type: 'result', id: 2, result: 'done' },
      { type: 'result', id: 3, result: 'three' },
    ]);
  });

  it('runs scheduled tasks before queued calls, after the running one', async () => {
    const { server, started, messages } = testServer({ policy: 'serial' });
    server.receive(wait(1));
    server.receive(wait(2));
    await until(() => expect(started).toHaveLength(1));
    const order: string[] = [];
    server.schedule(async () => {
      order.push(`task after ${started.length} started`);
      server.notify({ type: 'tick', n: 1 });
    });
    started[0].finish('one');
    await until(() => expect(started).toHaveLength(2));
    expect(order).toEqual(['task after 1 started']);
    expect(messages()).toEqual([
      { type: 'result', id: 1, result: 'one' },
      { type: 'tick', n: 1 },
    ]);
  });

  it('goes on with the queue after a scheduled task that throws', async () => {
    const { server, started } = testServer({ policy: 'serial' });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    server.schedule(async () => {
      throw new Error('no');
    });
    server.receive(wait(1));
    await until(() => expect(started).toHaveLength(1));
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });
});

describe('Server, concurrent', () => {
  it('starts every call when it arrives and answers each when it is done', async () => {
    const { server, started, messages } = testServer({ policy: 'concurrent' });
    server.receive(wait(1));
    server.receive(wait(2));
    await until(() => expect(started).toHaveLength(2));
    started[1].finish('two');
    await until(() => expect(messages()).toHaveLength(1));
    server.receive({ type: 'cancel', id: 1, reason: 'stop' });
    expect(started[0].context.token.cancelled).toBe(true);
    started[0].finish('late');
    await until(() => expect(messages()).toHaveLength(2));
    expect(messages()).toEqual([
      { type: 'result', id: 2, result: 'two' },
      { type: 'error', id: 1, error: { name: 'CancelledError', message: 'stop' } },
    ]);
  });

  it('hands messages without an id to onMessage; they get no answer', () => {
    const heard: string[] = [];
    const { server, messages } = testServer({ policy: 'concurrent', onMessage: (message) => heard.push(message.type) });
    server.receive({ type: 'poke' });
    expect(heard).toEqual(['poke']);
    expect(messages()).toEqual([]);
  });
});

describe('Server answers', () => {
  it('with the one wire error format: known names kept, others as Error, thrown non-Errors by their message', async () => {
    const { server, messages } = testServer({ policy: 'concurrent' });
    const option = Object.assign(new Error('bad option'), { name: 'OptionError' });
    const thrown = [option, new TypeError('x is undefined'), { message: 'tfjs rejected' }, 'plain'];
    thrown.forEach((fail, i) => server.receive({ type: 'sync', id: i + 1, params: { fail } }));
    server.receive({ type: 'nothing', id: 9, params: {} } as never);
    await until(() => expect(messages()).toHaveLength(5));
    expect(messages()).toEqual([
      { type: 'error', id: 1, error: { name: 'OptionError', message: 'bad option' } },
      { type: 'error', id: 2, error: { name: 'Error', message: 'x is undefined' } },
      { type: 'error', id: 3, error: { name: 'Error', message: 'tfjs rejected' } },
      { type: 'error', id: 4, error: { name: 'Error', message: 'plain' } },
      { type: 'error', id: 9, error: { name: 'Error', message: 'unknown request type "nothing"' } },
    ]);
  });

  it('moves the buffers `transfer` names with a result', async () => {
    const buffer = new ArrayBuffer(4);
    const { server, posted } = testServer({ policy: 'serial', transfer: (result) => (result === 'done' ? [buffer] : []) });
    server.receive({ type: 'sync', id: 1, params: {} });
    await until(() => expect(posted).toHaveLength(1));
    expect(posted[0].transfer).toEqual([buffer]);
  });

  it('on a worker scope: serve() takes its messages and posts there', async () => {
    const posted: unknown[] = [];
    const scope: WorkerScope<TestProtocol> = { onmessage: null, postMessage: (message) => posted.push(message) };
    serve<TestProtocol>({ wait: async ({ name }) => name, sync: () => 'done' }, { policy: 'serial' }, scope);
    scope.onmessage?.({ data: wait(1, 'hello') } as MessageEvent<Request<TestProtocol>>);
    await until(() => expect(posted).toEqual([{ type: 'result', id: 1, result: 'hello' }]));
  });
});
