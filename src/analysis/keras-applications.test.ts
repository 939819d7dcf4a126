// Our VGG-16, VGG-19 and ResNet-50 (`--preset keras`) count every layer with weights as
// keras.applications does, read from Keras itself (reference/keras-applications.json, made by
// scripts/reference/keras-applications.py): VGG by Keras' own layer names, ResNet50 through the
// one-to-one map from Keras' names to torchvision's, which ours are.

import { describe, expect, it } from 'vitest';
import { configure } from '../model/networks';
import { analyze, type Analysis } from './counts';
import reference from './reference/keras-applications.json';

type KerasLayer = [name: string, className: string, outputShape: number[], params: number];

const weighted = (analysis: Analysis) => analysis.layers.filter((layer) => layer.params > 0);

/** `conv3_block2_1_conv` → `layer2.1.conv1`, `conv2_block1_0_bn` → `layer1.0.downsample.1`, `conv1_bn` → `bn1`. */
function torchvisionName(keras: string): string {
  if (keras === 'conv1_conv') return 'conv1';
  if (keras === 'conv1_bn') return 'bn1';
  if (keras === 'predictions') return 'fc';
  const match = /^conv(\d)_block(\d+)_(\d)_(conv|bn)$/.exec(keras);
  if (!match) throw new Error(`no torchvision name for Keras layer ${keras}`);
  const [, stage, block, unit, kind] = match;
  const id = `layer${Number(stage) - 1}.${Number(block) - 1}`;
  if (unit === '0') return `${id}.downsample.${kind === 'conv' ? 0 : 1}`;
  return `${id}.${kind}${unit}`;
}

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

describe('keras.applications.ResNet50 against --preset keras', () => {
  const keras = reference.networks.ResNet50;
  const analysis = analyze(configure('resnet', {}, 'keras').model);
  const ours = new Map(weighted(analysis).map((layer) => [layer.name, layer]));

  it('maps every Keras layer with weights to one of ours with the same params and output shape', () => {
    for (const [layer, , shape, params] of keras.layers as KerasLayer[]) {
      const mine = ours.get(torchvisionName(layer));
      expect(mine, layer).toBeDefined();
      expect([mine!.params, [...mine!.output]], layer).toEqual([params, shape]);
    }
    expect(keras.layers.length).toBe(ours.size);
  });

  it('counts what Keras counts: 25,636,712 params, 25,583,592 trainable', () => {
    expect([analysis.totals.params, analysis.totals.trainable]).toEqual([keras.params, keras.trainable]);
  });
});
