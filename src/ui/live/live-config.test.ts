import { describe, expect, it } from 'vitest';
import { explore } from '../explore';
import { mapsPathFor, topModuleOf } from './live-config';
import { backendDetails, DURATION_PATTERN, formatMs, speedup } from './live-format';

describe('the configuration the panel is given (explore)', () => {
  it('counts a valid configuration and explains an invalid one', () => {
    const ok = explore({ network: 'xception', text: {} });
    expect(ok).toMatchObject({ ok: true, configuration: { network: 'xception' } });
    const bad = { network: 'googlenet', text: { bn: 'maybe' } };
    expect(explore(bad)).toEqual({
      ok: false,
      config: bad,
      message: 'invalid value "maybe" for option "bn"; valid values: off, on',
    });
  });
});

describe('mapsPathFor', () => {
  const googlenet = explore({ network: 'googlenet', text: {} });
  const xception = explore({ network: 'xception', text: {} });
  if (!googlenet.ok || !xception.ok) throw new Error('default configurations must count');

  it('keeps a selection that exists: a module, a branch or a layer id', () => {
    for (const path of ['inception_4a', 'inception_4a/pool', 'conv1/conv1']) {
      expect(mapsPathFor(googlenet.analysis, path)).toBe(path);
    }
  });

  it('falls back to the first module with branches', () => {
    expect(mapsPathFor(googlenet.analysis, undefined)).toBe('inception_3a');
    expect(mapsPathFor(googlenet.analysis, 'block2')).toBe('inception_3a');
    expect(mapsPathFor(xception.analysis, undefined)).toBe('block2');
  });

  it('names the top-level module of a path', () => {
    expect(topModuleOf('inception_3a/5x5/inception_3a_5x5')).toBe('inception_3a');
  });
});

describe('formatMs', () => {
  it.each([
    [0.9, '0.90 ms'],
    [3.214, '3.21 ms'],
    [9.999, '10.0 ms'],
    [45.33, '45.3 ms'],
    [99.97, '100 ms'],
    [1234.5, '1,235 ms'],
    [9999.6, '10.0 s'],
    [12_345, '12.3 s'],
    [123_456, '123 s'],
    [Number.NaN, '–'],
  ])('%s → %s', (ms, text) => {
    expect(formatMs(ms)).toBe(text);
  });

  it('always writes what DURATION_PATTERN reads, from a microsecond to a day', () => {
    const whole = new RegExp(`^${DURATION_PATTERN}$`);
    for (let ms = 1e-3; ms < 1e8; ms *= 1.013) expect(formatMs(ms), String(ms)).toMatch(whole);
  });
});

describe('speedup', () => {
  it('says faster or slower, never "0.8× faster"', () => {
    expect(speedup(10, 2.5, 'direct')).toBe('4.0× faster than direct');
    expect(speedup(10, 12.5, 'direct')).toBe('1.3× slower than direct');
    expect(speedup(10, 0, 'direct')).toBe('');
  });
});

describe('backendDetails', () => {
  const base = { choice: 'auto', renderer: null, software: false, isolated: true } as const;
  it('says how WASM and WebGL run', () => {
    expect(backendDetails({ ...base, name: 'wasm', wasm: { simd: true, threads: 4 } })).toBe('SIMD, 4 threads');
    expect(backendDetails({ ...base, name: 'wasm', isolated: false, wasm: { simd: false, threads: 1 } })).toBe('no SIMD, 1 thread');
    expect(backendDetails({ ...base, name: 'webgl', software: true })).toBe('software renderer, no GPU');
  });
});
