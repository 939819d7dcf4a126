import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../analysis/counts';
import { configure } from '../../model/networks';
import type { ConfigText } from '../../model/types';
import { Backends } from '../backends';
import { CancelToken } from '../rpc/errors';
import { Engine, type RequestContext } from './engine';
import { locate } from './locate';
import { createRunner, passByModule } from './execute';
import type { Progress } from './protocol';
import { buildLayersModel } from '../build-layers-model';

/** About 6M MACs: fast enough for the CPU backend, and still with inception modules and pools. */
const small: ConfigText = {
  network: 'googlenet',
  text: { stem: 'cifar', input: '32', width: '0.125', classes: '10', modules: '3a,4a' },
};
const smallXception: ConfigText = {
  network: 'xception',
  text: { stem: 'cifar', input: '32', width: '0.0625', middle: '1', classes: '10' },
};
const input = { kind: 'random', seed: 3 } as const;

/** A fresh request context; `progress` collects what was reported. */
function context(token = new CancelToken()): RequestContext & { reported: Progress[] } {
  const reported: Progress[] = [];
  return { token, progress: (p) => reported.push(p), reported };
}

let engine: Engine;

/** A clock for timing by pairs of reads (start, end): the n-th pair is `durations[n]` ms apart. */
function stepClock(durations: readonly number[]): () => number {
  let t = 0;
  let reads = 0;
  let pairs = 0;
  return () => (reads++ % 2 === 0 ? t : (t += durations[pairs++] ?? 1));
}

beforeAll(async () => {
  engine = new Engine({ backends: new Backends({ probe: () => null }), pause: () => Promise.resolve() });
  const info = await engine.setBackend('cpu');
  expect(info.name).toBe('cpu');
});

describe('Engine.build', () => {
  it('builds the configured network with the counter\'s params, and reports progress', async () => {
    const ctx = context();
    const built = await engine.build({ config: small }, ctx);
    const { model } = configure(small.network, small.text);
    expect(built.params).toBe(analyze(model).totals.params);
    expect(built).toMatchObject({ backend: 'cpu', network: 'googlenet', input: [32, 32, 3], seed: 1 });
    expect(ctx.reported.map((p) => p.stage)).toEqual(['configuring', 'creating layers and drawing weights', 'built']);
  });

  it('fails with an OptionError for a bad option and keeps the previous model', async () => {
    await engine.build({ config: small }, context());
    await expect(
      engine.build({ config: { network: 'googlenet', text: { inception: 'huge' } } }, context()),
    ).rejects.toMatchObject({ name: 'OptionError', message: expect.stringContaining('bottleneck, no-reduce, naive') });
    await expect(engine.run({ input, runs: 1 }, context())).resolves.toMatchObject({ backend: 'cpu' });
  });

  it('stops when cancelled, leaving no model', async () => {
    const token = new CancelToken();
    token.cancel('superseded');
    await expect(engine.build({ config: small }, context(token))).rejects.toMatchObject({ name: 'CancelledError' });
  });

  it('is deterministic: the same seed gives the same outputs', async () => {
    await engine.build({ config: small, seed: 4 }, context());
    const a = await engine.run({ input, runs: 1 }, context());
    await engine.build({ config: small, seed: 4 }, context());
    const b = await engine.run({ input, runs: 1 }, context());
    expect(b.top).toEqual(a.top);
  });
});

describe('Engine.run', () => {
  it('times the first run apart from the warm ones', async () => {
    // Build 7 ms, first run 10 ms, warm runs 1, 2, 3 ms, then 4 and 5: whatever the machine's speed.
    const timed = new Engine({ backends: new Backends({ probe: () => null }), pause: () => Promise.resolve(), now: stepClock([7, 10, 1, 2, 3, 4, 5]) });
    await timed.setBackend('cpu');
    expect((await timed.build({ config: small }, context())).ms).toBe(7);
    const result = await timed.run({ input, runs: 3 }, context());
    expect(result.warmMs).toEqual([1, 2, 3]);
    expect(result.firstMs).toBe(10);
    expect(result.medianMs).toBe(2);
    expect(result.top).toHaveLength(3);
    expect(result.top[0].probability).toBeGreaterThanOrEqual(result.top[1].probability);
    // The first run is measured once per build.
    expect((await timed.run({ input, runs: 1 }, context())).warmMs).toEqual([4]);
    expect((await timed.run({ input, runs: 1 }, context())).firstMs).toBe(10);
    timed.dispose();
  });

  it('needs a model', async () => {
    engine.dispose();
    await expect(engine.run({ input, runs: 1 }, context())).rejects.toThrow(/no model is built/);
  });
});

describe('Engine.profile', () => {
  it('times every top-level module', async () => {
    await engine.build({ config: small }, context());
    const result = await engine.profile({ input, runs: 2 }, context());
    const { model } = configure(small.network, small.text);
    expect(result.modules.map((m) => m.path)).toEqual(analyze(model).root.children.map((m) => m.path));
    for (const m of result.modules) {
      expect(m.samples).toHaveLength(2);
      expect(m.ms).toBeGreaterThanOrEqual(0);
    }
    expect(result.totalMs).toBeCloseTo(result.modules.reduce((s, m) => s + m.ms, 0), 6);
  });
});

describe('passByModule', () => {
  it.each([
    ['googlenet', small],
    ['xception', smallXception],
    ['googlenet aux=on bn=on', { network: 'googlenet', text: { ...small.text, aux: 'on', bn: 'on' } } as ConfigText],
  ])('gives predict\'s outputs for %s', async (_, config) => {
    const { model } = configure(config.network, config.text);
    const runner = createRunner(model, buildLayersModel(model, { seed: 2 }));
    const x = tf.randomUniform([1, 32, 32, 3], -1, 1, 'float32', 9);
    const before = tf.memory().numTensors;
    const [expected, ...taps] = runner.predict(x);
    const last = runner.modules.at(-1)!;
    const { kept } = await passByModule(runner, x, { keep: new Set([last]) });
    expect(Array.from(await kept[last].data())).toEqual(
      Array.from(await expected.data()).map((v) => expect.closeTo(v, 5)),
    );
    tf.dispose([expected, ...taps, ...Object.values(kept)]);
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    runner.dispose();
  });
});

describe('Engine.activations', () => {
  it('shows inception_3a and each of its branches, strongest channels first', async () => {
    await engine.build({ config: small }, context());
    const result = await engine.activations({ input, path: 'inception_3a', maxChannels: 8 }, context());
    expect(result.maps.map((m) => m.path)).toEqual([
      'inception_3a',
      'inception_3a/1x1',
      'inception_3a/3x3',
      'inception_3a/5x5',
      'inception_3a/pool',
    ]);
    const [whole, ...branches] = result.maps;
    expect(whole.channels).toBe(branches.reduce((s, b) => s + b.channels, 0));
    for (const map of result.maps) {
      expect(map).toMatchObject({ height: 16, width: 16 });
      expect(map.shown.length).toBe(Math.min(8, map.channels));
      expect(map.pixels.length).toBe(map.shown.length * 16 * 16);
      const means = map.shown.map((s) => s.mean);
      expect(means).toEqual([...means].sort((a, b) => b - a));
    }
  });

  it('shows a layer by its id, lists vectors as skipped, and rejects an unknown path', async () => {
    await engine.build({ config: small }, context());
    const conv = await engine.activations({ input, path: 'conv1/conv1', maxChannels: 4 }, context());
    expect(conv.maps.map((m) => [m.path, m.channels])).toEqual([['conv1/conv1', 8]]);
    const fc = await engine.activations({ input, path: 'fc', maxChannels: 4 }, context());
    expect(fc).toMatchObject({ maps: [], skipped: [{ path: 'fc', shape: [10] }] });
    await expect(engine.activations({ input, path: 'inception_9z', maxChannels: 4 }, context())).rejects.toThrow(
      'unknown module or layer "inception_9z"',
    );
  });
});

describe('locate', () => {
  const { model } = configure('googlenet', {});
  it.each([
    ['conv1', 0, []],
    ['conv1/conv1', 0, []],
    ['inception_3a', 4, ['inception_3a/1x1', 'inception_3a/3x3', 'inception_3a/5x5', 'inception_3a/pool']],
    ['inception_3a/5x5', 4, []],
    ['inception_3a/5x5/inception_3a_5x5', 4, []],
    ['fc', 16, []],
  ] as const)('%s', (path, index, branches) => {
    expect(locate(model, path)).toEqual({ index, branches });
  });
});

describe('Engine.benchConvs', () => {
  it('times the three designs of the bottleneck lab', async () => {
    const result = await engine.benchConvs(
      { height: 8, width: 8, channels: 16, kernel: 3, filters: 8, bottleneck: 4, runs: 2 },
      context(),
    );
    expect(result.backend).toBe('cpu');
    for (const key of ['direct', 'bottleneck', 'separable'] as const) expect(result[key]).toBeGreaterThanOrEqual(0);
    await expect(
      engine.benchConvs({ height: 8, width: 8, channels: 16, kernel: 9, filters: 8, bottleneck: 4 }, context()),
    ).rejects.toThrow(/Kernel \(9\) must not be larger/);
  });
});

describe('tensors', () => {
  it('are as many after 50 inferences and 20 variant switches as before', async () => {
    await engine.build({ config: small }, context());
    await engine.run({ input, runs: 1 }, context());
    const start = tf.memory().numTensors;
    for (let i = 0; i < 50; i++) await engine.run({ input, runs: 1 }, context());
    expect(tf.memory().numTensors).toBe(start);

    const variants = ['bottleneck', 'no-reduce', 'naive'];
    for (let i = 0; i < 20; i++) {
      const text = { ...small.text, inception: variants[i % 3], bn: i % 2 ? 'on' : 'off' };
      await engine.build({ config: { network: 'googlenet', text } }, context());
      await engine.run({ input, runs: 1 }, context());
      await engine.activations({ input, path: 'inception_3a', maxChannels: 4 }, context());
    }
    await engine.build({ config: small }, context());
    await engine.run({ input, runs: 1 }, context());
    await engine.profile({ input, runs: 1 }, context());
    expect(tf.memory().numTensors).toBe(start);

    expect(engine.dispose().numTensors).toBe(0);
  }, 120_000);
});
