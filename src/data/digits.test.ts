import { describe, expect, it } from 'vitest';
import { digitsFromPackage, digitsManifest } from './digits';

describe('the built-in digits', () => {
  // Twenty samples per digit, each filled with the digit's own intensity (d / 10).
  const perDigit = Array.from({ length: 10 }, (_, d) => new Array<number>(20 * 784).fill(d / 10));
  const { train, test } = digitsFromPackage(perDigit);

  it('keep every tenth sample of each digit for testing', () => {
    expect(train.count).toBe(180);
    expect(test.count).toBe(20);
    expect(Array.from(test.labels).sort()).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9]);
  });

  it('centre the 28×28 digit on a 32×32 grey image with a 2-pixel black border', () => {
    expect([train.height, train.width, train.channels]).toEqual([32, 32, 1]);
    const i = train.labels.indexOf(5);
    const image = train.pixels.subarray(i * 1024, (i + 1) * 1024);
    expect(image[0]).toBe(0);
    expect(image[2 * 32 + 1]).toBe(0);
    expect(image[2 * 32 + 2]).toBe(Math.round(255 * 0.5));
    expect(image[29 * 32 + 29]).toBe(Math.round(255 * 0.5));
    expect(image[30 * 32 + 30]).toBe(0);
  });

  it('interleave classes in a fixed order', () => {
    expect(new Set(train.labels.subarray(0, 20)).size).toBeGreaterThan(5);
    expect(digitsFromPackage(perDigit).train.labels).toEqual(train.labels);
    expect(digitsManifest(train, test).splits).toEqual({ train: { file: 'train.bin', count: 180 }, test: { file: 'test.bin', count: 20 } });
  });
});
