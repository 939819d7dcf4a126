import { describe, expect, it } from 'vitest';
import { explore, matchingPreset, startInput, withOption, withPreset } from './explore';
import { formatShare } from './format';
import { visibleRows } from './rows';

describe('explore', () => {
  it('explore(googlenet defaults) gives the paper totals and 17 top-level rows', () => {
    const result = explore(startInput('googlenet'));
    if (!result.ok) throw new Error(result.message);
    expect(result.analysis.totals.params).toBe(6_998_552);
    expect(result.analysis.totals.macs).toBe(1_582_671_872);
    expect(result.rows.map((row) => row.id)).toHaveLength(17);
    expect(result.rows.reduce((sum, row) => sum + row.share, 0)).toBeCloseTo(1, 12);
  });

  it('explore(xception, input 2) is rejected with the layer that cannot fit', () => {
    const result = explore(withOption(startInput('xception'), 'input', '2'));
    expect(result).toEqual({ ok: false, message: expect.stringContaining('block1_conv1') });
  });

  it('explore(bad option text) is rejected with the valid values', () => {
    const result = explore(withOption(startInput('googlenet'), 'bn', 'maybe'));
    expect(result).toEqual({ ok: false, message: expect.stringContaining('valid values: off, on') });
  });
});

describe('presets', () => {
  it('withPreset(torchvision) sets bn and branch5x5 and keeps the rest at defaults', () => {
    const input = withPreset(startInput('googlenet'), 'torchvision');
    expect(input.text).toMatchObject({ bn: 'on', branch5x5: '3x3', inception: 'bottleneck', input: '224' });
    const result = explore(input);
    expect(result.ok && result.analysis.totals.trainable).toBe(6_624_904);
  });

  it('matchingPreset names the preset the options equal, after parsing', () => {
    const paper = startInput('googlenet');
    expect(matchingPreset(paper)).toBe('paper');
    expect(matchingPreset(withOption(paper, 'input', '224.0'))).toBe('paper');
    expect(matchingPreset(withOption(paper, 'bn', 'on'))).toBeUndefined();
    expect(matchingPreset(withOption(withOption(paper, 'bn', 'on'), 'branch5x5', '3x3'))).toBe('torchvision');
    expect(matchingPreset(withOption(paper, 'input', 'x'))).toBeUndefined();
  });
});

describe('visibleRows', () => {
  it('visibleRows shows branches only under expanded modules', () => {
    const result = explore(startInput('googlenet'));
    if (!result.ok) throw new Error(result.message);
    expect(visibleRows(result.rows, new Set())).toHaveLength(17);
    const open = visibleRows(result.rows, new Set(['inception_3a']));
    expect(open).toHaveLength(21);
    expect(open.filter((r) => r.depth === 1).map((r) => r.row.path)).toEqual([
      'inception_3a/1x1',
      'inception_3a/3x3',
      'inception_3a/5x5',
      'inception_3a/pool',
    ]);
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
