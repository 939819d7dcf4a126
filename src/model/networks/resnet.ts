// ResNet (He et al. 2015, "Deep residual learning for image recognition", Table 1 and §4.2), with
// the full pre-activation block of He et al. 2016 ("Identity mappings in deep residual networks")
// and the paper's experiments as switches. Names are torchvision's state-dict keys (`conv1`,
// `layer1.0.conv1`, `layer1.0.downsample.0`, `fc`), so its weights map by name.

import { add, batchNorm, conv2d, dense, maxPool, relu, scaled, sequence } from '../layers';
import { KERAS_CAFFE, MINUS_ONE_TO_ONE, TORCHVISION_IMAGENET } from '../input-preparation';
import { OptionError, choice, classesOption, inputOption, resolveOptions, widthOption, type OptionsOf } from '../options';
import type { Layer, Model, Node } from '../types';
import type { NetworkDef } from './contract';
import { resnetKeras } from './resnet-keras';

/** Table 1's residual blocks per stage (conv2_x … conv5_x) and its block for each ImageNet depth. */
const IMAGENET_DEPTHS = {
  '18': { blocks: [2, 2, 2, 2], block: 'basic' },
  '34': { blocks: [3, 4, 6, 3], block: 'basic' },
  '50': { blocks: [3, 4, 6, 3], block: 'bottleneck' },
  '101': { blocks: [3, 4, 23, 3], block: 'bottleneck' },
  '152': { blocks: [3, 8, 36, 3], block: 'bottleneck' },
} as const;

/** §4.2's CIFAR-10 networks: depth 6n + 2, n basic blocks in each of three stages. */
const CIFAR_DEPTHS = ['20', '32', '44', '56', '110'] as const;

export const resnetOptionSpecs = [
  choice(
    'depth',
    ['50', '18', '34', '101', '152', ...CIFAR_DEPTHS],
    'Layers with weights. 18–152: the ImageNet networks of Table 1 (7x7 stem, four stages of 64–512 channels). 20–110: the CIFAR-10 networks of §4.2 (3x3 stem with 16 filters, three stages of 16/32/64 channels, n basic blocks each, depth 6n+2).',
  ),
  choice(
    'block',
    ['auto', 'basic', 'bottleneck'],
    'Residual block: as Table 1 has it for the depth (basic up to 34 layers, bottleneck from 50), two 3x3 convs (basic), or 1x1 reduce → 3x3 → 1x1 expand ×4 (bottleneck, Fig. 5). The stage lengths stay those of the depth.',
  ),
  choice('residual', ['on', 'off'], 'Shortcut connections, or the paper\'s plain network of the same layers (its Fig. 4 experiment: the deeper plain network trains worse).'),
  choice(
    'shortcut',
    ['B', 'A', 'C'],
    'Shortcuts (§3.3, Table 3): identity, with a 1x1 projection only where the shape changes (B); identity everywhere, zero-padding new channels and subsampling (A, parameter-free, the CIFAR-10 networks); a projection on every block (C).',
    { key: 'residual', values: ['on'] },
  ),
  choice(
    'stride',
    ['v1.5', 'v1'],
    'Where a bottleneck block that downsamples puts its stride: on the 3x3 conv (v1.5, torchvision) or on the first 1x1 (v1, the paper and Keras; fewer MACs, as Table 1 counts them). Basic blocks always stride their first 3x3.',
  ),
  choice('preact', ['off', 'on'], 'Full pre-activation (He et al. 2016, Fig. 4e): BN and ReLU before each conv, nothing after the addition, one BN and ReLU after the last block.'),
  choice('bias', ['off', 'on'], 'A bias on every conv (Keras\' ResNet50 keeps them although a BatchNorm follows each; torchvision drops them).'),
  classesOption(),
  inputOption(224),
  widthOption('Width multiplier applied to every conv (not to the classifier).'),
] as const;

export type ResNetOptions = OptionsOf<typeof resnetOptionSpecs>;

export const resnetPresets: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  torchvision: {},
  keras: { stride: 'v1', bias: 'on' },
  paper: { stride: 'v1' },
  /** §4.2's ResNet-20 on CIFAR-10; `depth` gives the others (32, 44, 56, 110). */
  cifar: { depth: '20', shortcut: 'A', input: '32', classes: '10' },
};

const isCifarDepth = (depth: string): depth is (typeof CIFAR_DEPTHS)[number] => (CIFAR_DEPTHS as readonly string[]).includes(depth);

/** Blocks per stage and Table 1's block for a depth; a CIFAR net has n = (depth − 2) / 6 per stage. */
function layoutOf(depth: ResNetOptions['depth']): { readonly blocks: readonly number[]; readonly block: 'basic' | 'bottleneck' } {
  if (!isCifarDepth(depth)) return IMAGENET_DEPTHS[depth];
  const n = (Number(depth) - 2) / 6;
  return { blocks: [n, n, n], block: 'basic' };
}

/** Builds ResNet; unknown options or values throw an OptionError that lists the valid ones. */
export function resnet(given: Readonly<Record<string, unknown>> = {}): Model {
  const o = resolveOptions('resnet', resnetOptionSpecs, given);
  const w = (channels: number) => scaled(channels, o.width);
  const useBias = o.bias === 'on';
  const preact = o.preact === 'on';
  const cifar = isCifarDepth(o.depth);
  const layout = layoutOf(o.depth);
  const bottleneck = (o.block === 'auto' ? layout.block : o.block) === 'bottleneck';
  if (cifar && bottleneck) {
    throw new OptionError(`resnet: depth=${o.depth} is a CIFAR-10 network of §4.2, made of basic blocks; choose block=auto or basic, or an ImageNet depth (18, 34, 50, 101, 152) for bottlenecks`);
  }
  const planes = (cifar ? [16, 32, 64] : [64, 128, 256, 512]).map(w);
  const expansion = bottleneck ? 4 : 1;

  const conv = (name: string, filters: number, kernel: number, stride = 1) => conv2d(name, filters, kernel, { stride, useBias });
  // torchvision's BatchNorm epsilon (Keras' ResNets use 1.001e-5; no count depends on it).
  const bn = (name: string) => batchNorm(name, 1e-5);

  /** The convs of a block's main path, each with its BatchNorm number (conv1 → bn1). */
  const mainConvs = (id: string, filters: number, stride: number): Layer[][] => {
    const unit = (i: number, out: number, kernel: number, s: number) => [conv(`${id}.conv${i}`, out, kernel, s), bn(`${id}.bn${i}`)];
    if (!bottleneck) return [unit(1, filters, 3, stride), unit(2, filters, 3, 1)];
    const [s1, s3] = o.stride === 'v1' ? [stride, 1] : [1, stride];
    return [unit(1, filters, 1, s1), unit(2, filters, 3, s3), unit(3, filters * expansion, 1, 1)];
  };

  /** conv → BN → ReLU, with no ReLU after the last BN (it comes after the addition). */
  const postActivated = (id: string, units: Layer[][]): Layer[] =>
    units.flatMap((unit, i) => (i < units.length - 1 ? [...unit, relu(`${id}.relu${i + 1}`)] : unit));

  /** BN → ReLU → conv: each unit's BatchNorm and ReLU move in front of its conv. */
  const preActivated = (id: string, units: Layer[][]): Layer[] =>
    units.flatMap(([convLayer], i) => [bn(`${id}.bn${i + 1}`), relu(`${id}.relu${i + 1}`), convLayer]);

  /** What joins the input to the sum: nothing (identity), a projection, or option A's zero padding. */
  const shortcut = (id: string, inChannels: number, outChannels: number, stride: number): Layer[] | 'identity' => {
    const changes = stride !== 1 || inChannels !== outChannels;
    if (o.shortcut === 'A') {
      if (!changes) return 'identity';
      return [
        ...(stride === 1 ? [] : [maxPool(`${id}.shortcut.subsample`, 1, stride, 'valid')]),
        ...(inChannels === outChannels ? [] : [{ kind: 'padChannels', name: `${id}.shortcut.pad`, channels: outChannels } as const]),
      ];
    }
    if (!changes && o.shortcut === 'B') return 'identity';
    const projection = conv(`${id}.downsample.0`, outChannels, 1, stride);
    // Pre-activation projects the already normalized input; its BatchNorm is the block's bn1.
    return preact ? [projection] : [projection, bn(`${id}.downsample.1`)];
  };

  const block = (id: string, inChannels: number, filters: number, stride: number): Node => {
    const out = filters * expansion;
    const units = mainConvs(id, filters, stride);
    if (o.residual === 'off') {
      const layers = preact ? preActivated(id, units) : [...postActivated(id, units), relu(`${id}.relu`)];
      return sequence(id, layers);
    }
    const path = shortcut(id, inChannels, out, stride);
    if (!preact) {
      const sum = add('residual', `${id}.add`, [sequence('main', postActivated(id, units)), sequence('shortcut', path === 'identity' ? [] : path)]);
      return sequence(id, [sum, relu(`${id}.relu`)]);
    }
    const main = preActivated(id, units);
    // A projection reads the normalized input (as Keras' ResNetV2 does), so bn1 and relu1 come
    // before the split; an identity or zero-padded shortcut carries the block's raw input.
    if (path !== 'identity' && path.some((layer) => layer.kind === 'conv2d')) {
      return sequence(id, [...main.slice(0, 2), add('residual', `${id}.add`, [sequence('main', main.slice(2)), sequence('shortcut', path)])]);
    }
    return sequence(id, [add('residual', `${id}.add`, [sequence('main', main), sequence('shortcut', path === 'identity' ? [] : path)])]);
  };

  const stem: Layer[] = cifar
    ? [conv('conv1', planes[0], 3), ...(preact ? [] : [bn('bn1'), relu('relu')])]
    : [conv('conv1', planes[0], 7, 2), ...(preact ? [] : [bn('bn1'), relu('relu')]), maxPool('maxpool', 3, 2)];

  const modules: Node[] = [sequence('conv1', stem)];
  let channels = planes[0];
  layout.blocks.forEach((count, stage) => {
    for (let i = 0; i < count; i++) {
      const stride = i === 0 && stage > 0 ? 2 : 1;
      modules.push(block(`layer${stage + 1}.${i}`, channels, planes[stage], stride));
      channels = planes[stage] * expansion;
    }
  });
  if (preact) modules.push(sequence('post', [bn('post.bn'), relu('post.relu')]));
  modules.push(sequence('fc', [{ kind: 'globalAvgPool', name: 'avgpool' }, dense('fc', o.classes, 'softmax')]));

  return { name: 'resnet', input: [o.input, o.input, 3], root: sequence('resnet', modules) };
}

export const resnetNetwork: NetworkDef = {
  name: 'resnet',
  title: 'ResNet',
  shortName: 'ResNet',
  specs: resnetOptionSpecs,
  presets: resnetPresets,
  defaultPreset: 'torchvision',
  trainablePreset: 'cifar',
  contrast: { residual: 'off' },
  // torchvision normalizes with the ImageNet mean and std; Keras' ResNet50 is "caffe" mode.
  inputs: { explorer: MINUS_ONE_TO_ONE, torchvision: TORCHVISION_IMAGENET, keras: KERAS_CAFFE },
  // Our layer names are torchvision's state-dict keys.
  torchvision: {
    models: Object.keys(IMAGENET_DEPTHS).map((depth) => ({ title: `resnet${depth}`, preset: 'torchvision', overrides: { depth } })),
    prefixes: (layers) => new Map(layers.map((layer) => [layer.name, layer.name])),
  },
  keras: resnetKeras,
  build: resnet,
};
