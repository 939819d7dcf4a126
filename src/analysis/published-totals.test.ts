// The published totals of docs/CONVENTIONS.md, reproduced exactly, and hand-derived per-module values.

import { describe, expect, it } from 'vitest';
import { configure } from '../model/networks';
import { analyze, type Analysis } from './counts';

const analysisOf = (name: string, overrides: Record<string, string> = {}, preset?: string): Analysis =>
  analyze(configure(name, overrides, preset).model);

const moduleOf = (a: Analysis, path: string) => {
  const found = a.modules.find((m) => m.path === path);
  if (!found) throw new Error(`no module ${path}`);
  return found;
};

describe('published totals', () => {
  it('googlenet as in the paper: 6,998,552 params, 1,582,671,872 MACs', () => {
    const { totals } = analysisOf('googlenet');
    expect(totals).toMatchObject({ params: 6_998_552, trainable: 6_998_552, nonTrainable: 0, macs: 1_582_671_872 });
    expect(totals.flops).toBe(2 * 1_582_671_872);
  });

  it('googlenet as torchvision builds it: 6,624,904 trainable, 1,498,376,192 MACs', () => {
    const { totals } = analysisOf('googlenet', {}, 'torchvision');
    expect(totals.trainable).toBe(6_624_904);
    expect(totals.macs).toBe(1_498_376_192);
    // BatchNorm's moving mean and variance: 2 numbers for each of the 7,280 BN channels.
    expect(totals.nonTrainable).toBe(14_560);
  });

  it('torchvision googlenet with both auxiliary heads: 13,004,888 trainable', () => {
    expect(analysisOf('googlenet', { aux: 'on' }, 'torchvision').totals.trainable).toBe(13_004_888);
  });

  it('keras.applications.Xception: 22,910,480 params, 22,855,952 trainable, 8,357,403,496 MACs', () => {
    const { totals } = analysisOf('xception');
    expect(totals).toMatchObject({ params: 22_910_480, trainable: 22_855_952, macs: 8_357_403_496 });
  });
});

describe('per-module values derived by hand', () => {
  it('inception_3a: 163,696 params, 128,049,152 MACs', () => {
    // 1x1: 192·64+64; 3x3: 192·96+96 + 9·96·128+128; 5x5: 192·16+16 + 25·16·32+32; pool proj: 192·32+32
    const m = moduleOf(analysisOf('googlenet'), 'inception_3a');
    expect(m.params).toBe(12_352 + 18_528 + 110_720 + 3_088 + 12_832 + 6_176);
    expect(m.params).toBe(163_696);
    expect(m.macs).toBe(128_049_152); // (params − biases) · 28·28
    expect(m.output).toEqual([28, 28, 256]);
  });

  it('inception_3a/5x5 branch: reduce then 5x5', () => {
    const m = moduleOf(analysisOf('googlenet'), 'inception_3a/5x5');
    expect(m.params).toBe(192 * 16 + 16 + 5 * 5 * 16 * 32 + 32);
    expect(m.macs).toBe((192 * 16 + 5 * 5 * 16 * 32) * 28 * 28);
  });

  it('xception middle block (block5): three relu → sepconv 728 → BN units at 19×19', () => {
    const m = moduleOf(analysisOf('xception'), 'block5');
    const sepconv = 3 * 3 * 728 + 728 * 728; // 536,536, no bias
    expect(m.params).toBe(3 * (sepconv + 4 * 728)); // 1,618,344
    expect(m.trainable).toBe(3 * (sepconv + 2 * 728)); // 1,613,976
    expect(m.macs).toBe(3 * sepconv * 19 * 19); // 581,068,488
    expect(m.output).toEqual([19, 19, 728]);
  });

  it('googlenet conv1 dense: 9,408 weights and 118M MACs; the separable stem matches Table 1 (2.7K, 34M)', () => {
    const dense = analysisOf('googlenet').layers.find((l) => l.name === 'conv1');
    expect(dense?.params).toBe(7 * 7 * 3 * 64 + 64);
    expect(dense?.macs).toBe(118_013_952);
    const separable = analysisOf('googlenet', { stem: 'separable' }).layers.find((l) => l.name === 'conv1');
    expect(separable?.params).toBe(7 * 7 * 3 * 8 + 3 * 8 * 64 + 64); // 2,776
    expect(separable?.macs).toBe((7 * 7 * 3 * 8 + 3 * 8 * 64) * 112 * 112); // 34,019,328
  });

  it('formulas carry the numbers: inception_3a_3x3', () => {
    const layer = analysisOf('googlenet').layers.find((l) => l.name === 'inception_3a_3x3');
    expect(layer?.paramsFormula).toBe('3×3×96×128 + 128 = 110,720');
    expect(layer?.macsFormula).toBe('3×3×96×128 × 28×28 = 86,704,128');
  });

  it('module totals add up to the network totals', () => {
    for (const a of [analysisOf('googlenet', { aux: 'on' }), analysisOf('xception')]) {
      const top = a.root.children;
      expect(top.reduce((s, m) => s + m.params, 0)).toBe(a.totals.params);
      expect(top.reduce((s, m) => s + m.macs, 0)).toBe(a.totals.macs);
      expect(a.layers.reduce((s, l) => s + l.params, 0)).toBe(a.totals.params);
    }
  });
});
