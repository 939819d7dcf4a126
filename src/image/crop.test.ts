import { describe, expect, it } from 'vitest';
import { centerSquare } from './crop';

describe('centerSquare', () => {
  it('centerSquare(640×480) → 480×480 at x 80', () => expect(centerSquare(640, 480)).toEqual({ x: 80, y: 0, side: 480 }));
  it('centerSquare(480×640) → 480×480 at y 80', () => expect(centerSquare(480, 640)).toEqual({ x: 0, y: 80, side: 480 }));
  it('centerSquare(32×32) → the whole image', () => expect(centerSquare(32, 32)).toEqual({ x: 0, y: 0, side: 32 }));
  it('centerSquare(5×2) → an odd margin rounds down (x 1)', () => expect(centerSquare(5, 2)).toEqual({ x: 1, y: 0, side: 2 }));
  it('centerSquare(1×1)', () => expect(centerSquare(1, 1)).toEqual({ x: 0, y: 0, side: 1 }));
});
