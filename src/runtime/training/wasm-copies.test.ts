import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { startNodeBackend } from '../../node/tf-node';
import { copyPart, samplePixels } from './wasm-copies';

describe('copyPart', () => {
  it('copies a range of one axis, short and long runs alike', () => {
    // 2×3×4, parts of axis 1 (runs of 4 and 8) and of axis 2 (runs of 1 and 3).
    const x = Float32Array.from({ length: 24 }, (_, i) => i);
    const out = new Float32Array(16);
    copyPart(x, [2, 3, 4], 1, 1, 2, out);
    expect(Array.from(out)).toEqual([4, 5, 6, 7, 8, 9, 10, 11, 16, 17, 18, 19, 20, 21, 22, 23]);
    const last = new Float32Array(6);
    copyPart(x, [2, 3, 4], 2, 1, 1, last);
    expect(Array.from(last)).toEqual([1, 5, 9, 13, 17, 21]);
    const long = Float32Array.from({ length: 2 * 100 }, (_, i) => i);
    const tail = new Float32Array(2 * 70);
    copyPart(long, [2, 100], 1, 30, 70, tail);
    expect(Array.from(tail)).toEqual([...Array.from({ length: 70 }, (_, i) => 30 + i), ...Array.from({ length: 70 }, (_, i) => 130 + i)]);
  });
});

describe('SplitV on WASM', () => {
  beforeAll(async () => {
    await startNodeBackend('wasm');
  }, 60_000);

  const cases: [number[], number[] | number, number][] = [
    [[2, 4, 4, 10], [3, 5, 2], 3],
    [[2, 4, 4, 10], [1, 3], 1],
    [[3, 5], 5, 1],
    [[2, 3, 200], [120, -1], -1],
  ];
  for (const [shape, sizes, axis] of cases) {
    it(`splits ${shape.join('×')} into ${JSON.stringify(sizes)} along axis ${axis} as the CPU backend does`, async () => {
      const parts = async (backend: string) => {
        await tf.setBackend(backend);
        return tf.tidy(() => tf.split(tf.range(0, shape.reduce((p, n) => p * n, 1)).reshape(shape), sizes, axis).map((t) => ({ shape: t.shape, values: Array.from(t.dataSync()) })));
      };
      const expected = await parts('cpu');
      const buffers = tf.engine().backend.numDataIds();
      expect(await parts('wasm')).toEqual(expected);
      expect(tf.engine().backend.numDataIds()).toBe(buffers);
    });
  }

  it('samples every second row and third column as a strided slice does', async () => {
    await tf.setBackend('wasm');
    const x = tf.range(0, 2 * 7 * 8 * 3).reshape([2, 7, 8, 3]);
    const expected = tf.stridedSlice(x, [0, 0, 0, 0], [2, 7, 8, 3], [1, 2, 3, 1]);
    const backend = tf.engine().backend;
    const sampled = samplePixels(backend, { dataId: x.dataId, shape: x.shape, dtype: x.dtype }, 2, 3, 4, 3);
    expect(sampled.shape).toEqual(expected.shape);
    expect(Array.from(backend.readSync(sampled.dataId) as Float32Array)).toEqual(Array.from(expected.dataSync()));
    backend.disposeData(sampled.dataId);
    tf.dispose([x, expected]);
  });
});
