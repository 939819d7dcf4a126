// Our VGG-16 and VGG-19 count every layer with weights as keras.applications does, by Keras'
// own layer names, read from Keras itself (reference/keras-applications.json, made by
// scripts/reference/keras-applications.py). ResNet50 (`--preset keras`), whose names are
// torchvision's, is checked through the one map from Keras' names to ours, beside the code that
// maps Keras' files with it (src/runtime/import/keras-names.test.ts).

import { describe, expect, it } from 'vitest';
import { configure } from '../model/networks';
import { analyze, type Analysis } from './counts';
import reference from './reference/keras-applications.json';

type KerasLayer = [name: string, className: string, outputShape: number[], params: number];

const weighted = (analysis: Analysis) => analysis.layers.filter((layer) => layer.params > 0);

describe.each([
  ['VGG16', {}, 'vgg16'],
  ['VGG19', {}, 'vgg19'],
] as const)('keras.applications.%s', (name, options, preset) => {
  const keras = reference.networks[name];
  const analysis = analyze(configure('vgg', options, preset).model);

  it('has every layer with weights, by name, in order, with its output shape and params', () => {
    expect(weighted(analysis).map((l) => [l.name, [...l.output], l.params])).toEqual(
      (keras.layers as KerasLayer[]).map(([layer, , shape, params]) => [layer, shape, params]),
    );
    expect(analysis.totals.params).toBe(keras.params);
  });
});
