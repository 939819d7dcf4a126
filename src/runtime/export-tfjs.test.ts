import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { configure } from '../model/networks';
import { buildLayersModel } from './build-layers-model';
import { exportLayersModelJson, layersModelJson, type LayersModelJson } from './export-tfjs';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const weightsOf = (json: LayersModelJson) => json.weightsManifest.flatMap((group) => group.weights);
const layersOf = (json: LayersModelJson) =>
  (json.modelTopology as { config: { layers: { name: string; class_name: string }[] } }).config.layers;

describe('exportLayersModelJson(xception defaults)', () => {
  let json: LayersModelJson;
  beforeAll(async () => {
    // Two earlier builds in this process: tfjs then uniquifies variable names, and the export
    // must not show it.
    for (let i = 0; i < 2; i++) buildLayersModel(configure('xception').model, { init: 'zeros' }).dispose();
    json = await exportLayersModelJson(configure('xception').model);
  });

  it('names and shapes weights as Keras does', () => {
    const shapes = new Map(weightsOf(json).map((w) => [w.name, w.shape]));
    expect(Object.fromEntries(
      [
        'block1_conv1/kernel',
        'block1_conv1_bn/gamma',
        'block1_conv1_bn/moving_mean',
        'block2_sepconv1/depthwise_kernel',
        'block2_sepconv1/pointwise_kernel',
        'conv2d/kernel',
        'batch_normalization/beta',
        'batch_normalization_3/moving_variance',
        'block14_sepconv2_bn/gamma',
        'predictions/kernel',
        'predictions/bias',
      ].map((name) => [name, shapes.get(name)]),
    )).toEqual({
      'block1_conv1/kernel': [3, 3, 3, 32],
      'block1_conv1_bn/gamma': [32],
      'block1_conv1_bn/moving_mean': [32],
      'block2_sepconv1/depthwise_kernel': [3, 3, 64, 1],
      'block2_sepconv1/pointwise_kernel': [1, 1, 64, 128],
      'conv2d/kernel': [1, 1, 64, 128],
      'batch_normalization/beta': [128],
      'batch_normalization_3/moving_variance': [1024],
      'block14_sepconv2_bn/gamma': [2048],
      'predictions/kernel': [2048, 1000],
      'predictions/bias': [1000],
    });
    expect(new Set(weightsOf(json).map((w) => w.dtype))).toEqual(new Set(['float32']));
  });

  it('has as many weight arrays as Keras\' Xception, each named once, without suffixes', () => {
    // Keras' Xception: block1 has 2 convs (kernel) + 2 BN (4 each) = 10; blocks 2-4 and 13 each
    // have 2 separable convs (depthwise + pointwise) + 2 BN + a 1x1 shortcut conv + its BN =
    // 2·2 + 2·4 + 1 + 4 = 17; the 8 middle blocks have 3 separable convs + 3 BN = 18; block14 has
    // 2 separable convs + 2 BN = 12; predictions has kernel + bias = 2.
    // 10 + 4·17 + 8·18 + 12 + 2 = 236.
    const names = weightsOf(json).map((w) => w.name);
    expect(names).toHaveLength(236);
    expect(new Set(names).size).toBe(236);
    // tfjs would uniquify the part after the slash (`kernel_1`); Keras' own `_3` is in the layer part.
    for (const name of names) {
      expect(name).toMatch(/^[a-z0-9_]+\/(kernel|bias|depthwise_kernel|pointwise_kernel|gamma|beta|moving_mean|moving_variance)$/);
    }
  });

  it('lists Keras\' layers, classes and file layout', () => {
    const layers = layersOf(json);
    // Keras' Xception with its top: input + block1 (2 × conv, BN, act = 6) + block2 (2 × sepconv,
    // BN; pool, shortcut conv, BN, add = 9) + blocks 3, 4, 13 (block2 + a leading act = 10) +
    // 8 middle blocks (3 × act, sepconv, BN; add = 10) + block14 (6) + avg_pool, predictions = 134.
    expect(layers).toHaveLength(134);
    const classOf = new Map(layers.map((l) => [l.name, l.class_name]));
    expect(Object.fromEntries(['input_1', 'block1_conv1_act', 'block2_sepconv1', 'add_11', 'avg_pool'].map((n) => [n, classOf.get(n)])))
      .toEqual({
        input_1: 'InputLayer',
        block1_conv1_act: 'Activation',
        block2_sepconv1: 'SeparableConv2D',
        add_11: 'Add',
        avg_pool: 'GlobalAveragePooling2D',
      });
    expect(json).toMatchObject({ format: 'layers-model', convertedBy: null });
    expect(json.weightsManifest.map((g) => g.paths)).toEqual([['group1-shard1of1.bin']]);
  });
});

describe('layersModelJson', () => {
  it('equals what LayersModel.save() writes, for a second model built in the process', async () => {
    const model = configure('googlenet', { stem: 'cifar', width: 0.125, input: 32, classes: 10, aux: 'on' }).model;
    buildLayersModel(model, { init: 'zeros' }).dispose();
    const layersModel = buildLayersModel(model, { init: 'zeros' });
    let saved: tf.io.ModelArtifacts | undefined;
    await layersModel.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
      }),
    );
    const json = layersModelJson(layersModel);
    layersModel.dispose();
    expect(json.modelTopology).toEqual(saved?.modelTopology);
    expect(json.generatedBy).toBe(saved?.generatedBy);
    expect(weightsOf(json)).toEqual(saved?.weightSpecs);
  });
});
