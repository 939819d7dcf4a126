// VGG's structure and names as the builder promises them (docs/CONVENTIONS.md): Keras' layer
// names, the configurations of the paper's Table 1, the switches, presets and catalog entries.
// Its counts are checked in src/analysis/vgg-totals.test.ts (model/ does not import analysis/).

import { describe, expect, it } from 'vitest';
import { catalog } from '../catalog';
import { OptionError } from '../options';
import { inferShapes } from '../shapes';
import { isBlock, type Layer, type Node } from '../types';
import { configure, contrastConfig, defaultConfig } from '.';

const flat = (node: Node): Layer[] =>
  isBlock(node) ? (node.kind === 'sequence' ? node.children : node.branches).flatMap(flat) : [node];

const layersOf = (overrides: Record<string, string> = {}, preset?: string): Layer[] =>
  flat(configure('vgg', overrides, preset).model.root);

const modulesOf = (overrides: Record<string, string> = {}, preset?: string): string[] =>
  configure('vgg', overrides, preset).model.root.children.map((m) => (isBlock(m) ? m.id : m.name));

const convNames = (overrides: Record<string, string> = {}, preset?: string): string[] =>
  layersOf(overrides, preset).filter((l) => l.kind === 'conv2d').map((l) => l.name);

describe('vgg: Keras\' names (keras.applications.VGG16)', () => {
  it('layers in Keras\' order, plus torchvision\'s two dropouts', () => {
    expect(layersOf().map((l) => l.name)).toEqual([
      'block1_conv1', 'block1_conv2', 'block1_pool',
      'block2_conv1', 'block2_conv2', 'block2_pool',
      'block3_conv1', 'block3_conv2', 'block3_conv3', 'block3_pool',
      'block4_conv1', 'block4_conv2', 'block4_conv3', 'block4_pool',
      'block5_conv1', 'block5_conv2', 'block5_conv3', 'block5_pool',
      'flatten', 'fc1', 'fc1_dropout', 'fc2', 'fc2_dropout', 'predictions',
    ]);
  });

  it('top-level modules: block1 … block5, flatten, fc1, fc2, predictions', () => {
    expect(modulesOf()).toEqual(['block1', 'block2', 'block3', 'block4', 'block5', 'flatten', 'fc1', 'fc2', 'predictions']);
  });

  it('bn=on: every conv X (bias kept) is followed by X_bn and X_relu, with torchvision\'s epsilon', () => {
    const layers = layersOf({ bn: 'on' });
    expect(layers.slice(0, 7).map((l) => l.name)).toEqual([
      'block1_conv1', 'block1_conv1_bn', 'block1_conv1_relu', 'block1_conv2', 'block1_conv2_bn', 'block1_conv2_relu', 'block1_pool',
    ]);
    const convs = layers.filter((l) => l.kind === 'conv2d');
    expect(convs).toHaveLength(13);
    for (const c of convs) {
      expect(c.useBias).toBe(true);
      expect(c.activation).toBeUndefined();
    }
    expect(layers.filter((l) => l.kind === 'batchNorm').map((l) => l.kind === 'batchNorm' && l.epsilon)).toEqual(Array(13).fill(1e-5));
    expect(layers.filter((l) => l.kind === 'relu')).toHaveLength(13);
  });
});

describe('vgg: the configurations of Table 1', () => {
  it('convs are 3x3/1 same with a bias and a fused ReLU; pools 2x2/2 max; dropout 0.5 after fc1 and fc2', () => {
    const layers = layersOf();
    for (const l of layers) {
      if (l.kind === 'conv2d') expect(l).toMatchObject({ kernel: 3, stride: 1, padding: 'same', useBias: true, activation: 'relu' });
      if (l.kind === 'maxPool') expect(l).toMatchObject({ size: 2, stride: 2 });
    }
    expect(layers.filter((l) => l.kind === 'maxPool')).toHaveLength(5);
    expect(layers.flatMap((l) => (l.kind === 'dropout' ? [[l.name, l.rate]] : []))).toEqual([
      ['fc1_dropout', 0.5],
      ['fc2_dropout', 0.5],
    ]);
    expect(layers.find((l) => l.name === 'fc1')).toMatchObject({ kind: 'dense', units: 4096, activation: 'relu' });
    expect(layers.at(-1)).toMatchObject({ kind: 'dense', name: 'predictions', units: 1000, activation: 'softmax' });
  });

  it.each([
    ['A', 8],
    ['A-LRN', 8],
    ['B', 10],
    ['C', 13],
    ['D', 13],
    ['E', 16],
  ] as const)('config %s: %i convs, so %i + 3 weight layers', (config, convs) => {
    expect(convNames({ config })).toHaveLength(convs);
  });

  it('A: one conv in blocks 1 and 2, two in blocks 3–5', () => {
    expect(convNames({ config: 'A' })).toEqual([
      'block1_conv1', 'block2_conv1', 'block3_conv1', 'block3_conv2', 'block4_conv1', 'block4_conv2', 'block5_conv1', 'block5_conv2',
    ]);
  });

  it('A-LRN: Krizhevsky\'s LRN after block1_conv1, before the pool; no other configuration has one', () => {
    const layers = layersOf({ config: 'A-LRN' });
    expect(layers.slice(0, 3).map((l) => l.name)).toEqual(['block1_conv1', 'block1_lrn', 'block1_pool']);
    // Krizhevsky's α = 1e-4 multiplies the sum of squares; the Lrn layer divides α by the size (Caffe's).
    expect(layers[1]).toEqual({ kind: 'lrn', name: 'block1_lrn', size: 5, alpha: 5e-4, beta: 0.75, bias: 2 });
    for (const config of ['A', 'B', 'C', 'D', 'E']) expect(layersOf({ config }).some((l) => l.kind === 'lrn'), config).toBe(false);
    expect(layersOf({ config: 'A-LRN', bn: 'on' }).some((l) => l.kind === 'lrn')).toBe(true);
  });

  it('C: 1x1 convs as the third conv of blocks 3, 4 and 5, and nowhere else', () => {
    const ones = layersOf({ config: 'C' }).filter((l) => l.kind === 'conv2d' && l.kernel === 1).map((l) => l.name);
    expect(ones).toEqual(['block3_conv3', 'block4_conv3', 'block5_conv3']);
    expect(convNames({ config: 'C' })).toEqual(convNames({ config: 'D' }));
  });

  it('E (VGG-19): four convs in blocks 3–5, up to block5_conv4', () => {
    const names = convNames({}, 'vgg19');
    expect(names.filter((n) => n.startsWith('block5'))).toEqual(['block5_conv1', 'block5_conv2', 'block5_conv3', 'block5_conv4']);
  });

  it('channels 64, 128, 256, 512, 512; 224 pools down to 7×7×512 = 25,088 flattened', () => {
    const shaped = inferShapes(configure('vgg').model);
    expect(shaped.children.map((m) => m.output)).toEqual([
      [112, 112, 64], [56, 56, 128], [28, 28, 256], [14, 14, 512], [7, 7, 512], [25088], [4096], [4096], [1000],
    ]);
  });
});

describe('vgg: options', () => {
  it('fc=0: predictions straight after flatten, no fc1 or fc2 module', () => {
    expect(modulesOf({ fc: '0' }).slice(-2)).toEqual(['flatten', 'predictions']);
    expect(layersOf({ fc: '0' }).some((l) => l.kind === 'dropout')).toBe(false);
  });

  it('width scales the convs, not the fully-connected layers or the classes', () => {
    const shaped = inferShapes(configure('vgg', { width: '0.5', input: '32', classes: '10' }).model);
    expect(shaped.children.map((m) => m.output).slice(4)).toEqual([[1, 1, 256], [256], [4096], [4096], [10]]);
  });

  it('bad values throw an OptionError listing the valid ones', () => {
    expect(() => configure('vgg', { config: 'F' })).toThrow(
      new OptionError('invalid value "F" for option "config"; valid values: D, A, A-LRN, B, C, E'),
    );
    expect(() => configure('vgg', { fc: '-1' })).toThrow(
      new OptionError('invalid value "-1" for option "fc"; valid values: an integer from 0 to 16384'),
    );
    expect(() => configure('vgg', { aux: 'on' })).toThrow(
      new OptionError('unknown option "aux" for vgg; valid options: config, bn, classes, input, width, fc'),
    );
  });
});

describe('vgg: presets, contrast and catalog', () => {
  it('presets: vgg11 A, vgg13 B, vgg16 D (the default), vgg19 E, and small', () => {
    const config = (preset: string) => configure('vgg', {}, preset).optionText.config;
    expect(['vgg11', 'vgg13', 'vgg16', 'vgg19'].map(config)).toEqual(['A', 'B', 'D', 'E']);
    expect(configure('vgg', {}, 'small').optionText).toEqual({ config: 'D', bn: 'on', classes: '10', input: '32', width: '0.25', fc: '128' });
  });

  it('starts at VGG-16 and is compared against VGG-11 (config A): depth', () => {
    expect(defaultConfig('vgg').text).toEqual({ config: 'D', bn: 'off', classes: '1000', input: '224', width: '1', fc: '4096' });
    expect(contrastConfig('vgg').text).toEqual({ ...defaultConfig('vgg').text, config: 'A' });
  });

  it('catalog: the four torchvision presets, vgg16_bn, A-LRN and C', () => {
    const vggs = catalog.filter((e) => e.network === 'vgg');
    expect(vggs.map((e) => e.id)).toEqual(['vgg-11', 'vgg-13', 'vgg-16', 'vgg-19', 'vgg-16-bn', 'vgg-a-lrn', 'vgg-c']);
    const text = (id: string) => {
      const e = catalog.find((entry) => entry.id === id);
      if (!e) throw new Error(`no catalog entry ${id}`);
      return configure(e.network, e.options, e.preset).optionText;
    };
    expect(text('vgg-16-bn')).toMatchObject({ config: 'D', bn: 'on' });
    expect(text('vgg-a-lrn')).toMatchObject({ config: 'A-LRN', bn: 'off' });
    expect(text('vgg-c')).toMatchObject({ config: 'C', bn: 'off' });
  });
});
