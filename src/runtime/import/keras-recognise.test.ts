// recogniseKerasWeights on what keras.applications' ImageNet files hold, layer by layer, read
// from Keras itself (fixtures/keras-applications-layers.json, written by
// scripts/reference/keras-applications-h5.py; names and shapes only, so the values are empty):
// each application is found with its preset, in Keras 3's names and in Keras 2's, by order;
// Keras' order of our layers is Keras' own; no-top files, changed shapes and other networks are
// refused with the first mismatch named.

import { describe, expect, it } from 'vitest';
import type { KerasWeights } from '../../weights/keras-h5';
import { WeightFileError } from '../../weights/weight-file-error';
import { configure } from '../../model/networks';
import { kerasApplication } from './keras-applications';
import { KerasMismatchError, kerasTargets } from './keras-match';
import { keras2Name } from './keras-names';
import { recogniseKerasWeights } from './keras-recognise';
import reference from './fixtures/keras-applications-layers.json';

type Layers = [name: string, weights: [name: string, shape: number[]][]][];
const applications = reference.applications as unknown as Record<string, Layers>;

/** A file as readKerasWeights returns it, the values left empty (only shapes are matched). */
function file(layers: Layers, rename: (name: string) => string = (n) => n, weightName = (_layer: string, path: string) => path): KerasWeights {
  return {
    layout: 'weights',
    layers: layers.map(([name, weights]) => ({
      name: rename(name),
      weights: weights.map(([path, shape]) => ({ name: weightName(rename(name), path), shape, data: new Float32Array(0) })),
    })),
  };
}

/** Keras 2's names: automatic ones numbered from 1, `input_1`, weights `conv2d_1/kernel:0`. */
const keras2 = (layers: Layers) =>
  file(
    layers,
    (name) => (name === 'input_layer' ? 'input_1' : keras2Name(name)),
    (layer, path) => `${layer}/${path.slice(path.lastIndexOf('/') + 1)}:0`,
  );

const weightedNames = (layers: Layers) => layers.filter(([, w]) => w.length > 0).map(([name]) => name);

describe.each([
  ['Xception', 'xception', 'keras', 'input=299', 81],
  ['VGG16', 'vgg', 'vgg16', 'input=224', 16],
  ['VGG19', 'vgg', 'vgg19', 'input=224', 19],
  ['ResNet50', 'resnet', 'keras', 'input=224', 107],
] as const)('keras.applications.%s (ImageNet: include_top, 1,000 classes)', (name, network, preset, input, weighted) => {
  const layers = applications[name];

  it(`our layers in Keras' order are its layers with weights, name for name (${weighted})`, () => {
    const app = kerasApplication(name);
    const targets = kerasTargets(configure(network, {}, preset).model, app);
    expect(targets.map((t) => t.kerasName)).toEqual(weightedNames(layers));
    expect(targets).toHaveLength(weighted);
  });

  it(`is recognised as ${network} --preset ${preset}, ${input}, every layer mapped`, () => {
    const found = recogniseKerasWeights(file(layers));
    expect([found.application.name, found.configuration.network]).toEqual([name, network]);
    expect(found.configuration.optionText).toEqual(configure(network, {}, preset).optionText);
    expect(found.layers).toHaveLength(weighted);
    expect(found.renamed).toEqual([]);
  });

  it('is recognised the same with Keras 2 names (conv2d_1, input_1, kernel:0)', () => {
    const found = recogniseKerasWeights(keras2(layers));
    expect(found.application.name).toBe(name);
    expect(found.layers.map((l) => l.name)).toEqual(recogniseKerasWeights(file(layers)).layers.map((l) => l.name));
    expect(found.renamed).toEqual([]);
  });

  it('without its top (a _notop file) is named as such', () => {
    expect(() => recogniseKerasWeights(file(applications[`${name}_notop`]))).toThrow(
      new RegExp(`^the file is Keras' ${name} without its top \\(include_top=False, a "_notop" file\\): it ends after \\w+, and the explorer's ${name} always has its classifier`),
    );
  });
});

describe('recogniseKerasWeights', () => {
  it('Xception: the residual projections Keras 3 calls conv2d … conv2d_3 and Keras 2 conv2d_1 … conv2d_4 map to ours, by order', () => {
    const keras3 = recogniseKerasWeights(file(applications.Xception));
    const k2 = recogniseKerasWeights(keras2(applications.Xception));
    const at = (r: typeof keras3, ours: string) => r.layers.find((l) => l.name === ours)?.fileName;
    expect(['conv2d', 'conv2d_3', 'batch_normalization_2'].map((n) => at(keras3, n))).toEqual(['conv2d', 'conv2d_3', 'batch_normalization_2']);
    expect(['conv2d', 'conv2d_3', 'batch_normalization_2'].map((n) => at(k2, n))).toEqual(['conv2d_1', 'conv2d_4', 'batch_normalization_3']);
  });

  it('ResNet50: conv2_block1_0_conv and _3_conv have one shape (1×1×64×256); Keras order puts the projection first, and so does the map', () => {
    const found = recogniseKerasWeights(file(applications.ResNet50));
    const fileName = (ours: string) => found.layers.find((l) => l.name === ours)?.fileName;
    expect([fileName('layer1.0.downsample.0'), fileName('layer1.0.conv3'), fileName('layer3.5.bn2'), fileName('fc')]).toEqual([
      'conv2_block1_0_conv',
      'conv2_block1_3_conv',
      'conv4_block6_2_bn',
      'predictions',
    ]);
    // In our (the description's) order, the main path comes before the shortcut.
    const names = found.layers.map((l) => l.name);
    expect(names.indexOf('layer1.0.bn3')).toBeLessThan(names.indexOf('layer1.0.downsample.0'));
    expect(found.layers.find((l) => l.name === 'layer1.0.conv1')?.weights.map((w) => [w.name, w.shape])).toEqual([
      ['kernel', [1, 1, 64, 64]],
      ['bias', [64]],
    ]);
  });

  it('names do not decide: renamed layers load by order, and are listed', () => {
    const found = recogniseKerasWeights(file(applications.VGG16, (n) => (n === 'block3_conv2' ? 'my_conv' : n)));
    expect(found.application.name).toBe('VGG16');
    expect(found.renamed).toEqual([{ file: 'my_conv', keras: 'block3_conv2' }]);
  });

  it('the classes and VGG\'s input come from the file: 10 classes at 32×32 (fc1 512 × 4,096)', () => {
    const vgg = applications.VGG16.map(([name, weights]): Layers[number] => [
      name,
      weights.map(([path, shape]) =>
        name === 'fc1' ? [path, path.endsWith('kernel') ? [512, 4096] : shape] : name === 'predictions' ? [path, path.endsWith('kernel') ? [4096, 10] : [10]] : [path, shape],
      ),
    ]);
    const found = recogniseKerasWeights(file(vgg));
    expect(found.fromFile).toEqual({ classes: '10', input: '32', fc: '4096' });
    expect([found.configuration.optionText.input, found.configuration.optionText.classes]).toEqual(['32', '10']);
  });

  it('a changed shape is named: the layer, its place and both shapes, against the closest application', () => {
    const layers = applications.Xception.map(([name, weights]): Layers[number] => [
      name,
      name === 'block3_sepconv1' ? weights.map(([path, shape]) => [path, path.endsWith('pointwise_kernel') ? [1, 1, 128, 255] : shape]) : weights,
    ]);
    const error = (() => {
      try {
        recogniseKerasWeights(file(layers));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(KerasMismatchError);
    expect(error).toBeInstanceOf(WeightFileError);
    expect((error as Error).message).toBe(
      "no Keras application fits the file (Xception, VGG16, VGG19, ResNet50); the closest, Xception, takes the first 10 of the file's 81 layers with weights: layer with weights #11: the file's \"block3_sepconv1\" has 3×3×128×1, 1×1×128×255; Keras' Xception's block3_sepconv1 has 3×3×128×1, 1×1×128×256",
    );
  });

  it('a file that goes on after the application, and one with no weights at all', () => {
    // A 1-D last weight: the classes stay the application's 1,000.
    const longer: Layers = [...applications.VGG16, ['extra', [['extra/gamma', [1000]]]]];
    expect(() => recogniseKerasWeights(file(longer))).toThrow(
      'the closest, VGG16, takes the first 16 of the file\'s 17 layers with weights: the file has 17 layers with weights, Keras\' VGG16 16: after its last, predictions, the file goes on with "extra" (1000)',
    );
    expect(() => recogniseKerasWeights(file([['input_layer', []]]))).toThrow('the file has no layer with weights (its 1 layers: input_layer)');
  });
});
