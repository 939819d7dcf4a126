import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { MINUS_ONE_TO_ONE } from '../../model/input-preparation';
import { inputKey, inputTensor } from './input';
import { median, topClasses } from './stats';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('median', () => {
  it.each([
    [[3, 1, 2], 2],
    [[4, 1, 3, 2], 2.5],
    [[], Number.NaN],
  ])('median(%j) = %s', (samples, expected) => {
    expect(median(samples)).toBe(expected);
  });
});

describe('topClasses', () => {
  it('orders the best scores first', () => {
    expect(topClasses([0.1, 0.6, 0.3], 2)).toEqual([
      { index: 1, probability: 0.6 },
      { index: 2, probability: 0.3 },
    ]);
  });
});

describe('inputTensor', () => {
  it('draws a seeded random input in [-1, 1]', () => {
    const a = inputTensor({ kind: 'random', seed: 5 }, [8, 8, 3], MINUS_ONE_TO_ONE);
    const b = inputTensor({ kind: 'random', seed: 5 }, [8, 8, 3], MINUS_ONE_TO_ONE);
    expect(a.shape).toEqual([1, 8, 8, 3]);
    expect(Array.from(a.dataSync())).toEqual(Array.from(b.dataSync()));
    expect(Math.max(...a.dataSync().map(Math.abs))).toBeLessThanOrEqual(1);
    tf.dispose([a, b]);
  });

  it('resizes RGBA pixels (the seam for uploaded images) and scales them to [-1, 1]', () => {
    const white = new Uint8ClampedArray(4 * 4 * 4).fill(255);
    const x = inputTensor({ kind: 'pixels', width: 4, height: 4, data: white }, [2, 2, 3], MINUS_ONE_TO_ONE);
    expect(x.shape).toEqual([1, 2, 2, 3]);
    expect(Array.from(x.dataSync())).toEqual(Array(12).fill(1));
    x.dispose();
    expect(() => inputTensor({ kind: 'pixels', width: 4, height: 4, data: white.slice(4) }, [2, 2, 3], MINUS_ONE_TO_ONE)).toThrow(
      'expected 4×4×4 RGBA values, got 60',
    );
    expect(inputKey({ kind: 'random', seed: 5 })).toBe('random:5');
  });
});
