// Mini-batches for training: a seeded shuffle, and random crop (pad 4, crop back) and horizontal
// flip drawn from the same seeded generator, so two runs with the same seed see the same images
// in the same order with the same augmentation, whatever network they train.

// With its extension: the Vite config loads this file (through vite-plugins/builtin-digits.ts).
import { channelAffine, type InputPreparation } from '../model/input-preparation.ts';
import type { LabeledImages } from './dataset';

/** mulberry32: a small, fast, seedable generator of floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 0..n-1 in a seeded random order (Fisher–Yates). */
export function shuffledIndices(n: number, random: () => number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

export interface Augmentation {
  /** Shift by up to this many pixels (zero-padded), as a random crop of the padded image. */
  readonly crop: number;
  readonly flip: boolean;
}

export const NO_AUGMENTATION: Augmentation = { crop: 0, flip: false };

/**
 * The images at `indices` as a float batch [n, h, w, 3] prepared as the network expects (grey
 * images repeated on the three channels), augmented with `random` when given.
 */
export function makeBatch(
  data: LabeledImages,
  indices: ArrayLike<number>,
  preparation: InputPreparation,
  augmentation: Augmentation = NO_AUGMENTATION,
  random?: () => number,
): { images: Float32Array; labels: Uint8Array } {
  const { height: h, width: w, channels } = data;
  const images = new Float32Array(indices.length * h * w * 3);
  const labels = new Uint8Array(indices.length);
  const { source: order, divisor, offset } = channelAffine(preparation);
  const value = (byte: number, k: number) => byte / divisor[k] - offset[k];
  for (let b = 0; b < indices.length; b++) {
    const index = indices[b];
    labels[b] = data.labels[index];
    const dy = random && augmentation.crop > 0 ? Math.floor(random() * (2 * augmentation.crop + 1)) - augmentation.crop : 0;
    const dx = random && augmentation.crop > 0 ? Math.floor(random() * (2 * augmentation.crop + 1)) - augmentation.crop : 0;
    const flip = random !== undefined && augmentation.flip && random() < 0.5;
    const source = index * h * w * channels;
    const target = b * h * w * 3;
    for (let y = 0; y < h; y++) {
      const sy = y + dy;
      for (let x = 0; x < w; x++) {
        const sx = (flip ? w - 1 - x : x) + dx;
        const out = target + (y * w + x) * 3;
        const inside = sy >= 0 && sy < h && sx >= 0 && sx < w;
        for (let k = 0; k < 3; k++) {
          // Outside the shifted image: black, prepared like any pixel.
          const at = channels === 3 ? source + (sy * w + sx) * 3 + order[k] : source + sy * w + sx;
          images[out + k] = value(inside ? data.pixels[at] : 0, k);
        }
      }
    }
  }
  return { images, labels };
}
