import { describe, expect, it } from 'vitest';
import { googlenetOptionSpecs } from '../../model';
import { catalog } from '../../model/catalog';
import { explore } from '../explore';
import { defaultConfig } from '../state/url-state';
import { catalogItems, catalogMatch, describeConfig, isValidOption } from './configs';
import { scatterPoints } from './scatter';

describe('explore', () => {
  it('returns the message of a bad value and of an impossible input size', () => {
    const config = { network: 'xception', text: { conv: 'dense' } };
    expect(explore(config)).toEqual({ ok: false, config, message: expect.stringContaining('valid values: separable, regular') });
    const small = explore({ network: 'xception', text: { input: '2' } });
    expect(small.ok || small.message).toContain('block1_conv1');
  });
});

describe('catalogMatch', () => {
  it('finds the entry of equal options, however they are written', () => {
    expect(catalogMatch(defaultConfig('googlenet'))?.id).toBe('googlenet-paper');
    const torchvision = { network: 'googlenet' as const, text: { ...defaultConfig('googlenet').text, bn: 'on', branch5x5: '3x3', input: '224.0' } };
    expect(catalogMatch(torchvision)?.id).toBe('googlenet-torchvision');
    expect(catalogMatch({ network: 'googlenet', text: { input: '112' } })).toBeUndefined();
    expect(catalogMatch({ network: 'googlenet', text: { input: 'big' } })).toBeUndefined();
  });
});

describe('describeConfig', () => {
  it('uses the catalog label, else the options that differ from the default', () => {
    expect(describeConfig(defaultConfig('xception'))).toBe('Xception Keras');
    expect(describeConfig({ network: 'googlenet', text: { ...defaultConfig('googlenet').text, input: '112', aux: 'on' } })).toBe(
      'GoogLeNet aux=on input=112',
    );
  });
});

describe('catalogItems', () => {
  it('counts every entry, the published ones included', () => {
    const items = catalogItems();
    expect(items).toHaveLength(catalog.length);
    expect(items.find((i) => i.entry.id === 'xception-keras')?.analysis.totals.params).toBe(22_910_480);
  });
});

describe('scatterPoints', () => {
  const sides = (a: ReturnType<typeof defaultConfig>, b: ReturnType<typeof defaultConfig>) => {
    const ea = explore(a);
    const eb = explore(b);
    if (!ea.ok || !eb.ok) throw new Error('bad test configuration');
    return { a: { config: a, evaluated: ea }, b: { config: b, evaluated: eb } };
  };

  it('marks catalog points that are A or B and adds no extra point for them', () => {
    const points = scatterPoints(sides(defaultConfig('googlenet'), defaultConfig('xception')), 'macs', []);
    expect(points).toHaveLength(catalog.length);
    expect(points.find((p) => p.id === 'googlenet-paper')?.roles).toEqual(['A']);
    expect(points.find((p) => p.id === 'xception-keras')).toMatchObject({ roles: ['B'], ops: 8_357_403_496 });
  });

  it('adds one point for a custom configuration that is both A and B', () => {
    const custom = { network: 'googlenet' as const, text: { ...defaultConfig('googlenet').text, input: '112' } };
    const points = scatterPoints(sides(custom, custom), 'flops', []);
    expect(points).toHaveLength(catalog.length + 1);
    expect(points.at(-1)).toMatchObject({ id: 'custom-A', roles: ['A', 'B'], label: 'GoogLeNet input=112' });
  });
});

describe('isValidOption', () => {
  it('accepts what the spec accepts and nothing else', () => {
    const spec = (key: string) => googlenetOptionSpecs.find((s) => s.key === key) ?? googlenetOptionSpecs[0];
    expect(isValidOption(spec('input'), '224')).toBe(true);
    expect(isValidOption(spec('input'), '0')).toBe(false);
    expect(isValidOption(spec('input'), '')).toBe(false);
    expect(isValidOption(spec('bn'), 'maybe')).toBe(false);
    expect(isValidOption(spec('modules'), '3a,3b')).toBe(true);
  });
});
