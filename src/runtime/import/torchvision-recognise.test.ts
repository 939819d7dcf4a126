// recogniseTorchvision on state dicts with torchvision's real keys and shapes (read from
// torchvision itself: reference/torchvision-keys.json, made by
// scripts/reference/torchvision-import-keys.py, and src/analysis/reference/torchvision-resnet.json),
// and the layout the mapper fills: the same keys, the same shapes. Only shapes matter here, so the
// tensors hold no values.

import { describe, expect, it } from 'vitest';
import { configure } from '../../model/networks';
import type { TensorMap } from '../../weights/state-dict';
import { WeightFileError } from '../../weights/weight-file-error';
import resnets from '../../analysis/reference/torchvision-resnet.json';
import reference from './reference/torchvision-keys.json';
import { recogniseTorchvision } from './torchvision-recognise';
import { torchvisionLayout } from './torchvision-names';

type Keys = readonly (readonly [string, readonly number[]])[];

const networks: Record<string, Keys> = {
  ...(reference.networks as unknown as Record<string, Keys>),
  ...Object.fromEntries(Object.entries(resnets.networks).map(([name, net]) => [name, net.keys as unknown as Keys])),
};

/** A state dict with these keys and shapes and no values (only shapes are read). */
const stateDict = (keys: Keys): TensorMap =>
  new Map(keys.map(([key, shape]) => [key, { shape: [...shape], dtype: key.endsWith('num_batches_tracked') ? 'int64' : 'float32', data: new Float32Array(0) }]));

const withoutCounters = (keys: Keys) => keys.filter(([key]) => !key.endsWith('num_batches_tracked'));

function refusal(tensors: TensorMap): string {
  try {
    recogniseTorchvision(tensors);
  } catch (e) {
    expect(e).toBeInstanceOf(WeightFileError);
    return (e as Error).message;
  }
  throw new Error('the state dict was recognised');
}

/** torchvision's name → our configuration (network, preset, overrides). */
const EXPECTED: Record<string, [string, string, Record<string, string>]> = {
  googlenet: ['googlenet', 'torchvision', { aux: 'on' }],
  'googlenet-noaux': ['googlenet', 'torchvision', { aux: 'off' }],
  ...Object.fromEntries(['18', '34', '50', '101', '152'].map((d) => [`resnet${d}`, ['resnet', 'torchvision', { depth: d }]])),
  ...Object.fromEntries(
    ['11', '13', '16', '19'].flatMap((d) => [
      [`vgg${d}`, ['vgg', `vgg${d}`, { bn: 'off' }]],
      [`vgg${d}_bn`, ['vgg', `vgg${d}`, { bn: 'on' }]],
    ]),
  ),
};

describe.each(Object.entries(EXPECTED))('torchvision %s', (name, [network, preset, overrides]) => {
  const keys = networks[name];

  it('is laid out with exactly torchvision\'s keys and shapes', () => {
    const layout = torchvisionLayout(configure(network, overrides, preset)).flatMap((l) => l.keys);
    const sorted = (k: Keys) => [...k].map(([key, shape]) => `${key} ${shape.join('×')}`).sort();
    expect(sorted(layout)).toEqual(sorted(withoutCounters(keys)));
  });

  it('is recognised, num_batches_tracked ignored', () => {
    const found = recogniseTorchvision(stateDict(keys));
    expect(found.configuration.network).toBe(network);
    expect(found.preset).toBe(preset);
    expect(found.overrides).toEqual(overrides);
    expect(found.ignored).toEqual(keys.filter(([key]) => key.endsWith('num_batches_tracked')).map(([key]) => key));
    expect(found.configuration.options.classes).toBe(1000);
  });
});

describe('recogniseTorchvision says what it found', () => {
  it('googlenet: the torchvision preset with its aux heads, its tensors and counters counted', () => {
    // 57 convs of the main path and 2 of the aux heads, each a weight and a BatchNorm's 4 tensors
    // (59 counters), and 5 dense layers (fc, aux1.fc1, aux1.fc2, aux2.fc1, aux2.fc2) of 2: 59·5 + 5·2 = 305.
    expect(recogniseTorchvision(stateDict(networks.googlenet)).message).toBe(
      "torchvision's googlenet: googlenet, preset torchvision, aux=on (305 tensors; 59 num_batches_tracked ignored)",
    );
  });

  it('resnet50 (its list has no counters)', () => {
    // 53 convs (48 in the 16 blocks, 4 projections, the stem), each with a BatchNorm: 53·5 + fc's 2 = 267.
    expect(recogniseTorchvision(stateDict(networks.resnet50)).message).toBe("torchvision's resnet50: resnet, preset torchvision, depth=50 (267 tensors)");
  });

  it('a fine-tuned resnet50 with 10 classes: classes=10', () => {
    const keys = networks.resnet50.map(([key, shape]): [string, readonly number[]] => [key, key === 'fc.weight' ? [10, 2048] : key === 'fc.bias' ? [10] : shape]);
    const found = recogniseTorchvision(stateDict(keys));
    expect(found.overrides).toEqual({ depth: '50', classes: '10' });
    expect(found.configuration.options.classes).toBe(10);
  });
});

describe('recogniseTorchvision refuses what fits no configuration, naming why', () => {
  it('a network the explorer does not have: its first keys', () => {
    const keys: Keys = [['features.0.0.weight', [32, 3, 3, 3]], ['features.0.1.weight', [32]], ['features.0.1.bias', [32]], ['features.1.conv.0.0.weight', [32, 1, 3, 3]], ['features.1.conv.1.weight', [16, 32, 1, 1]], ['classifier.1.weight', [1000, 1280]]];
    expect(refusal(stateDict(keys))).toBe(
      'a state dict of a network the explorer does not have: its 6 tensors start "features.0.0.weight", "features.0.1.weight", "features.0.1.bias", "features.1.conv.0.0.weight", "features.1.conv.1.weight", …; torchvision\'s googlenet, vgg11, vgg11_bn, vgg13, vgg13_bn, vgg16, vgg16_bn, vgg19, vgg19_bn, resnet18, resnet34, resnet50, resnet101, resnet152 are recognised',
    );
  });

  it('a shape that fits no configuration: the first mismatch, in the file\'s order', () => {
    const keys = networks.resnet18.map(([key, shape]): [string, readonly number[]] => [key, key === 'layer3.0.conv1.weight' ? [256, 128, 5, 5] : shape]);
    expect(refusal(stateDict(keys))).toBe(
      "the shapes fit no configuration: closest is torchvision's resnet18 (101 of 102 tensors fit, 1 differ); first mismatch: \"layer3.0.conv1.weight\" is [256, 128, 5, 5] in the file, [256, 128, 3, 3] in torchvision's resnet18",
    );
  });

  it('a key missing', () => {
    const keys = networks.vgg16_bn.filter(([key]) => key !== 'features.41.running_var');
    expect(refusal(stateDict(keys))).toMatch(/closest is torchvision's vgg16_bn .*; first mismatch: the file has no "features\.41\.running_var" \(\[512\] in torchvision's vgg16_bn\)$/);
  });

  it('a key too many', () => {
    const keys: Keys = [...networks.resnet34, ['fc2.weight', [10, 1000]]];
    expect(refusal(stateDict(keys))).toBe(
      "the shapes fit no configuration: closest is torchvision's resnet34 (182 of 183 tensors fit, 1 differ); first mismatch: the file has \"fc2.weight\" [10, 1000], which torchvision's resnet34 does not have",
    );
  });

  it('only counters', () => {
    expect(refusal(stateDict([['bn1.num_batches_tracked', []]]))).toBe('the state dict holds only num_batches_tracked counters, no weights');
  });
});
