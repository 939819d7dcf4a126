import { describe, expect, it } from 'vitest';
import { edgePath } from './edge-path';

describe('edgePath', () => {
  it('draws the polyline, then a chevron pointing down its last segment', () => {
    expect(edgePath([[10, 0], [10, 20], [40, 20], [40, 50]])).toBe('M10 0L10 20L40 20L40 50M36.5 44L40 50L43.5 44');
  });

  it('points a horizontal tap edge sideways', () => {
    expect(edgePath([[0, 10], [30, 10]])).toBe('M0 10L30 10M24 13.5L30 10L24 6.5');
  });
});
