import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { startNodeBackend } from '../../node/tf-node';

/** tf.batchNorm with the given parameters (undefined: left out), read back. */
async function batchNorm(backend: string, shape: number[], withAffine: boolean): Promise<Float32Array> {
  await tf.setBackend(backend);
  const c = shape[shape.length - 1];
  const t = tf.tidy(() => {
    const x = tf.randomNormal(shape, 0.5, 2, 'float32', 1);
    const mean = tf.randomNormal([c], 0, 1, 'float32', 2);
    const variance = tf.randomUniform([c], 0.1, 3, 'float32', 3);
    const offset = withAffine ? tf.randomNormal([c], 0, 1, 'float32', 4) : undefined;
    const scale = withAffine ? tf.randomNormal([c], 1, 0.5, 'float32', 5) : undefined;
    return tf.batchNorm(x, mean, variance, offset, scale, 1e-3);
  });
  const values = (await t.data()) as Float32Array;
  t.dispose();
  return values;
}

const maxError = (a: Float32Array, b: Float32Array) => a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

describe("WASM's FusedBatchNorm, replaced by a SIMD pass for one value per channel", () => {
  beforeAll(async () => {
    await startNodeBackend('wasm');
  }, 60_000);

  // 6 channels: one 4-lane step and a scalar tail; rank 2 as after a dense layer.
  it.each([
    [[2, 3, 3, 6], true],
    [[5, 13], true],
    [[2, 3, 3, 6], false], // no offset or scale: WASM's own kernel
  ])('x %j (offset and scale: %s) matches the CPU backend', async (shape, withAffine) => {
    const wasm = await batchNorm('wasm', shape as number[], withAffine as boolean);
    const cpu = await batchNorm('cpu', shape as number[], withAffine as boolean);
    expect(maxError(wasm, cpu)).toBeLessThan(1e-5);
  });
});
