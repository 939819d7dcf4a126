// How big a decoded image may be. Decoding allocates 4 bytes per pixel (a 12000×9000 photo is
// 432 MB), and the networks see at most 224×224, so large images are decoded at a whole-number
// fraction of their size; absurd ones (decompression bombs) are refused before decoding.

import type { Size } from './sniff';

/** Above this many pixels an image is decoded at 1/N size (16 MP: a 4920×3264 photo fits). */
export const PIXEL_BUDGET = 16_000_000;
/** Above this many pixels an image is refused: 200 MP covers the largest phone cameras. */
export const MAX_PIXELS = 200_000_000;
/** Files larger than this are refused before being read. */
export const MAX_BYTES = 100e6;

/** The smallest whole factor N that brings `size` within `budget`, and the size at 1/N (1 = as is). */
export function reduction(size: Size, budget = PIXEL_BUDGET): { factor: number; size: Size } {
  const factor = Math.max(1, Math.ceil(Math.sqrt((size.width * size.height) / budget)));
  return {
    factor,
    size: { width: Math.max(1, Math.round(size.width / factor)), height: Math.max(1, Math.round(size.height / factor)) },
  };
}
