import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../analysis/counts';
import { configure } from '../model/networks';
import { googlenetOptionSpecs } from '../model/networks/googlenet';
import { vggOptionSpecs } from '../model/networks/vgg';
import { resnetOptionSpecs } from '../model/networks/resnet';
import { xceptionOptionSpecs } from '../model/networks/xception';
import type { OptionSpec } from '../model/options';
import { inferShapes, isShapedBlock, type ShapedBlock } from '../model/shapes';
import type { Model, NetworkName, Shape } from '../model/types';
import { buildLayersModel } from './build-layers-model';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Builds with zero kernels (cheap), runs `read`, disposes. */
function withModel<T>(model: Model, read: (layersModel: tf.LayersModel) => T): T {
  const layersModel = buildLayersModel(model, { init: 'zeros' });
  try {
    return read(layersModel);
  } finally {
    layersModel.dispose();
  }
}

/** One case per value of every choice option, read from the spec table. */
const choiceCases = (network: NetworkName, specs: readonly OptionSpec[]) =>
  specs.flatMap((spec) =>
    spec.kind === 'choice' ? spec.values.map((value) => ({ network, options: { [spec.key]: value } })) : [],
  );

describe('countParams() equals the counter\'s params', () => {
  const cases: { network: NetworkName; options: Record<string, unknown>; preset?: string }[] = [
    { network: 'googlenet', options: {} },
    { network: 'googlenet', options: { aux: 'on' }, preset: 'torchvision' },
    ...choiceCases('googlenet', googlenetOptionSpecs),
    ...choiceCases('xception', xceptionOptionSpecs),
    { network: 'googlenet', options: { width: 0.25, modules: '3a,4b,4e,5b' } },
    { network: 'googlenet', options: { stem: 'cifar', input: 32 } },
    { network: 'xception', options: { middle: 0 } },
    { network: 'xception', options: { middle: 3 } },
    ...choiceCases('vgg', vggOptionSpecs), // at 224×224: config=D is keras.applications.VGG16, 138,357,544
    { network: 'vgg', options: { fc: 0 } },
    { network: 'vgg', options: {}, preset: 'small' },
    ...choiceCases('resnet', resnetOptionSpecs),
    { network: 'resnet', options: { shortcut: 'A' } }, // zero-padded 64 → 256 channels in bottlenecks
    { network: 'resnet', options: { preact: 'on', shortcut: 'C', depth: '18' } },
    { network: 'resnet', options: { preact: 'on' }, preset: 'cifar' },
    { network: 'resnet', options: {}, preset: 'keras' },
  ];
  const label = (c: (typeof cases)[number]) =>
    [c.network, ...(c.preset ? [`preset=${c.preset}`] : []), ...Object.entries(c.options).map(([k, v]) => `${k}=${v}`)].join(' ');

  it.each(cases.map((c) => [label(c), c] as const))('%s', (_, c) => {
    const { model } = configure(c.network, c.options, c.preset);
    expect(withModel(model, (m) => m.countParams())).toBe(analyze(model).totals.params);
  });
});

/** [layer or join name, output shape] for every layer and join, from our shape inference. */
function expectedShapes(block: ShapedBlock): [string, Shape][] {
  const own: [string, Shape][] = block.node.kind === 'sequence' ? [] : [[block.node.joinName, block.output]];
  return block.children.flatMap((child) =>
    isShapedBlock(child) ? expectedShapes(child) : [[child.node.name, child.output] as [string, Shape]],
  ).concat(own);
}

describe('tfjs output shapes equal inferShapes', () => {
  it.each([
    ['googlenet', { aux: 'on' }],
    ['xception', {}],
    ['vgg', { config: 'A-LRN', bn: 'on', input: 64, fc: 256 }],
    ['resnet', { depth: '50', preact: 'on' }],
    ['resnet', { depth: '56', shortcut: 'A', input: '32' }],
  ] as const)('%s %o', (network, options) => {
    const { model } = configure(network, options);
    const shaped = inferShapes(model);
    const expected = expectedShapes(shaped);
    withModel(model, (m) => {
      for (const [name, shape] of expected) expect(m.getLayer(name).outputShape, name).toEqual([null, ...shape]);
      // Nothing but the described layers, the joins and the input.
      expect(m.layers.length).toBe(expected.length + 1);
      expect(m.outputs[0].shape).toEqual([null, ...shaped.output]);
    });
  });

  it('puts taps after the main output, in network order', () => {
    const { model } = configure('googlenet', { aux: 'on' });
    withModel(model, (m) => {
      expect(m.outputs.map((o) => o.sourceLayer.name)).toEqual(['fc', 'aux1_fc2', 'aux2_fc2']);
    });
  });
});

describe('forward pass of small models', () => {
  it.each([
    ['googlenet', { stem: 'cifar', width: 0.125, input: 32, classes: 10, aux: 'on' }, 3],
    ['googlenet', { width: 0.125, input: 64, classes: 10 }, 1], // the paper's stem, with LRN
    ['xception', { stem: 'cifar', width: 0.0625, middle: 1, input: 32, classes: 10 }, 1],
    ['vgg', { config: 'A-LRN', width: 0.125, input: 32, classes: 10, fc: 32 }, 1], // Krizhevsky's LRN
    ['vgg', { config: 'E', bn: 'on', width: 0.125, input: 32, classes: 10, fc: 0 }, 1],
    ['resnet', { depth: '20', shortcut: 'A', input: 32, classes: 10 }, 1],
    ['resnet', { depth: '18', preact: 'on', width: 0.125, input: 64, classes: 10 }, 1],
  ] as const)('%s %o', (network, options, outputs) => {
    const { model } = configure(network, options);
    const start = tf.memory().numTensors;
    const layersModel = buildLayersModel(model, { seed: 7 });
    const x = tf.randomNormal([2, model.input[0], model.input[1], 3], 0, 1, 'float32', 3);
    const before = tf.memory().numTensors;

    const predicted = layersModel.predict(x);
    const ys = Array.isArray(predicted) ? predicted : [predicted];
    expect(ys.map((y) => y.shape)).toEqual(Array(outputs).fill([2, 10]));
    for (const y of ys) {
      const sums = tf.tidy(() => y.sum(1).arraySync() as number[]);
      for (const sum of sums) expect(sum).toBeCloseTo(1, 5);
    }
    tf.dispose(ys);
    expect(tf.memory().numTensors).toBe(before);

    x.dispose();
    layersModel.dispose();
    expect(tf.memory().numTensors).toBe(start);
  });
});

describe('random initialisation', () => {
  const model = configure('xception', { stem: 'cifar', width: 0.0625, middle: 1, input: 32, classes: 10 }).model;
  /** Two middle-block kernels of the same shape, from a fresh build. */
  const kernels = (seed: number) => {
    const layersModel = buildLayersModel(model, { seed });
    const [a, b] = ['block5_sepconv1', 'block5_sepconv2'].map((name) => layersModel.getLayer(name).getWeights()[0].dataSync());
    layersModel.dispose();
    return [Array.from(a), Array.from(b)];
  };

  it('is reproducible from the seed, and equal shapes get different values', () => {
    const [a, b] = kernels(5);
    expect(kernels(5)).toEqual([a, b]);
    expect(a).not.toEqual(b);
    expect(kernels(6)[0]).not.toEqual(a);
  });
});
