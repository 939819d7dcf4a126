import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configure } from '../../model/networks';
import type { Model, NetworkName } from '../../model/types';
import { buildLayersModel } from '../build-layers-model';
import { compareWithLayersModel, inputShape } from './check';
import { compileFastModel } from './fast-model';
import { randomizeBiasesAndBatchNorms } from './randomize';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The bound of the task: max|fast − layers| / max|layers| per tensor. */
const TOLERANCE = 1e-4;

const googlenetSmall = { stem: 'cifar', input: 32, width: 0.25 };
const xceptionSmall = { stem: 'cifar', input: 32, width: 0.125, middle: 1 };

const cases: [NetworkName, Record<string, unknown>][] = [
  ['googlenet', { ...googlenetSmall, bn: 'off' }],
  ['googlenet', { ...googlenetSmall, bn: 'on' }],
  ['googlenet', { ...googlenetSmall, bn: 'on', aux: 'on' }],
  ['googlenet', { ...googlenetSmall, aux: 'on' }],
  ['googlenet', { ...googlenetSmall, branch5x5: '3x3-3x3', bn: 'on' }],
  // The naive module's depth grows from module to module: three of them keep the CPU run short.
  ['googlenet', { ...googlenetSmall, inception: 'naive', modules: '3a,4a,5a' }],
  ['googlenet', { ...googlenetSmall, stem: 'separable', input: 64 }],
  ['googlenet', { ...googlenetSmall, stem: 'separable', input: 64, bn: 'on' }],
  ['xception', xceptionSmall],
  ['xception', { ...xceptionSmall, order: 'pointwise-first' }],
  ['xception', { ...xceptionSmall, intermediate: 'relu' }],
  ['xception', { ...xceptionSmall, order: 'pointwise-first', intermediate: 'relu' }],
  ['xception', { ...xceptionSmall, conv: 'regular' }],
  ['xception', { ...xceptionSmall, residual: 'off' }],
  ['resnet', { depth: '20', shortcut: 'A', input: 32, classes: 10 }],
  ['resnet', { depth: '20', preact: 'on', input: 32, classes: 10 }],
  ['resnet', { depth: '50', stride: 'v1', bias: 'on', width: 0.125, input: 64 }],
  ['resnet', { depth: '18', residual: 'off', shortcut: 'C', width: 0.25, input: 64 }],
];

const label = (network: string, options: Record<string, unknown>) =>
  [network, ...Object.entries(options).map(([k, v]) => `${k}=${v}`)].join(' ');

/** A LayersModel with random kernels, biases and BatchNorm statistics, and its fast version. */
function pair(model: Model, seed = 3) {
  const layersModel = buildLayersModel(model, { init: 'random', seed });
  randomizeBiasesAndBatchNorms(layersModel, seed);
  return { layersModel, fast: compileFastModel(model, layersModel) };
}

describe('compileFastModel equals the LayersModel (max relative error ≤ 1e-4)', () => {
  it.each(cases.map(([n, o]) => [label(n, o), n, o] as const))('%s', async (_, network, options) => {
    const { model } = configure(network, options);
    const { layersModel, fast } = pair(model);
    const x = tf.randomNormal(inputShape(model), 0, 1, 'float32', 11) as tf.Tensor4D;
    try {
      const { modules, outputs } = await compareWithLayersModel(model, layersModel, fast, x);
      expect(modules.length).toBe(model.root.children.length);
      for (const m of modules) {
        expect(m.scale, `${m.path} is not all zeros`).toBeGreaterThan(0);
        expect(m.error, m.path).toBeLessThanOrEqual(TOLERANCE);
      }
      expect(outputs.length).toBe(layersModel.outputs.length);
      for (const error of outputs) expect(error).toBeLessThanOrEqual(TOLERANCE);
      if (process.env.FAST_ERRORS) console.log(label(network, options), Math.max(...modules.map((m) => m.error)), outputs);
    } finally {
      x.dispose();
      fast.dispose();
      layersModel.dispose();
    }
  }, 30_000);
});

describe('the fast model owns its tensors', () => {
  // Small and quick: two modules are enough for both taps; BatchNorm on, so folded weights exist.
  // 20 px is the least input whose aux heads' 5x5 pool fits (5x5 at 4a), which configure checks.
  const { model } = configure('googlenet', { ...googlenetSmall, input: 20, bn: 'on', aux: 'on', modules: '4a,4d' });
  let before = 0;
  let layersModel: tf.LayersModel;
  let fast: ReturnType<typeof compileFastModel>;
  let x: tf.Tensor4D;

  beforeAll(() => {
    x = tf.randomNormal(inputShape(model)) as tf.Tensor4D;
    before = tf.memory().numTensors;
    ({ layersModel, fast } = pair(model));
  });
  afterAll(() => {
    x.dispose();
  });

  it('predict() leaves no tensor behind but its outputs, over 20 calls', () => {
    const owned = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) tf.dispose(fast.predict(x));
    expect(tf.memory().numTensors).toBe(owned);
  });

  it('predictModules() leaves no tensor behind but its outputs', async () => {
    const owned = tf.memory().numTensors;
    for (let i = 0; i < 3; i++) tf.dispose(await fast.predictModules(x, () => {}));
    expect(tf.memory().numTensors).toBe(owned);
  });

  it('each plan step alone leaves no tensor behind but its results', () => {
    const owned = tf.memory().numTensors;
    let current: tf.Tensor = x;
    for (const step of fast.plan) {
      const { output, taps } = step.run(current);
      tf.dispose(taps);
      if (step.tap) output.dispose();
      else {
        if (current !== x) current.dispose();
        current = output;
      }
    }
    current.dispose();
    expect(tf.memory().numTensors).toBe(owned);
  });

  it('keeps working after the LayersModel is disposed, and frees everything on dispose()', () => {
    const expected = fast.predict(x).map((t) => {
      const values = t.dataSync().slice();
      t.dispose();
      return values;
    });
    layersModel.dispose();
    const again = fast.predict(x);
    again.forEach((t, i) => expect(Array.from(t.dataSync())).toEqual(Array.from(expected[i])));
    tf.dispose(again);
    fast.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(() => fast.predict(x)).toThrow(/disposed/);
  });
});

describe('plan', () => {
  it('has one step per top-level module, taps marked, outputs in LayersModel order', () => {
    const { model } = configure('googlenet', { ...googlenetSmall, aux: 'on' });
    const { layersModel, fast } = pair(model);
    const x = tf.zeros(inputShape(model)) as tf.Tensor4D;
    try {
      expect(fast.plan.map((s) => s.path)).toEqual(model.root.children.map((c) => ('id' in c ? c.id : c.name)));
      expect(fast.plan.filter((s) => s.tap).map((s) => s.path)).toEqual(['aux1', 'aux2']);
      const outputs = fast.predict(x);
      expect(outputs.map((t) => t.shape)).toEqual(layersModel.outputs.map((o) => [1, ...o.shape.slice(1)]));
      tf.dispose(outputs);
    } finally {
      x.dispose();
      fast.dispose();
      layersModel.dispose();
    }
  });

  it('predictModules reports every module in order with a time and the output shape', async () => {
    const { model } = configure('xception', xceptionSmall);
    const { layersModel, fast } = pair(model);
    const x = tf.zeros(inputShape(model)) as tf.Tensor4D;
    const seen: { path: string; shape: number[]; ms: number }[] = [];
    try {
      tf.dispose(await fast.predictModules(x, ({ path, output, ms }) => void seen.push({ path, shape: output.shape, ms })));
      expect(seen.map((s) => s.path)).toEqual(fast.plan.map((s) => s.path));
      expect(seen.every((s) => s.ms >= 0)).toBe(true);
      expect(seen.at(-1)?.shape).toEqual([1, 1000]);
    } finally {
      x.dispose();
      fast.dispose();
      layersModel.dispose();
    }
  });

  it('names the missing layer when the LayersModel does not match the description', () => {
    const { model } = configure('xception', xceptionSmall);
    const other = configure('googlenet', googlenetSmall).model;
    const layersModel = buildLayersModel(other, { init: 'zeros' });
    const before = tf.memory().numTensors;
    try {
      expect(() => compileFastModel(model, layersModel)).toThrow(/block1_conv1/);
      expect(tf.memory().numTensors).toBe(before);
    } finally {
      layersModel.dispose();
    }
  });
});
