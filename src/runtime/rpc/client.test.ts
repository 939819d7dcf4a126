import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RpcClient, type Crashed } from './client';
import { fakePort, type TestProtocol } from './test-protocol';

/** A client over fake ports, a fresh one for each worker it starts. */
function setup(timeouts?: Partial<Record<'wait' | 'sync', number>>) {
  const ports: ReturnType<typeof fakePort<TestProtocol>>[] = [];
  const client = new RpcClient<TestProtocol>(
    () => {
      ports.push(fakePort());
      return ports.at(-1)!.port;
    },
    { label: 'The test worker', timeouts },
  );
  return { client, ports };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('RpcClient timeouts', () => {
  it('gives each call type the timeout the client was made with; a call may say otherwise', async () => {
    const { client, ports } = setup({ wait: 5000 });
    const slow = client.call('wait', { name: 'a' });
    const quick = client.call('wait', { name: 'b' }, { timeoutMs: 1000 });
    const caught = [slow.catch((e: unknown) => e), quick.catch((e: unknown) => e)];
    vi.advanceTimersByTime(1000);
    await expect(caught[1]).resolves.toMatchObject({ name: 'TimeoutError', message: 'wait took longer than 1 s' });
    expect(ports[0].sent.at(-1)).toEqual({ type: 'cancel', id: 2, reason: 'wait took longer than 1 s' });
    vi.advanceTimersByTime(4000);
    await expect(caught[0]).resolves.toMatchObject({ name: 'TimeoutError', message: 'wait took longer than 5 s' });
  });

  it('lets a call type without a timeout wait as long as the worker lives', async () => {
    const { client, ports } = setup({ wait: 5000 });
    const call = client.call('sync', {});
    vi.advanceTimersByTime(24 * 3600_000);
    ports[0].reply({ type: 'result', id: 1, result: 'done' });
    await expect(call).resolves.toBe('done');
    expect(ports[0].sent).toHaveLength(1);
  });

  it('clears the timer of an answered call', async () => {
    const { client, ports } = setup({ wait: 1000 });
    const call = client.call('wait', { name: 'a' });
    ports[0].reply({ type: 'result', id: 1, result: 'a' });
    await expect(call).resolves.toBe('a');
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('RpcClient cancel', () => {
  it('cancels in the worker what an aborted signal started, and drops the late answer', async () => {
    const { client, ports } = setup();
    const controller = new AbortController();
    const call = client.call('wait', { name: 'a' }, { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'CancelledError', message: 'cancelled' });
    expect(ports[0].sent).toEqual([
      { type: 'wait', id: 1, params: { name: 'a' } },
      { type: 'cancel', id: 1, reason: 'cancelled' },
    ]);
    expect(() => ports[0].reply({ type: 'result', id: 1, result: 'late' })).not.toThrow();
  });
});

describe('RpcClient crash', () => {
  it('rejects every pending call with WorkerError, tells subscribers, and starts a new worker for the next call', async () => {
    const { client, ports } = setup();
    const heard: (TestProtocol['events'] | Crashed)[] = [];
    client.subscribe((event) => heard.push(event));
    const calls = [client.call('wait', { name: 'a' }), client.call('sync', {})];
    ports[0].crash('out of memory');
    for (const call of calls) {
      await expect(call).rejects.toMatchObject({ name: 'WorkerError', message: 'The test worker failed: out of memory' });
    }
    expect(heard).toEqual([{ type: 'crashed', message: 'The test worker failed: out of memory' }]);
    expect(ports[0].port.terminated).toBe(true);
    expect(client.started).toBe(false);

    const again = client.call('sync', {});
    expect(ports).toHaveLength(2);
    ports[1].reply({ type: 'result', id: 3, result: 'done' });
    await expect(again).resolves.toBe('done');
  });
});

describe('RpcClient events and messages', () => {
  it('passes messages without an id to subscribers, progress to its call, until they unsubscribe', async () => {
    const { client, ports } = setup();
    const heard: unknown[] = [];
    const progress: number[] = [];
    const stop = client.subscribe((event) => heard.push(event));
    const call = client.call('wait', { name: 'a' }, { onProgress: (p) => progress.push(p) });
    ports[0].reply({ type: 'tick', n: 1 });
    ports[0].reply({ type: 'progress', id: 1, progress: 0.5 });
    stop();
    ports[0].reply({ type: 'tick', n: 2 });
    ports[0].reply({ type: 'result', id: 1, result: 'a' });
    await expect(call).resolves.toBe('a');
    expect(heard).toEqual([{ type: 'tick', n: 1 }]);
    expect(progress).toEqual([0.5]);
  });

  it('sends fire-and-forget messages to a running worker only (a worker not started has nothing to be told)', () => {
    class Poking extends RpcClient<TestProtocol> {
      poke = () => this.post({ type: 'poke' });
    }
    const ports: ReturnType<typeof fakePort<TestProtocol>>[] = [];
    const client = new Poking(() => (ports.push(fakePort()), ports.at(-1)!.port), { label: 'the test worker' });
    client.poke();
    expect(ports).toHaveLength(0);
    void client.call('sync', {});
    client.poke();
    expect(ports[0].sent.at(-1)).toEqual({ type: 'poke' });
  });
});
