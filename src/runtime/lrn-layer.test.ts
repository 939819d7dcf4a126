import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LRN } from './lrn-layer';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const args = { name: 'norm', size: 3, alpha: 0.3, beta: 0.75, bias: 2 };

/** Caffe's ACROSS_CHANNELS LRN written out, for one pixel. */
function caffeLrn(a: readonly number[], { size, alpha, beta, bias }: typeof args): number[] {
  const half = (size - 1) / 2;
  return a.map((value, c) => {
    let squares = 0;
    for (let j = Math.max(0, c - half); j <= Math.min(a.length - 1, c + half); j++) squares += a[j] ** 2;
    return value / (bias + (alpha / size) * squares) ** beta;
  });
}

describe('LRN', () => {
  it('computes Caffe\'s formula (alpha divided by the window size)', () => {
    const a = [1, -2, 3, 0.5, 4];
    const layer = new LRN(args);
    const actual = tf.tidy(() => (layer.apply(tf.tensor4d(a, [1, 1, 1, 5])) as tf.Tensor).dataSync());
    const expected = caffeLrn(a, args);
    expected.forEach((value, c) => expect(actual[c]).toBeCloseTo(value, 5));
  });

  it('rejects an even window', () => {
    expect(() => new LRN({ ...args, size: 4 })).toThrow(/positive odd integer, got 4/);
  });

  it('survives a topology round trip (registered class, config kept)', async () => {
    const input = tf.input({ shape: [4, 4, 8] });
    const model = tf.model({ inputs: input, outputs: new LRN(args).apply(input) as tf.SymbolicTensor });
    const restored = await tf.models.modelFromJSON(model.toJSON(null, false) as Parameters<typeof tf.models.modelFromJSON>[0]);
    expect(restored.getLayer('norm').getConfig()).toMatchObject({ size: 3, alpha: 0.3, beta: 0.75, bias: 2 });
    model.dispose();
    restored.dispose();
  });
});
