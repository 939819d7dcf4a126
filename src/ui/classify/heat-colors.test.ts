import { describe, expect, it } from 'vitest';
import { heatPixels } from './heat-colors';

describe('heatPixels', () => {
  it('gives four opaque bytes per value, cold for 0 and warm for 1, and clamps', () => {
    const pixels = heatPixels([0, 1, -3, 7]);
    expect(pixels.length).toBe(16);
    const [r0, , b0, a0] = pixels.slice(0, 4);
    const [r1, , b1] = pixels.slice(4, 8);
    expect(a0).toBe(255);
    expect(b0).toBeGreaterThan(r0); // blue
    expect(r1).toBeGreaterThan(b1); // red
    expect([...pixels.slice(8, 12)]).toEqual([...pixels.slice(0, 4)]);
    expect([...pixels.slice(12, 16)]).toEqual([...pixels.slice(4, 8)]);
  });
});
