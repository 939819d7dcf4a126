// ResNet's published figures (docs/CONVENTIONS.md, "ResNet"), reproduced exactly where they are
// exact, and the paper's rounded ones checked against the arithmetic.

import { describe, expect, it } from 'vitest';
import { analyze, type Analysis } from './counts';
import { configure } from '../model/networks';

const analysisOf = (overrides: Record<string, string> = {}, preset?: string): Analysis => analyze(configure('resnet', overrides, preset).model);

const moduleOf = (a: Analysis, path: string) => {
  const found = a.modules.find((m) => m.path === path);
  if (!found) throw new Error(`no module ${path}`);
  return found;
};

const layerNames = (a: Analysis) => a.layers.map((layer) => layer.name);

describe('torchvision ResNets', () => {
  // torchvision's model docs: "Params" (trainable) and "GFLOPS", which are GMACs.
  it.each([
    ['18', 11_689_512, 1.81],
    ['34', 21_797_672, 3.66],
    ['50', 25_557_032, 4.09],
    ['101', 44_549_160, 7.8],
    ['152', 60_192_808, 11.51],
  ])('resnet%s: %i trainable, %f GMACs', (depth, trainable, gmacs) => {
    const { totals } = analysisOf({ depth });
    expect(totals.trainable).toBe(trainable);
    expect(Math.round(totals.macs / 1e7) / 100).toBe(gmacs);
  });

  it('counts the exact MACs behind the rounded figures', () => {
    expect(analysisOf({ depth: '18' }).totals.macs).toBe(1_814_073_344);
    expect(analysisOf({ depth: '50' }).totals.macs).toBe(4_089_184_256);
  });

  it('counts BatchNorm moving statistics as non-trainable: 2 per channel', () => {
    // resnet50 has 26,560 BatchNorm channels (one per conv output channel).
    expect(analysisOf({ depth: '50' }).totals.nonTrainable).toBe(2 * 26_560);
  });

  it('uses torchvision state-dict names for the layers with weights', () => {
    const names = layerNames(analysisOf({ depth: '50' }));
    for (const name of ['conv1', 'bn1', 'layer1.0.conv1', 'layer1.0.bn3', 'layer1.0.downsample.0', 'layer1.0.downsample.1', 'layer4.2.conv3', 'fc']) {
      expect(names).toContain(name);
    }
    expect(names).not.toContain('layer1.1.downsample.0');
    expect(new Set(names).size).toBe(names.length);
  });

  it('has one top-level module per residual block, between the stem and the classifier', () => {
    const ids = analysisOf({ depth: '50' }).root.children.map((m) => m.id);
    expect(ids[0]).toBe('conv1');
    expect(ids.at(-1)).toBe('fc');
    expect(ids.slice(1, -1)).toEqual([
      ...[0, 1, 2].map((i) => `layer1.${i}`),
      ...[0, 1, 2, 3].map((i) => `layer2.${i}`),
      ...[0, 1, 2, 3, 4, 5].map((i) => `layer3.${i}`),
      ...[0, 1, 2].map((i) => `layer4.${i}`),
    ]);
  });

  it('resnet50 layer1.0, by hand: 1x1 64, 3x3 64, 1x1 256 and a 1x1 projection to 256, at 56x56', () => {
    const block = moduleOf(analysisOf({ depth: '50' }), 'layer1.0');
    const weights = 64 * 64 + 9 * 64 * 64 + 64 * 256 + 64 * 256;
    const bnChannels = 64 + 64 + 256 + 256;
    expect(block.trainable).toBe(weights + 2 * bnChannels); // 75,008
    expect(block.macs).toBe(weights * 56 * 56);
    expect(block.output).toEqual([56, 56, 256]);
  });

  it('resnet18 layer2.0, by hand: two 3x3 convs to 128, the first strided, and a strided projection', () => {
    const block = moduleOf(analysisOf({ depth: '18' }), 'layer2.0');
    const weights = 9 * 64 * 128 + 9 * 128 * 128 + 64 * 128;
    expect(block.trainable).toBe(weights + 2 * (128 + 128 + 128));
    expect(block.macs).toBe(weights * 28 * 28);
    expect(block.output).toEqual([28, 28, 128]);
  });
});

describe('Keras ResNet50', () => {
  it('keeps conv biases: 25,636,712 params, 25,583,592 trainable', () => {
    const { totals } = analysisOf({}, 'keras');
    expect(totals).toMatchObject({ params: 25_636_712, trainable: 25_583_592 });
  });
});

describe('the paper (He et al. 2015)', () => {
  // Table 1's FLOPs are multiply-adds with the stride on the first 1x1 (stride=v1). The paper
  // prints one decimal: 1.8, 3.6, 3.8, 7.6, 11.3 ×10⁹. Rounding the arithmetic gives 1.8, 3.7,
  // 3.9, 7.6, 11.3: the 34- and 50-layer figures are the arithmetic cut off, not rounded.
  it.each([
    ['18', 1.8, 1_814_073_344],
    ['34', 3.6, 3_663_761_408],
    ['50', 3.8, 3_857_973_248],
    ['101', 7.6, 7_570_194_432],
    ['152', 11.3, 11_282_415_616],
  ])('Table 1, %s layers: %f ×10⁹ printed; the arithmetic is %i', (depth, printed, macs) => {
    const { totals } = analysisOf({ depth }, 'paper');
    expect(totals.macs).toBe(macs);
    expect(Math.abs(totals.macs / 1e9 - printed)).toBeLessThan(0.1);
  });

  it('the stride on the first 1x1 saves the MACs of the 3x3 at the larger size', () => {
    expect(analysisOf({ depth: '50' }).totals.macs - analysisOf({ depth: '50' }, 'paper').totals.macs).toBe(4_089_184_256 - 3_857_973_248);
  });

  it('plain-34 (Fig. 3, middle): 3.6 ×10⁹ multiply-adds, no projections', () => {
    const plain = analysisOf({ depth: '34', residual: 'off' }, 'paper');
    expect(plain.totals.macs).toBe(3_644_493_824);
    expect(Math.round(plain.totals.macs / 1e8) / 10).toBe(3.6);
    expect(layerNames(plain).some((name) => name.includes('downsample'))).toBe(false);
  });

  // §4.2: 0.27, 0.46, 0.66, 0.85, 1.7 M params, option A shortcuts (no parameters).
  it.each([
    ['20', 0.27, 269_722],
    ['32', 0.46, 464_154],
    ['44', 0.66, 658_586],
    ['56', 0.85, 853_018],
    ['110', 1.7, 1_727_962],
  ])('the CIFAR-10 ResNet-%s: %f M params (%i trainable)', (depth, millions, trainable) => {
    const a = analysisOf({ depth }, 'cifar');
    expect(a.totals.trainable).toBe(trainable);
    expect(Number((a.totals.trainable / 1e6).toFixed(millions < 1 ? 2 : 1))).toBe(millions);
    expect(a.root.children.filter((m) => m.id.startsWith('layer')).length).toBe(3 * ((Number(depth) - 2) / 6));
    expect(a.layers.filter((l) => l.kind === 'conv2d' || l.kind === 'dense').length).toBe(Number(depth));
  });

  it('option A adds no parameters: it subsamples and zero-pads 16 channels to 32', () => {
    const block = moduleOf(analysisOf({}, 'cifar'), 'layer2.0');
    const weights = 9 * 16 * 32 + 9 * 32 * 32;
    expect(block.trainable).toBe(weights + 2 * (32 + 32));
    expect(block.output).toEqual([16, 16, 32]);
    expect(block.layers.map((l) => l.kind)).toContain('padChannels');
  });
});

describe('options', () => {
  it('block=auto is Table 1\'s block for the depth; the other block keeps the stage lengths', () => {
    expect(analysisOf({ depth: '50', block: 'basic' }).totals.trainable).toBe(21_797_672); // = resnet34
    expect(analysisOf({ depth: '34', block: 'bottleneck' }).totals.trainable).toBe(25_557_032); // = resnet50
  });

  it('shortcut C projects every shortcut; B only where the shape changes', () => {
    const b = analysisOf({ depth: '18' });
    const c = analysisOf({ depth: '18', shortcut: 'C' });
    // ResNet-18 has 8 blocks, 3 with a projection; C adds 5 1x1 projections at stage width.
    const extra = 2 * (64 * 64 + 2 * 64) + 128 * 128 + 2 * 128 + 256 * 256 + 2 * 256 + 512 * 512 + 2 * 512;
    expect(c.totals.trainable - b.totals.trainable).toBe(extra);
  });

  it('full pre-activation: BN and ReLU before each conv, one BN and ReLU after the last block', () => {
    const a = analysisOf({ depth: '18', preact: 'on' });
    const block = moduleOf(a, 'layer1.0');
    expect(block.layers.map((l) => l.kind)).toEqual(['batchNorm', 'relu', 'conv2d', 'batchNorm', 'relu', 'conv2d']);
    expect(a.root.children.map((m) => m.id)).toContain('post');
  });

  it('refuses bottlenecks at a CIFAR depth, saying what to choose', () => {
    expect(() => configure('resnet', { depth: '56', block: 'bottleneck' })).toThrow(/basic blocks.*block=auto or basic/);
  });
});
