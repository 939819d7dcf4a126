import { describe, expect, it } from 'vitest';
import { PIXEL_BUDGET, reduction } from './budget';

describe('reduction', () => {
  it('reduction(12000×9000) → 1/3, 4000×3000 (12 MP, within 16 MP)', () => {
    expect(reduction({ width: 12000, height: 9000 })).toEqual({ factor: 3, size: { width: 4000, height: 3000 } });
  });
  it('reduction(4000×4000, exactly the budget) → as is', () => {
    expect(reduction({ width: 4000, height: 4000 })).toEqual({ factor: 1, size: { width: 4000, height: 4000 } });
  });
  it('reduction(4001×4000, just over) → 1/2', () => expect(reduction({ width: 4001, height: 4000 }).factor).toBe(2));
  it('reduction(1×1) → as is', () => expect(reduction({ width: 1, height: 1 }).factor).toBe(1));
  it('reduction(100000×1) keeps at least one pixel each way', () => {
    expect(reduction({ width: 100_000, height: 1 }, 1000).size).toEqual({ width: 10_000, height: 1 });
  });
  it('the reduced size is always within the budget', () => {
    for (const [width, height] of [[12000, 9000], [16320, 12240], [30000, 2000], [5000, 3334]]) {
      const { size } = reduction({ width, height });
      expect(size.width * size.height).toBeLessThanOrEqual(PIXEL_BUDGET * 1.001);
    }
  });
});
