// GoogLeNet (Szegedy et al. 2014, "Going deeper with convolutions"), Table 1, with the variant
// switches of docs/CONVENTIONS.md. One builder serves the paper's network, torchvision's, and the small
// 32x32 training models.

import {
  avgPool,
  batchNorm,
  concat,
  conv2d,
  dense,
  maxPool,
  relu,
  scaled,
  separableConv2d,
  sequence,
} from '../layers';
import { MINUS_ONE_TO_ONE, TORCHVISION_GOOGLENET } from '../input-preparation';
import { choice, classesOption, inputOption, resolveOptions, subset, widthOption, type OptionsOf } from '../options';
import type { Layer, Model, Node, Sequence } from '../types';
import type { NetworkDef } from './contract';
import { googlenetTorchvision } from './googlenet-torchvision';

export const googlenetOptionSpecs = [
  choice(
    'inception',
    ['bottleneck', 'no-reduce', 'naive'],
    'Inception module: 1x1 reductions before the 3x3 and 5x5 convs (paper Fig. 2b), without them, or the naive module of Fig. 2a whose depth grows from module to module.',
  ),
  choice(
    'stem',
    ['dense', 'separable', 'cifar'],
    'First layer: a dense 7x7/2 conv, the depthwise-separable 7x7 (multiplier 8) that Table 1 counts, or, for 32x32 inputs, a 3x3/1 conv and one pool instead of two (inception_3a then sees 16x16, as it sees 28x28 in the paper).',
  ),
  choice(
    'branch5x5',
    ['5x5', '3x3', '3x3-3x3'],
    'The "5x5" branch: a 5x5 conv as in the paper, a 3x3 as torchvision builds it, or two stacked 3x3 convs (the later Inception factorization).',
  ),
  choice('bn', ['off', 'on'], 'BatchNorm after every conv (convs lose their bias; LRN is dropped, as in torchvision).'),
  choice('aux', ['off', 'on'], 'The two auxiliary classifiers after inception_4a and inception_4d (training-time only).'),
  classesOption(),
  inputOption(224),
  widthOption('Width multiplier applied to every conv and to the auxiliary heads\' hidden dense layer (not to the classes).'),
  subset(
    'modules',
    ['3a', '3b', '4a', '4b', '4c', '4d', '4e', '5a', '5b'],
    'Which inception modules to keep (the pools between stages stay).',
  ),
] as const;

export type GoogLeNetOptions = OptionsOf<typeof googlenetOptionSpecs>;

export const googlenetPresets: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  paper: {},
  torchvision: { bn: 'on', branch5x5: '3x3' },
  /** The 32x32 network the app trains and ships CIFAR-10 weights for. */
  small: { stem: 'cifar', bn: 'on', input: '32', classes: '10', width: '0.5', modules: '3a,4a,5a' },
};

/** Paper Table 1: #1x1, #3x3 reduce, #3x3, #5x5 reduce, #5x5, pool proj. */
const INCEPTION_TABLE = {
  '3a': [64, 96, 128, 16, 32, 32],
  '3b': [128, 128, 192, 32, 96, 64],
  '4a': [192, 96, 208, 16, 48, 64],
  '4b': [160, 112, 224, 24, 64, 64],
  '4c': [128, 128, 256, 24, 64, 64],
  '4d': [112, 144, 288, 32, 64, 64],
  '4e': [256, 160, 320, 32, 128, 128],
  '5a': [256, 160, 320, 32, 128, 128],
  '5b': [384, 192, 384, 48, 128, 128],
} as const;

type ModuleKey = keyof typeof INCEPTION_TABLE;

/** Where the auxiliary classifiers attach. */
const AUX_AFTER: Partial<Record<ModuleKey, string>> = { '4a': 'aux1', '4d': 'aux2' };

/** Builds GoogLeNet; unknown options or values throw an OptionError that lists the valid ones. */
export function googlenet(given: Readonly<Record<string, unknown>> = {}): Model {
  const o = resolveOptions('googlenet', googlenetOptionSpecs, given);
  const w = (channels: number) => scaled(channels, o.width);
  const bn = o.bn === 'on';
  const lrn = !bn && o.stem !== 'cifar';

  /** A conv followed by ReLU: fused with a bias, or conv → BatchNorm → ReLU. */
  const convUnit = (name: string, filters: number, kernel: number, stride = 1): Layer[] =>
    bn
      ? [conv2d(name, filters, kernel, { stride, useBias: false }), batchNorm(`${name}_bn`), relu(`${name}_relu`)]
      : [conv2d(name, filters, kernel, { stride, activation: 'relu' })];

  const stem = (): Layer[] => {
    switch (o.stem) {
      case 'dense':
        return convUnit('conv1', w(64), 7, 2);
      case 'separable':
        return bn
          ? [
              separableConv2d('conv1', w(64), 7, { stride: 2, depthMultiplier: 8, useBias: false }),
              batchNorm('conv1_bn'),
              relu('conv1_relu'),
            ]
          : [separableConv2d('conv1', w(64), 7, { stride: 2, depthMultiplier: 8, activation: 'relu' })];
      case 'cifar':
        return convUnit('conv1', w(64), 3);
    }
  };

  const fiveByFive = (id: string, filters: number): Layer[] => {
    switch (o.branch5x5) {
      case '5x5':
        return convUnit(`${id}_5x5`, filters, 5);
      case '3x3':
        return convUnit(`${id}_5x5`, filters, 3);
      case '3x3-3x3':
        return [...convUnit(`${id}_5x5a`, filters, 3), ...convUnit(`${id}_5x5b`, filters, 3)];
    }
  };

  const inception = (key: ModuleKey) => {
    const id = `inception_${key}`;
    const [n1, r3, n3, r5, n5, proj] = INCEPTION_TABLE[key].map(w);
    const reduce = o.inception === 'bottleneck';
    return concat(id, `${id}_output`, [
      sequence('1x1', convUnit(`${id}_1x1`, n1, 1)),
      sequence('3x3', [...(reduce ? convUnit(`${id}_3x3_reduce`, r3, 1) : []), ...convUnit(`${id}_3x3`, n3, 3)]),
      sequence('5x5', [...(reduce ? convUnit(`${id}_5x5_reduce`, r5, 1) : []), ...fiveByFive(id, n5)]),
      sequence('pool', [
        maxPool(`${id}_pool`, 3, 1),
        ...(o.inception === 'naive' ? [] : convUnit(`${id}_pool_proj`, proj, 1)),
      ]),
    ]);
  };

  const auxHead = (id: string): Sequence =>
    sequence(
      id,
      [
        avgPool(`${id}_pool`, 5, 3, 'valid'),
        ...convUnit(`${id}_conv`, w(128), 1),
        { kind: 'flatten', name: `${id}_flatten` },
        dense(`${id}_fc1`, w(1024), 'relu'),
        { kind: 'dropout', name: `${id}_dropout`, rate: 0.7 },
        dense(`${id}_fc2`, o.classes, 'softmax'),
      ],
      true,
    );

  const stage = (prefix: '3' | '4' | '5'): Node[] =>
    o.modules
      .filter((key) => key.startsWith(prefix))
      .flatMap((key) => {
        const aux = AUX_AFTER[key];
        return aux && o.aux === 'on' ? [inception(key), auxHead(aux)] : [inception(key)];
      });

  const lrnLayer = (name: string): Layer => ({ kind: 'lrn', name, size: 5, alpha: 1e-4, beta: 0.75, bias: 1 });
  const smallStem = o.stem === 'cifar';

  const modules: Node[] = [
    sequence('conv1', stem()),
    sequence('pool1', [maxPool('pool1', 3, 2), ...(lrn ? [lrnLayer('norm1')] : [])]),
    sequence('conv2', [
      ...convUnit('conv2_reduce', w(64), 1),
      ...convUnit('conv2', w(192), 3),
      ...(lrn ? [lrnLayer('norm2')] : []),
    ]),
    ...(smallStem ? [] : [sequence('pool2', [maxPool('pool2', 3, 2)])]),
    ...stage('3'),
    sequence('pool3', [maxPool('pool3', 3, 2)]),
    ...stage('4'),
    sequence('pool4', [maxPool('pool4', 3, 2)]),
    ...stage('5'),
    sequence('pool5', [{ kind: 'globalAvgPool', name: 'pool5' }]),
    sequence('fc', [{ kind: 'dropout', name: 'fc_dropout', rate: 0.4 }, dense('fc', o.classes, 'softmax')]),
  ];

  return { name: 'googlenet', input: [o.input, o.input, 3], root: sequence('googlenet', modules) };
}

export const googlenetNetwork: NetworkDef = {
  name: 'googlenet',
  title: 'GoogLeNet (Inception v1)',
  shortName: 'GoogLeNet',
  specs: googlenetOptionSpecs,
  presets: googlenetPresets,
  defaultPreset: 'paper',
  trainablePreset: 'small',
  shippedWeights: 'googlenet-small',
  contrast: { inception: 'no-reduce' },
  // torchvision's weights: its ImageNet normalization and its transform_input, which cancel to [-1, 1].
  inputs: { explorer: MINUS_ONE_TO_ONE, torchvision: TORCHVISION_GOOGLENET },
  torchvision: googlenetTorchvision,
  build: googlenet,
};
