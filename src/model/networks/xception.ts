// Xception (Chollet 2017) exactly as keras.applications.Xception builds it, layer names included,
// with the paper's experiments as switches.

import {
  add,
  batchNorm,
  conv2d,
  dense,
  depthwiseConv2d,
  maxPool,
  relu,
  scaled,
  separableConv2d,
  sequence,
} from '../layers';
import { MINUS_ONE_TO_ONE } from '../input-preparation';
import { choice, classesOption, inputOption, numeric, resolveOptions, widthOption, type OptionsOf } from '../options';
import type { Layer, Model, Node } from '../types';
import type { NetworkDef } from './contract';
import { xceptionKeras } from './xception-keras';

export const xceptionOptionSpecs = [
  choice(
    'conv',
    ['separable', 'regular'],
    'Depthwise-separable convs, or every one replaced by a full 3x3 conv with the same channels: what separability saves.',
  ),
  choice(
    'order',
    ['depthwise-first', 'pointwise-first'],
    'Depthwise 3x3 then pointwise 1x1 (a separable conv), or 1x1 first as in the "extreme Inception" module.',
    { key: 'conv', values: ['separable'] },
  ),
  choice(
    'intermediate',
    ['none', 'relu'],
    'A ReLU between the depthwise and the pointwise step (the paper\'s Figure 10 experiment: it hurts).',
    { key: 'conv', values: ['separable'] },
  ),
  choice('residual', ['on', 'off'], 'Residual connections (the paper\'s Figure 9 experiment: they speed up training).'),
  numeric('middle', { default: 8, min: 0, max: 32, integer: true }, 'Number of middle-flow blocks.'),
  choice(
    'stem',
    ['keras', 'cifar'],
    'Entry convs as Keras (3x3/2 and 3x3, valid padding), or stride 1 with same padding for 32x32 inputs.',
  ),
  classesOption(),
  inputOption(299),
  widthOption('Width multiplier applied to every conv.'),
] as const;

export type XceptionOptions = OptionsOf<typeof xceptionOptionSpecs>;

export const xceptionPresets: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  keras: {},
  /** The 32x32 network the app trains and ships CIFAR-10 weights for. */
  small: { stem: 'cifar', input: '32', classes: '10', width: '0.25', middle: '2' },
};

/** Builds Xception; unknown options or values throw an OptionError that lists the valid ones. */
export function xception(given: Readonly<Record<string, unknown>> = {}): Model {
  const o = resolveOptions('xception', xceptionOptionSpecs, given);
  const w = (channels: number) => scaled(channels, o.width);

  // Keras leaves the residual projections and the adds unnamed, so they get its automatic names
  // (conv2d, conv2d_1, …; add, add_1, …) in creation order; we reproduce them.
  const counters = { conv2d: 0, batch_normalization: 0, add: 0 };
  const autoName = (base: keyof typeof counters) => {
    const n = counters[base]++;
    return n === 0 ? base : `${base}_${n}`;
  };

  /** A SeparableConv2D of Keras, or what the switches turn it into. Names keep Keras' stem. */
  const sepconv = (name: string, filters: number): Layer[] => {
    if (o.conv === 'regular') return [conv2d(name, filters, 3, { useBias: false })];
    const between = o.intermediate === 'relu';
    if (o.order === 'depthwise-first') {
      if (!between) return [separableConv2d(name, filters, 3, { useBias: false })];
      return [
        depthwiseConv2d(`${name}_depthwise`, 3, { useBias: false }),
        relu(`${name}_depthwise_act`),
        conv2d(`${name}_pointwise`, filters, 1, { useBias: false }),
      ];
    }
    return [
      conv2d(`${name}_pointwise`, filters, 1, { useBias: false }),
      ...(between ? [relu(`${name}_pointwise_act`)] : []),
      depthwiseConv2d(`${name}_depthwise`, 3, { useBias: false }),
    ];
  };

  /** relu → sepconv → BN, the unit the flows are made of; block 2 starts without the relu. */
  const unit = (block: number, i: number, filters: number, withRelu = true): Layer[] => {
    const name = `block${block}_sepconv${i}`;
    return [...(withRelu ? [relu(`${name}_act`)] : []), ...sepconv(name, filters), batchNorm(`${name}_bn`)];
  };

  /** A residual block: the main path plus a 1x1/2 projection shortcut, or an identity one. */
  const residualBlock = (block: number, main: Layer[], projection?: number): Node => {
    if (o.residual === 'off') return sequence(`block${block}`, main);
    const shortcut =
      projection === undefined
        ? []
        : [
            conv2d(autoName('conv2d'), projection, 1, { stride: 2, useBias: false }),
            batchNorm(autoName('batch_normalization')),
          ];
    return add(`block${block}`, autoName('add'), [sequence('main', main), sequence('shortcut', shortcut)]);
  };

  /** Entry and exit blocks: two units, then a strided max pool, with a projection shortcut. */
  const downBlock = (block: number, filters1: number, filters2: number, firstRelu: boolean): Node =>
    residualBlock(
      block,
      [...unit(block, 1, w(filters1), firstRelu), ...unit(block, 2, w(filters2)), maxPool(`block${block}_pool`, 3, 2)],
      w(filters2),
    );

  const middleBlock = (block: number): Node =>
    residualBlock(block, [1, 2, 3].flatMap((i) => unit(block, i, w(728))));

  const keras = o.stem === 'keras';
  const stemConv = (name: string, filters: number, stride: number): Layer[] => [
    conv2d(name, filters, 3, { stride, padding: keras ? 'valid' : 'same', useBias: false }),
    batchNorm(`${name}_bn`),
    relu(`${name}_act`),
  ];

  /** The last block: two sepconvs, each followed by BN and ReLU, and no shortcut. */
  const exitConvs = (block: number): Node => {
    const sep = (i: number, filters: number) => {
      const name = `block${block}_sepconv${i}`;
      return [...sepconv(name, filters), batchNorm(`${name}_bn`), relu(`${name}_act`)];
    };
    return sequence(`block${block}`, [...sep(1, w(1536)), ...sep(2, w(2048))]);
  };

  // Built strictly in network order: the automatic names depend on it.
  const exit = 5 + o.middle; // block13 in the standard network
  const blocks: Node[] = [];
  blocks.push(sequence('block1', [...stemConv('block1_conv1', w(32), keras ? 2 : 1), ...stemConv('block1_conv2', w(64), 1)]));
  blocks.push(downBlock(2, 128, 128, false));
  blocks.push(downBlock(3, 256, 256, true));
  blocks.push(downBlock(4, 728, 728, true));
  for (let block = 5; block < exit; block++) blocks.push(middleBlock(block));
  blocks.push(downBlock(exit, 728, 1024, true));
  blocks.push(exitConvs(exit + 1));
  blocks.push(sequence('predictions', [{ kind: 'globalAvgPool', name: 'avg_pool' }, dense('predictions', o.classes, 'softmax')]));

  return { name: 'xception', input: [o.input, o.input, 3], root: sequence('xception', blocks) };
}

export const xceptionNetwork: NetworkDef = {
  name: 'xception',
  title: 'Xception',
  shortName: 'Xception',
  specs: xceptionOptionSpecs,
  presets: xceptionPresets,
  defaultPreset: 'keras',
  trainablePreset: 'small',
  shippedWeights: 'xception-small',
  contrast: { conv: 'regular' },
  // keras.applications.xception.preprocess_input is the "tf" mode: [-1, 1].
  inputs: { explorer: MINUS_ONE_TO_ONE, keras: MINUS_ONE_TO_ONE },
  imagenet: {
    source: 'keras',
    preset: 'keras',
    title: "Keras' Xception",
    files: 'a tfjs layers model converted from keras.applications.Xception (model.json and its weight shards)',
  },
  keras: xceptionKeras,
  build: xception,
};
