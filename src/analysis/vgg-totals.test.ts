// VGG's published counts reproduced exactly (docs/CONVENTIONS.md): torchvision's parameter
// counts and "GFLOPS" (which are GMACs), vgg16_bn, the paper's Table 2, keras.applications.VGG16.

import { describe, expect, it } from 'vitest';
import { configure } from '../model/networks';
import { analyze, type Analysis } from './counts';

const analysisOf = (overrides: Record<string, string> = {}, preset?: string): Analysis =>
  analyze(configure('vgg', overrides, preset).model);

/** A k×k conv from cin to cout channels with its bias. */
const conv = (k: number, cin: number, cout: number) => k * k * cin * cout + cout;

describe('vgg: torchvision\'s published counts', () => {
  it.each([
    ['vgg11', 132_863_336],
    ['vgg13', 133_047_848],
    ['vgg16', 138_357_544],
    ['vgg19', 143_667_240],
  ] as const)('%s: %i params, none of them BatchNorm statistics', (preset, params) => {
    expect(analysisOf({}, preset).totals).toMatchObject({ params, trainable: params, nonTrainable: 0 });
  });

  it('vgg16 by hand: 13 convs (14,714,688) and the 123,642,856-param head', () => {
    const convs =
      conv(3, 3, 64) + conv(3, 64, 64) +
      conv(3, 64, 128) + conv(3, 128, 128) +
      conv(3, 128, 256) + 2 * conv(3, 256, 256) +
      conv(3, 256, 512) + 2 * conv(3, 512, 512) +
      3 * conv(3, 512, 512);
    const head = 7 * 7 * 512 * 4_096 + 4_096 + 4_096 * 4_096 + 4_096 + 4_096 * 1_000 + 1_000;
    expect(convs).toBe(14_714_688);
    expect(head).toBe(123_642_856);
    expect(convs + head).toBe(analysisOf().totals.params);
  });

  it('vgg16_bn: 138,365,992 trainable (the conv biases stay), 8,448 moving statistics', () => {
    const { totals } = analysisOf({ bn: 'on' }, 'vgg16');
    // 13 BatchNorms over 2·64 + 2·128 + 3·256 + 6·512 = 4,224 channels: γ and β trainable, mean and variance not.
    expect(totals.trainable).toBe(138_357_544 + 2 * 4_224);
    expect(totals.trainable).toBe(138_365_992);
    expect(totals.nonTrainable).toBe(8_448);
    expect(totals.params).toBe(138_374_440);
  });

  it('MACs: the integers behind torchvision\'s "GFLOPS" column (which counts MACs)', () => {
    const macs = (overrides: Record<string, string>, preset: string) => analysisOf(overrides, preset).totals.macs;
    expect(macs({}, 'vgg11')).toBe(7_609_090_048); // torchvision 7.61
    expect(macs({}, 'vgg13')).toBe(11_308_466_176); // 11.31
    expect(macs({}, 'vgg16')).toBe(15_470_264_320); // 15.47
    expect(macs({}, 'vgg19')).toBe(19_632_062_464); // 19.63
    expect((macs({}, 'vgg16') / 1e9).toFixed(2)).toBe('15.47');
    expect((macs({}, 'vgg19') / 1e9).toFixed(2)).toBe('19.63');
    expect(macs({ bn: 'on' }, 'vgg16')).toBe(15_470_264_320); // BatchNorm costs no MACs: vgg16_bn is 15.47 too
  });

  it('block1_conv2 by hand: 3×3×64×64 + 64 params, 3×3×64×64 × 224×224 MACs', () => {
    const layer = analysisOf().layers.find((l) => l.name === 'block1_conv2');
    expect(layer?.params).toBe(36_928);
    expect(layer?.macs).toBe(1_849_688_064);
    expect(layer?.macsFormula).toBe('3×3×64×64 × 224×224 = 1,849,688,064');
  });
});

describe('vgg: the paper\'s Table 2 and keras.applications.VGG16', () => {
  it.each([
    ['A', 133, 132_863_336],
    ['A-LRN', 133, 132_863_336],
    ['B', 133, 133_047_848],
    ['C', 134, 133_638_952],
    ['D', 138, 138_357_544],
    ['E', 144, 143_667_240],
  ] as const)('config %s: %i million (%i exactly)', (config, millions, exact) => {
    const { params } = analysisOf({ config }).totals;
    expect(params).toBe(exact);
    expect(Math.round(params / 1e6)).toBe(millions);
  });

  it('C is D with the third conv of blocks 3–5 a 1x1: 8·Cin·Cout fewer weights in each', () => {
    const saved = 8 * 256 * 256 + 2 * 8 * 512 * 512; // 4,718,592
    expect(analysisOf({ config: 'D' }).totals.params - analysisOf({ config: 'C' }).totals.params).toBe(saved);
  });

  it('keras.applications.VGG16: 138,357,544 params', () => {
    expect(analysisOf({}, 'vgg16').totals.params).toBe(138_357_544);
  });

  it('module totals add up to the network totals', () => {
    for (const a of [analysisOf(), analysisOf({ bn: 'on', config: 'A-LRN' }), analysisOf({ fc: '0' }, 'small')]) {
      expect(a.root.children.reduce((s, m) => s + m.params, 0)).toBe(a.totals.params);
      expect(a.root.children.reduce((s, m) => s + m.macs, 0)).toBe(a.totals.macs);
    }
  });

  it('fc=0: the convs and one dense layer from 25,088 to the classes', () => {
    expect(analysisOf({ fc: '0' }).totals.params).toBe(14_714_688 + 25_088 * 1_000 + 1_000);
  });
});

describe('vgg small', () => {
  it('959,322 params and 19,940,608 MACs, about GoogLeNet small\'s 26,804,288', () => {
    const { totals } = analysisOf({}, 'small');
    expect(totals).toMatchObject({ params: 959_322, trainable: 957_210, nonTrainable: 2_112, macs: 19_940_608 });
    const googlenet = analyze(configure('googlenet', {}, 'small').model).totals.macs;
    expect(googlenet).toBe(26_804_288);
    expect(totals.macs / googlenet).toBeGreaterThan(0.5);
    expect(totals.macs / googlenet).toBeLessThan(2);
  });
});
