// The names Keras gives our layers: keras.applications.ResNet50's against ours (torchvision's),
// both ways, checked on every layer of Keras' own ResNet50 (src/analysis/reference/
// keras-applications.json, written by scripts/reference/keras-applications.py), with the same
// params and output shape; and Keras 2's numbering of automatic names.

import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from '../../analysis/counts';
import { configure } from '../../model/networks';
import reference from '../../analysis/reference/keras-applications.json';
import { keras2Name, kerasResNetName, torchvisionResNetName } from './keras-names';

type KerasLayer = [name: string, className: string, outputShape: number[], params: number];

const weighted = (analysis: Analysis) => analysis.layers.filter((layer) => layer.params > 0);

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

describe('keras2Name', () => {
  it('numbers automatic names from 1 as Keras 2 did, and leaves given names alone', () => {
    expect(['conv2d', 'conv2d_3', 'batch_normalization', 'batch_normalization_2', 'add_11', 'block1_conv1', 'predictions', 'conv2d_x'].map(keras2Name)).toEqual([
      'conv2d_1',
      'conv2d_4',
      'batch_normalization_1',
      'batch_normalization_3',
      'add_12',
      'block1_conv1',
      'predictions',
      'conv2d_x',
    ]);
  });
});
