import { describe, expect, it } from 'vitest';
import { concatImages, sliceImages, classCounts, type LabeledImages } from './dataset';
import { decodeImageSet, encodeImageSet, ImageSetError, type ImageSetManifest } from './image-set';

const images = (labels: number[], name = 'set'): LabeledImages => ({
  name,
  count: labels.length,
  height: 2,
  width: 2,
  channels: 1,
  pixels: Uint8Array.from({ length: labels.length * 4 }, (_, i) => i),
  labels: Uint8Array.from(labels),
  classNames: ['a', 'b', 'c'],
});

const manifest: ImageSetManifest = {
  name: 'Tiny',
  height: 2,
  width: 2,
  channels: 1,
  classNames: ['a', 'b', 'c'],
  splits: { train: { file: 'train.bin', count: 3 } },
  source: 'a test',
};

describe('image sets', () => {
  it('round-trip: labels first, then pixels', () => {
    const data = images([2, 0, 1]);
    const bytes = encodeImageSet(data);
    expect(Array.from(bytes.subarray(0, 3))).toEqual([2, 0, 1]);
    const back = decodeImageSet(bytes, manifest, 'train');
    expect(Array.from(back.labels)).toEqual([2, 0, 1]);
    expect(back.pixels).toEqual(data.pixels);
    expect(back.name).toBe('Tiny train');
  });

  it('say what is wrong with a file of the wrong size, a bad label or a missing split', () => {
    expect(() => decodeImageSet(new Uint8Array(10), manifest, 'train')).toThrow('Tiny train: 10 bytes, expected 15 (3 images of 2×2×1).');
    const bytes = encodeImageSet(images([2, 0, 1]));
    bytes[1] = 7;
    expect(() => decodeImageSet(bytes, manifest, 'train')).toThrow(/image 1 has label 7, but there are 3 classes/);
    expect(() => decodeImageSet(bytes, manifest, 'test')).toThrow(ImageSetError);
  });

  it('slice, join and count', () => {
    const joined = concatImages([images([0, 1]), images([2])], 'joined');
    expect(joined.count).toBe(3);
    expect(Array.from(joined.labels)).toEqual([0, 1, 2]);
    expect(Array.from(joined.pixels.subarray(8, 12))).toEqual([0, 1, 2, 3]);
    const slice = sliceImages(joined, 1, 5);
    expect(slice.count).toBe(2);
    expect(Array.from(slice.pixels.subarray(0, 4))).toEqual([4, 5, 6, 7]);
    expect(classCounts(joined)).toEqual([1, 1, 1]);
    expect(() => concatImages([images([0]), { ...images([0]), height: 3 }], 'x')).toThrow(/2×2×1/);
  });
});
