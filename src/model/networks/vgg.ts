// VGG (Simonyan & Zisserman 2014, "Very deep convolutional networks for large-scale image
// recognition"), the configurations A–E of Table 1, with keras.applications.VGG16's layer names
// and torchvision's BatchNorm variant (docs/CONVENTIONS.md). The paper's one idea is depth from
// stacked 3x3 convs; the configurations differ only in how many convs each of the 5 blocks holds.

import { batchNorm, conv2d, dense, maxPool, relu, scaled, sequence } from '../layers';
import { KERAS_CAFFE, MINUS_ONE_TO_ONE, TORCHVISION_IMAGENET } from '../input-preparation';
import { choice, classesOption, inputOption, numeric, resolveOptions, widthOption, type OptionsOf } from '../options';
import type { Layer, Lrn, Model, Node } from '../types';
import type { NetworkDef } from './contract';
import { vggKeras } from './vgg-keras';
import { vggTorchvision } from './vgg-torchvision';

export const vggOptionSpecs = [
  choice(
    'config',
    ['D', 'A', 'A-LRN', 'B', 'C', 'E'],
    'Table 1 of the paper: D is VGG-16, A VGG-11, A-LRN VGG-11 with LRN after the first conv, B VGG-13, C VGG-16 with 1x1 convs as the third conv of blocks 3-5, E VGG-19.',
  ),
  choice('bn', ['off', 'on'], 'BatchNorm after every conv, as torchvision\'s vgg*_bn (the convs keep their bias).'),
  classesOption(),
  inputOption(224),
  widthOption('Width multiplier applied to every conv (not to the fully-connected layers: see fc).'),
  numeric('fc', { default: 4096, min: 0, max: 16384, integer: true }, 'Units of each of the two hidden fully-connected layers; 0 drops them (predictions straight after flatten).'),
] as const;

export type VggOptions = OptionsOf<typeof vggOptionSpecs>;

export const vggPresets: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  vgg11: { config: 'A' },
  vgg13: { config: 'B' },
  vgg16: {},
  vgg19: { config: 'E' },
  /**
   * The 32x32 network the app can train: VGG-16 with BatchNorm (plain VGG-16 trains badly from
   * scratch without it) at a quarter width (16, 32, 64, 128, 128 channels), about 20M MACs per
   * image, as GoogLeNet's small preset (27M), so a CIFAR-10 run on 2 WASM cores takes as long.
   * At 32x32 the five pools leave 1×1×128, so the 25,088×4,096 head would be most of the
   * network; two hidden layers of 128 keep the paper's head shape at the features' size.
   */
  small: { input: '32', classes: '10', bn: 'on', width: '0.25', fc: '128' },
};

type Config = VggOptions['config'];

/** One entry per conv of each of the 5 blocks: its kernel (3, or 1 for C's 1x1 convs). */
const CONVS: Record<Config, readonly (readonly number[])[]> = {
  A: [[3], [3], [3, 3], [3, 3], [3, 3]],
  'A-LRN': [[3], [3], [3, 3], [3, 3], [3, 3]],
  B: [[3, 3], [3, 3], [3, 3], [3, 3], [3, 3]],
  C: [[3, 3], [3, 3], [3, 3, 1], [3, 3, 1], [3, 3, 1]],
  D: [[3, 3], [3, 3], [3, 3, 3], [3, 3, 3], [3, 3, 3]],
  E: [[3, 3], [3, 3], [3, 3, 3, 3], [3, 3, 3, 3], [3, 3, 3, 3]],
};

/** Output channels of every conv of each block. */
const CHANNELS = [64, 128, 256, 512, 512] as const;

/**
 * Krizhevsky et al.'s LRN (size 5, α 1e-4, β 0.75, k 2), as the paper says A-LRN uses. Their α
 * multiplies the sum of squares itself; the Lrn layer divides α by the size (Caffe's
 * convention, src/model/types.ts), so α is written as 5 · 1e-4.
 */
const KRIZHEVSKY_LRN = { size: 5, alpha: 5e-4, beta: 0.75, bias: 2 } as const;

/** Builds VGG; unknown options or values throw an OptionError that lists the valid ones. */
export function vgg(given: Readonly<Record<string, unknown>> = {}): Model {
  const o = resolveOptions('vgg', vggOptionSpecs, given);
  const bn = o.bn === 'on';

  /** A conv and its ReLU: fused, or conv → BatchNorm → ReLU (torchvision keeps the conv bias). */
  const convUnit = (name: string, filters: number, kernel: number): Layer[] =>
    bn
      ? [conv2d(name, filters, kernel), batchNorm(`${name}_bn`, 1e-5), relu(`${name}_relu`)]
      : [conv2d(name, filters, kernel, { activation: 'relu' })];

  const block = (index: number): Node => {
    const id = `block${index + 1}`;
    const filters = scaled(CHANNELS[index], o.width);
    const convs = CONVS[o.config][index].flatMap((kernel, i) => convUnit(`${id}_conv${i + 1}`, filters, kernel));
    const lrn: Lrn[] = o.config === 'A-LRN' && index === 0 ? [{ kind: 'lrn', name: `${id}_lrn`, ...KRIZHEVSKY_LRN }] : [];
    // A has one conv in block 1, so the LRN follows it, before the pool (the paper's Table 1).
    return sequence(id, [...convs, ...lrn, maxPool(`${id}_pool`, 2, 2)]);
  };

  const hidden = (name: string): Node =>
    sequence(name, [dense(name, o.fc, 'relu'), { kind: 'dropout', name: `${name}_dropout`, rate: 0.5 }]);

  const modules: Node[] = [
    ...CHANNELS.map((_, index) => block(index)),
    sequence('flatten', [{ kind: 'flatten', name: 'flatten' }]),
    ...(o.fc > 0 ? [hidden('fc1'), hidden('fc2')] : []),
    sequence('predictions', [dense('predictions', o.classes, 'softmax')]),
  ];

  return { name: 'vgg', input: [o.input, o.input, 3], root: sequence('vgg', modules) };
}

export const vggNetwork: NetworkDef = {
  name: 'vgg',
  title: 'VGG',
  shortName: 'VGG',
  specs: vggOptionSpecs,
  presets: vggPresets,
  defaultPreset: 'vgg16',
  trainablePreset: 'small',
  // Depth is the paper's idea: A (11 weight layers) against D (16), same blocks, same head.
  // Compared, it shows that depth from 3x3 convs costs few parameters (+4%) and many MACs (×2).
  contrast: { config: 'A' },
  inputs: {
    explorer: MINUS_ONE_TO_ONE,
    torchvision: TORCHVISION_IMAGENET,
    // keras.applications.vgg16.preprocess_input is the "caffe" mode: BGR, mean subtracted, no std.
    keras: KERAS_CAFFE,
  },
  torchvision: vggTorchvision,
  keras: vggKeras,
  build: vgg,
};
