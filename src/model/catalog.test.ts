import { describe, expect, it } from 'vitest';
import { catalog, catalogEntry } from './catalog';
import { configure } from './networks';

const configured = catalog.map((entry) => ({ entry, config: configure(entry.network, entry.options, entry.preset) }));

describe('catalog', () => {
  it('configures every entry without error', () => {
    for (const entry of catalog) {
      expect(() => configure(entry.network, entry.options, entry.preset), entry.id).not.toThrow();
    }
  });

  it('has unique ids and labels', () => {
    expect(new Set(catalog.map((e) => e.id)).size).toBe(catalog.length);
    expect(new Set(catalog.map((e) => e.label)).size).toBe(catalog.length);
  });

  it('holds no two entries that resolve to the same options', () => {
    const keys = configured.map(({ config }) => JSON.stringify([config.network, config.optionText]));
    expect(new Set(keys).size).toBe(catalog.length);
  });

  it('covers the published networks and the switches of each idea', () => {
    const text = (id: string) => configured.find(({ entry }) => entry.id === id)?.config.optionText;
    expect(text('googlenet-torchvision')).toMatchObject({ bn: 'on', branch5x5: '3x3', aux: 'off' });
    expect(text('googlenet-torchvision-aux')).toMatchObject({ bn: 'on', branch5x5: '3x3', aux: 'on' });
    expect(text('googlenet-naive')).toMatchObject({ inception: 'naive', bn: 'off' });
    expect(text('xception-middle-16')).toMatchObject({ middle: '16', conv: 'separable' });
    expect(catalog.filter((e) => e.network === 'googlenet')).toHaveLength(7);
    expect(catalog.filter((e) => e.network === 'xception')).toHaveLength(7);
  });
});

describe('catalogEntry', () => {
  it('finds an entry by id and nothing for an unknown id', () => {
    expect(catalogEntry('xception-keras')?.label).toBe('Xception Keras');
    expect(catalogEntry('alexnet')).toBeUndefined();
  });
});
