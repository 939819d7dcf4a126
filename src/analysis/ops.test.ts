import { describe, expect, it } from 'vitest';
import { configure } from '../model/networks';
import { analyze } from './counts';
import { extraOps, measure } from './ops';

const googlenet = analyze(configure('googlenet').model);

describe('measure', () => {
  it('macs: the analysis MACs, per module and in total', () => {
    const m = measure(googlenet, 'macs');
    expect(m.label).toBe('MACs');
    expect(m.total).toBe(1_582_671_872);
    expect(m.of('inception_3a')).toBe(128_049_152);
    expect(m.of('inception_3a/1x1/inception_3a_1x1')).toBe(9_633_792);
    expect(m.of('no-such-module')).toBe(0);
  });

  it('flops: 2 × MACs', () => {
    const m = measure(googlenet, 'flops');
    expect(m.label).toBe('FLOPs');
    expect(m.total).toBe(3_165_343_744);
  });

  it('extras are named in the label and added per layer', () => {
    const m = measure(googlenet, 'macs', ['bias']);
    expect(m.label).toBe('MACs + extras');
    // every conv and dense layer of the paper network has a bias: one add per output value
    const biasAdds = googlenet.layers.filter((l) => l.hasBias).reduce((s, l) => s + l.activations, 0);
    expect(m.total).toBe(1_582_671_872 + biasAdds);
    expect(m.of('inception_3a/1x1')).toBe(9_633_792 + 28 * 28 * 64);
  });
});

describe('extraOps', () => {
  const xception = analyze(configure('xception').model);
  const layer = (name: string) => {
    const found = xception.layers.find((l) => l.name === name);
    if (!found) throw new Error(name);
    return found;
  };

  it('BatchNorm: 2 operations per value', () => {
    expect(extraOps(layer('block1_conv1_bn'), new Set(['bn']))).toBe(2 * 149 * 149 * 32);
  });
  it('ReLU: 1 per value; pooling: 1 per input value; nothing unasked', () => {
    expect(extraOps(layer('block1_conv1_act'), new Set(['act']))).toBe(149 * 149 * 32);
    expect(extraOps(layer('block2_pool'), new Set(['pool']))).toBe(147 * 147 * 128);
    expect(extraOps(layer('block2_pool'), new Set(['bn', 'act', 'bias']))).toBe(0);
  });
  it('fused ReLU counts as an activation', () => {
    const conv1 = googlenet.layers[0];
    expect(extraOps(conv1, new Set(['act']))).toBe(112 * 112 * 64);
  });
});
