import { describe, expect, it } from 'vitest';
import { MINUS_ONE_TO_ONE, prepareRgb } from '../model/input-preparation';
import { makeBatch, seededRandom, shuffledIndices } from './batches';
import type { LabeledImages } from './dataset';

/** Image i of a 4×4 RGB set: pixel (y, x) channel c is 16·y + 4·x + c + i. */
const data: LabeledImages = {
  name: 'grid',
  count: 3,
  height: 4,
  width: 4,
  channels: 3,
  pixels: Uint8Array.from({ length: 3 * 48 }, (_, j) => {
    const i = Math.floor(j / 48);
    const p = j % 48;
    return 16 * Math.floor(p / 12) + 4 * Math.floor((p % 12) / 3) + (p % 3) + i;
  }),
  labels: Uint8Array.from([5, 6, 7]),
  classNames: Array.from({ length: 10 }, (_, i) => String(i)),
};

/** The [-1, 1] preparation of one byte. */
const scalePixel = (byte: number) => byte / 127.5 - 1;

describe('batches', () => {
  it('the same seed gives the same order; different seeds differ; every index once', () => {
    const a = shuffledIndices(100, seededRandom(1));
    expect(shuffledIndices(100, seededRandom(1))).toEqual(a);
    expect(shuffledIndices(100, seededRandom(2))).not.toEqual(a);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('scales bytes to [-1, 1] and keeps labels', () => {
    const { images, labels } = makeBatch(data, [2, 0], MINUS_ONE_TO_ONE);
    expect(Array.from(labels)).toEqual([7, 5]);
    expect(images[0]).toBeCloseTo(scalePixel(2));
    expect(images[48]).toBeCloseTo(scalePixel(0));
    expect(Array.from(prepareRgb([0, 0, 0, 255, 255, 255], MINUS_ONE_TO_ONE))).toEqual([-1, -1, -1, 1, 1, 1]);
  });

  it('flips and shifts with zero padding, the same way for the same seed', () => {
    const flipOnly = makeBatch(data, [0], MINUS_ONE_TO_ONE, { crop: 0, flip: true }, () => 0.1); // random() < 0.5: flipped
    expect(flipOnly.images[0]).toBeCloseTo(scalePixel(12)); // (0, 0) now shows (0, 3)
    // crop 1 with random() = 0: shift −1 in y and x, so row 0 and column 0 are padding.
    const shifted = makeBatch(data, [0], MINUS_ONE_TO_ONE, { crop: 1, flip: false }, () => 0);
    expect(shifted.images[0]).toBe(-1);
    expect(shifted.images[(1 * 4 + 1) * 3]).toBeCloseTo(scalePixel(0));
    const first = makeBatch(data, [0, 1, 2], MINUS_ONE_TO_ONE, { crop: 1, flip: true }, seededRandom(9));
    expect(makeBatch(data, [0, 1, 2], MINUS_ONE_TO_ONE, { crop: 1, flip: true }, seededRandom(9))).toEqual(first);
  });

  it('repeats a grey channel on red, green and blue', () => {
    const grey: LabeledImages = { ...data, channels: 1, pixels: Uint8Array.from({ length: 48 }, (_, i) => i) };
    const { images } = makeBatch(grey, [0], MINUS_ONE_TO_ONE);
    expect(Array.from(images.subarray(3, 6)).map((v) => Math.round((v + 1) * 127.5))).toEqual([1, 1, 1]);
  });
});
