// Our VGG-16, VGG-19 and ResNet-50 (`--preset keras`) count every layer with weights as
// keras.applications does, read from Keras itself (reference/keras-applications.json, made by
// scripts/reference/keras-applications.py): VGG by Keras' own layer names, ResNet50 through the
// one-to-one map from Keras' names to torchvision's, which ours are (the map the loader of Keras'
// .h5 files uses too: src/model/networks/resnet-keras.ts).

import { describe, expect, it } from 'vitest';
import { configure } from '../model/networks';
import { kerasResNetName, torchvisionResNetName } from '../model/networks/resnet-keras';
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

describe('keras.applications.ResNet50 against --preset keras', () => {
  const keras = reference.networks.ResNet50;
  const analysis = analyze(configure('resnet', {}, 'keras').model);
  const ours = new Map(weighted(analysis).map((layer) => [layer.name, layer]));

  it('maps every Keras layer with weights to one of ours with the same params and output shape', () => {
    for (const [layer, , shape, params] of keras.layers as KerasLayer[]) {
      const mine = ours.get(torchvisionResNetName(layer) ?? '');
      expect(mine, layer).toBeDefined();
      expect([mine!.params, [...mine!.output]], layer).toEqual([params, shape]);
    }
    expect(keras.layers.length).toBe(ours.size);
  });

  it('kerasResNetName is the inverse, on every layer with weights', () => {
    const names = (keras.layers as KerasLayer[]).map(([layer]) => layer);
    expect(names.map((name) => kerasResNetName(torchvisionResNetName(name)!))).toEqual(names);
    expect([...ours.keys()].map((name) => torchvisionResNetName(kerasResNetName(name)!))).toEqual([...ours.keys()]);
  });

  it('counts what Keras counts: 25,636,712 params, 25,583,592 trainable', () => {
    expect([analysis.totals.params, analysis.totals.trainable]).toEqual([keras.params, keras.trainable]);
  });

  it('examples, and names that are no ResNet50 layer with weights', () => {
    expect(torchvisionResNetName('conv3_block2_1_conv')).toBe('layer2.1.conv1');
    expect(torchvisionResNetName('conv2_block1_0_bn')).toBe('layer1.0.downsample.1');
    expect(kerasResNetName('layer4.2.bn3')).toBe('conv5_block3_3_bn');
    expect([torchvisionResNetName('conv2_block1_out'), torchvisionResNetName('pool1_pool'), kerasResNetName('layer1.0.relu'), kerasResNetName('avgpool')]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});
