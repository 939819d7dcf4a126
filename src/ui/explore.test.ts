import { describe, expect, it } from 'vitest';
import { measure } from '../analysis/ops';
import { networks } from '../model';
import { presetText } from '../model';
import { explore, matchingPreset } from './explore';
import { formatShare } from './format';
import { defaultConfig } from './state/url-state';
import type { ConfigText } from '../model';
import { expandablePaths, tableRows } from './table/rows';

const withOption = (config: ConfigText, key: string, value: string): ConfigText => ({
  ...config,
  text: { ...config.text, [key]: value },
});

describe('explore', () => {
  it('explore(googlenet defaults) gives the paper totals', () => {
    const result = explore(defaultConfig('googlenet'));
    if (!result.ok) throw new Error(result.message);
    expect(result.analysis.totals.params).toBe(6_998_552);
    expect(result.analysis.totals.macs).toBe(1_582_671_872);
  });

  it('explore(xception, input 2) is rejected with the layer that cannot fit', () => {
    const config = withOption(defaultConfig('xception'), 'input', '2');
    expect(explore(config)).toEqual({ ok: false, config, message: expect.stringContaining('block1_conv1') });
  });

  it('explore(bad option text) is rejected with the valid values', () => {
    const config = withOption(defaultConfig('googlenet'), 'bn', 'maybe');
    expect(explore(config)).toEqual({ ok: false, config, message: expect.stringContaining('valid values: off, on') });
  });
});

describe('presets', () => {
  it('presetText(torchvision) sets bn and branch5x5 and keeps the rest at defaults', () => {
    const text = presetText(networks.googlenet, 'torchvision');
    expect(text).toMatchObject({ bn: 'on', branch5x5: '3x3', inception: 'bottleneck', input: '224' });
    const result = explore({ network: 'googlenet', text });
    expect(result.ok && result.analysis.totals.trainable).toBe(6_624_904);
  });

  it('matchingPreset names the preset the options equal, after parsing', () => {
    const paper = defaultConfig('googlenet');
    expect(matchingPreset(paper)).toBe('paper');
    expect(matchingPreset(withOption(paper, 'input', '224.0'))).toBe('paper');
    expect(matchingPreset(withOption(paper, 'bn', 'on'))).toBeUndefined();
    expect(matchingPreset(withOption(withOption(paper, 'bn', 'on'), 'branch5x5', '3x3'))).toBe('torchvision');
    expect(matchingPreset(withOption(paper, 'input', 'x'))).toBeUndefined();
  });
});

describe('tableRows', () => {
  it('tableRows shows branches and layers only under expanded modules', () => {
    const result = explore(defaultConfig('googlenet'));
    if (!result.ok) throw new Error(result.message);
    const m = measure(result.analysis, 'macs');
    expect(tableRows(result.analysis, m, new Set())).toHaveLength(17);
    const open = tableRows(result.analysis, m, new Set(['inception_3a']));
    expect(open).toHaveLength(21);
    expect(open.filter((r) => r.depth === 1).map((r) => r.id)).toEqual([
      'inception_3a/1x1',
      'inception_3a/3x3',
      'inception_3a/5x5',
      'inception_3a/pool',
    ]);
    const deep = tableRows(result.analysis, m, new Set(['inception_3a', 'inception_3a/3x3']));
    expect(deep.filter((r) => r.depth === 2).map((r) => r.label)).toEqual(['inception_3a_3x3_reduce', 'inception_3a_3x3']);
    expect(tableRows(result.analysis, m, new Set(expandablePaths(result.analysis)))).toHaveLength(
      17 + result.analysis.modules.length - 17 + result.analysis.layers.length,
    );
  });
});

describe('formatShare', () => {
  it('formatShare rounds to a tenth of a percent but never shows a non-zero share as 0', () => {
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(0.0001)).toBe('<0.1%');
    expect(formatShare(0.22724)).toBe('22.7%');
    expect(formatShare(1)).toBe('100.0%');
  });
});
