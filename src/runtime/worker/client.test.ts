import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakePort as fakeWorkerPort } from '../rpc/test-protocol';
import { LiveClient } from './client';
import type { LiveProtocol } from './protocol';

/** A fake live worker. */
const fakePort = () => fakeWorkerPort<LiveProtocol>();

const memory = { backend: 'cpu', numTensors: 3, numBytes: 12 } as const;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('LiveClient.call', () => {
  it('sends typed requests with fresh ids and resolves each with its own result', async () => {
    const { port, sent, reply } = fakePort();
    const client = new LiveClient(() => port);
    const a = client.call('memory', {});
    const b = client.call('backend', { choice: 'wasm' });
    expect(sent).toEqual([
      { type: 'memory', id: 1, params: {} },
      { type: 'backend', id: 2, params: { choice: 'wasm' } },
    ]);
    reply({ type: 'result', id: 2, result: { name: 'wasm' } });
    reply({ type: 'result', id: 1, result: memory });
    await expect(a).resolves.toEqual(memory);
    await expect(b).resolves.toEqual({ name: 'wasm' });
  });

  it('passes progress on and rejects with the worker\'s error name', async () => {
    const { port, reply } = fakePort();
    const client = new LiveClient(() => port);
    const progress: unknown[] = [];
    const call = client.call('build', { config: { network: 'googlenet', text: {} } }, { onProgress: (p) => progress.push(p) });
    reply({ type: 'progress', id: 1, progress: { stage: 'configuring', done: 0, total: 2 } });
    reply({ type: 'error', id: 1, error: { name: 'OptionError', message: 'bad option' } });
    await expect(call).rejects.toMatchObject({ name: 'OptionError', message: 'bad option' });
    expect(progress).toEqual([{ stage: 'configuring', done: 0, total: 2 }]);
  });

  it('times out with TimeoutError, cancels the request in the worker and drops its late answer', async () => {
    const { port, sent, reply } = fakePort();
    const client = new LiveClient(() => port);
    const call = client.call('run', { input: { kind: 'random', seed: 1 }, runs: 1 }, { timeoutMs: 1000 });
    vi.advanceTimersByTime(1000);
    await expect(call).rejects.toMatchObject({ name: 'TimeoutError', message: 'run took longer than 1 s' });
    expect(sent.at(-1)).toEqual({ type: 'cancel', id: 1, reason: 'run took longer than 1 s' });
    expect(() => reply({ type: 'result', id: 1, result: {} })).not.toThrow();
  });

  it('cancels through an AbortSignal', async () => {
    const { port, sent } = fakePort();
    const client = new LiveClient(() => port);
    const controller = new AbortController();
    const call = client.call('profile', { input: { kind: 'random', seed: 1 }, runs: 1 }, { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'CancelledError' });
    expect(sent.at(-1)).toEqual({ type: 'cancel', id: 1, reason: 'cancelled' });
    await expect(client.call('memory', {}, { signal: controller.signal })).rejects.toMatchObject({ name: 'CancelledError' });
    expect(sent).toHaveLength(2);
  });

  it('rejects pending calls when the worker fails, says so, and starts a new worker for the next call', async () => {
    const ports = [fakePort(), fakePort()];
    let spawned = 0;
    const client = new LiveClient(() => ports[spawned++].port);
    expect(client.started).toBe(false);
    const heard: string[] = [];
    client.onNotice((n) => heard.push(n.kind));
    const call = client.call('memory', {});
    expect(spawned).toBe(1);
    ports[0].port.onerror?.({ message: 'boom', preventDefault: () => {} } as ErrorEvent);
    await expect(call).rejects.toMatchObject({ name: 'WorkerError', message: 'the worker failed: boom' });
    expect(ports[0].port.terminated).toBe(true);
    expect(heard).toEqual(['failed']);

    const again = client.call('memory', {});
    expect(spawned).toBe(2);
    ports[1].reply({ type: 'result', id: 2, result: memory });
    await expect(again).resolves.toEqual(memory);
  });

  it('stops the worker on terminate, rejecting what is pending', async () => {
    const { port } = fakePort();
    const client = new LiveClient(() => port);
    const call = client.call('memory', {});
    client.terminate();
    await expect(call).rejects.toMatchObject({ name: 'WorkerError', message: 'the worker was stopped' });
    expect(port.terminated).toBe(true);
    expect(client.started).toBe(false);
  });
});

describe('LiveClient.onNotice', () => {
  it('tells listeners what the worker did on its own, until they unsubscribe', () => {
    const { port, reply } = fakePort();
    const client = new LiveClient(() => port);
    const heard: string[] = [];
    const stop = client.onNotice((n) => heard.push(n.message));
    void client.call('memory', {}); // starts the worker
    reply({ type: 'notice', notice: { kind: 'failed', message: 'context lost' } });
    stop();
    reply({ type: 'notice', notice: { kind: 'failed', message: 'again' } });
    expect(heard).toEqual(['context lost']);
  });
});
