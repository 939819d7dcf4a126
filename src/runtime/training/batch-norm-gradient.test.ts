import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { registerBatchNormGradient } from './batch-norm-gradient';

/** BatchNorm written out in elementwise ops: its gradient comes from their gradients, not FusedBatchNorm's. */
const explicit = (x: tf.Tensor, mean: tf.Tensor, variance: tf.Tensor, offset: tf.Tensor, scale: tf.Tensor) =>
  tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-3))), scale), offset);

describe('the FusedBatchNorm gradient', () => {
  it('equals the gradient of BatchNorm written out, for x, mean, variance, scale and offset', async () => {
    tf.enableProdMode();
    await tf.setBackend('cpu');
    registerBatchNormGradient();
    const x = tf.randomNormal([4, 5, 5, 3], 0, 2, 'float32', 7);
    // As in training: the statistics come from the batch, so gradients flow through them too.
    const loss = (fused: boolean) => (input: tf.Tensor, scale: tf.Tensor, offset: tf.Tensor) => {
      const { mean, variance } = tf.moments(input, [0, 1, 2]);
      const y = fused ? tf.batchNorm(input, mean, variance, offset, scale, 1e-3) : explicit(input, mean, variance, offset, scale);
      return tf.sum(tf.mul(y, tf.randomNormal(y.shape, 0, 1, 'float32', 3)));
    };
    const scale = tf.tensor1d([0.5, 1.5, -1]);
    const offset = tf.tensor1d([0.1, 0, -0.2]);
    const fused = tf.grads(loss(true))([x, scale, offset]);
    const reference = tf.grads(loss(false))([x, scale, offset]);
    for (let i = 0; i < 3; i++) {
      const a = await fused[i].data();
      const b = await reference[i].data();
      const scaleOf = Math.max(...Array.from(b, Math.abs));
      const worst = Math.max(...Array.from(a, (v, j) => Math.abs(v - b[j])));
      expect(worst / scaleOf).toBeLessThan(1e-4);
    }
  });
});
