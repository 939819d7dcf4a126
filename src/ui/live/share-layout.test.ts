import { describe, expect, it } from 'vitest';
import { analyze } from '../../analysis/counts';
import { configure } from '../../model';
import type { ProfileResult } from '../../runtime/worker/protocol';
import { shareLayout, shareRows } from './share-layout';

const analysis = analyze(configure('googlenet', {}).model);
const profile: ProfileResult = {
  backend: 'wasm',
  runs: 3,
  modules: analysis.root.children.map((m, i) => ({ path: m.path, ms: i === 0 ? 20 : 5, samples: [] })),
  totalMs: 20 + 5 * (analysis.root.children.length - 1),
};

describe('shareRows', () => {
  it('puts each module\'s MAC share beside its time share', () => {
    const rows = shareRows(analysis, profile);
    expect(rows.map((r) => r.path)).toEqual(analysis.root.children.map((m) => m.path));
    const conv1 = rows[0];
    expect(conv1).toMatchObject({ path: 'conv1', macs: 118_013_952, ms: 20 });
    expect(conv1.macShare).toBeCloseTo(118_013_952 / 1_582_671_872, 12);
    expect(conv1.timeShare).toBeCloseTo(20 / 100, 12);
    expect(rows.find((r) => r.path === 'pool1')).toMatchObject({ macs: 0, macShare: 0 });
    expect(rows.reduce((s, r) => s + r.timeShare, 0)).toBeCloseTo(1, 12);
  });
});

describe('shareLayout', () => {
  it('gives every module a band, with bar lengths proportional to the shares', () => {
    const rows = shareRows(analysis, profile);
    const layout = shareLayout(rows, 560);
    expect(layout.bars).toHaveLength(17);
    const [conv1, pool1] = layout.bars;
    expect(pool1.y).toBeGreaterThan(conv1.y);
    expect(pool1.macBar.width).toBe(0);
    expect(conv1.timeBar.width / conv1.macBar.width).toBeCloseTo(conv1.row.timeShare / conv1.row.macShare, 6);
    expect(conv1.timeBar.y).toBe(conv1.y + layout.barHeight);
    expect(Math.max(...layout.bars.map((b) => layout.left + Math.max(b.macBar.width, b.timeBar.width)))).toBeLessThanOrEqual(560);
    expect(layout.ticks[0]).toEqual({ share: 0, x: layout.left });
  });
});
