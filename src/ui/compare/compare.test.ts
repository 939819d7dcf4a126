import { describe, expect, it } from 'vitest';
import { formatCount } from '../../analysis/format';
import { measure } from '../../analysis/ops';
import { compareModules, compareTotals, formatDelta, formatRatio, type Side } from './compare';
import { explore } from '../explore';
import { defaultConfig } from '../state/url-state';

const side = (network: 'googlenet' | 'xception', text: Record<string, string> = {}, unit: 'macs' | 'flops' = 'macs'): Side => {
  const evaluated = explore({ network, text: { ...defaultConfig(network).text, ...text } });
  if (!evaluated.ok) throw new Error(evaluated.message);
  return { analysis: evaluated.analysis, measure: measure(evaluated.analysis, unit) };
};

const paper = side('googlenet');
const torchvision = side('googlenet', { bn: 'on', branch5x5: '3x3' });

describe('compareTotals(googlenet paper, torchvision)', () => {
  it('gives both totals, B − A and B / A, operations in the measure\'s unit', () => {
    const rows = compareTotals(paper, torchvision);
    expect(rows.map((r) => [r.label, r.a, r.b, r.delta])).toEqual([
      ['Parameters', 6_998_552, 6_639_464, -359_088],
      ['Trainable', 6_998_552, 6_624_904, -373_648],
      ['MACs', 1_582_671_872, 1_498_376_192, -84_295_680],
    ]);
    expect(rows[0].ratio).toBeCloseTo(0.9487, 4);
  });

  it('labels and doubles operations in FLOPs', () => {
    const rows = compareTotals(side('googlenet', {}, 'flops'), side('googlenet', {}, 'flops'));
    expect(rows[2]).toMatchObject({ label: 'FLOPs', a: 3_165_343_744, delta: 0, ratio: 1 });
  });
});

describe('compareModules', () => {
  it('matches the same network by path, with every top-level module once', () => {
    const rows = compareModules(paper, torchvision);
    expect(rows).toHaveLength(17);
    expect(rows.every((r) => r.a && r.b)).toBe(true);
    const conv1 = rows.find((r) => r.path === 'conv1');
    // 7×7×3×64 + 64 bias, against 7×7×3×64 + 4×64 BatchNorm.
    expect(conv1).toMatchObject({ a: { params: 9_472 }, b: { params: 9_664 }, delta: { params: 192 } });
  });

  it('places modules only B has after their predecessor, with a delta from zero', () => {
    const rows = compareModules(torchvision, side('googlenet', { bn: 'on', branch5x5: '3x3', aux: 'on' }));
    const paths = rows.map((r) => r.path);
    expect(paths.indexOf('aux1')).toBe(paths.indexOf('inception_4a') + 1);
    expect(paths.indexOf('aux2')).toBe(paths.indexOf('inception_4d') + 1);
    const aux1 = rows.find((r) => r.path === 'aux1');
    expect(aux1?.a).toBeUndefined();
    expect(aux1?.delta?.params).toBe(aux1?.b?.params);
  });

  it('lists A\'s modules then B\'s for different networks, with no delta', () => {
    const rows = compareModules(paper, side('xception'));
    expect(rows).toHaveLength(17 + 15);
    expect(rows[0]).toMatchObject({ key: 'a:conv1', path: 'conv1' });
    expect(rows[17]).toMatchObject({ key: 'b:block1', path: 'block1' });
    expect(rows.every((r) => r.delta === undefined && (r.a === undefined) !== (r.b === undefined))).toBe(true);
  });
});

describe('formatDelta', () => {
  it('signs with + and a true minus', () => {
    expect(formatDelta(-359_088, formatCount)).toBe('−359,088');
    expect(formatDelta(192, formatCount)).toBe('+192');
    expect(formatDelta(0, formatCount)).toBe('0');
  });
});

describe('formatRatio', () => {
  it('keeps three significant digits and a dash for a zero A', () => {
    expect(formatRatio(6_639_464 / 6_998_552)).toBe('0.949×');
    expect(formatRatio(179_126_216 / 22_910_480)).toBe('7.82×');
    expect(formatRatio(1)).toBe('1×');
    expect(formatRatio(undefined)).toBe('—');
  });
});
