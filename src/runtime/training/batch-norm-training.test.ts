import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchNormInTraining, installBatchNormInTraining } from './batch-norm-training';

const EPSILON = 1e-3;

/** max |a − b| / max |b|. */
async function relativeError(a: tf.Tensor, b: tf.Tensor): Promise<number> {
  const [av, bv] = [await a.data(), await b.data()];
  const scale = Math.max(...Array.from(bv, Math.abs));
  return Math.max(...Array.from(av, (v, i) => Math.abs(v - bv[i]))) / scale;
}

/** BatchNorm on the batch's statistics, op by op, as tfjs-layers computes it in training. */
function opByOp(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor): tf.Tensor {
  const { mean, variance } = tf.moments(x, [0, 1, 2]);
  return tf.batchNorm(x, mean, variance, beta as tf.Tensor1D, gamma as tf.Tensor1D, EPSILON);
}

describe('batchNormInTraining', () => {
  beforeAll(async () => {
    tf.enableProdMode();
    await tf.setBackend('cpu');
  });

  const x = tf.randomNormal([4, 5, 5, 3], 1, 2, 'float32', 7);
  const gamma = tf.tensor1d([0.5, 1.5, -1]);
  const beta = tf.tensor1d([0.1, 0, -0.2]);
  const dy = tf.randomNormal([4, 5, 5, 3], 0, 1, 'float32', 3);

  it('gives the same output and batch statistics as tf.moments and tf.batchNorm', async () => {
    const { y, mean, variance } = batchNormInTraining(x, gamma, beta, EPSILON);
    const moments = tf.moments(x, [0, 1, 2]);
    expect(await relativeError(y, opByOp(x, gamma, beta))).toBeLessThan(1e-6);
    expect(await relativeError(mean, moments.mean)).toBeLessThan(1e-6);
    expect(await relativeError(variance, moments.variance)).toBeLessThan(1e-6);
  });

  it('has the gradient of the op-by-op computation for x, gamma and beta', async () => {
    const loss = (f: (x: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => tf.Tensor) => (a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(f(a, g, b), dy));
    const fused = tf.grads(loss((a, g, b) => batchNormInTraining(a, g as tf.Tensor1D, b as tf.Tensor1D, EPSILON).y))([x, gamma, beta]);
    const reference = tf.grads(loss(opByOp))([x, gamma, beta]);
    for (let i = 0; i < 3; i++) expect(await relativeError(fused[i], reference[i]), ['x', 'gamma', 'beta'][i]).toBeLessThan(1e-4);
  });

  it('makes a BatchNormalization layer train with it and follow the batch statistics', async () => {
    installBatchNormInTraining();
    const layer = tf.layers.batchNormalization({ momentum: 0.9, epsilon: EPSILON });
    layer.build(x.shape);
    const before = tf.memory().numTensors;
    const y = tf.tidy(() => layer.apply(x, { training: true }) as tf.Tensor);
    expect(tf.memory().numTensors, 'only the output is left').toBe(before + 1);
    const [gammaValue, betaValue, movingMean, movingVariance] = layer.getWeights();
    expect(await relativeError(y, opByOp(x, gammaValue, betaValue))).toBeLessThan(1e-6);
    const moments = tf.moments(x, [0, 1, 2]);
    // From the initial 0 and 1: 0.9·old + 0.1·batch.
    expect(await relativeError(movingMean, tf.mul(moments.mean, 0.1))).toBeLessThan(1e-6);
    expect(await relativeError(movingVariance, tf.add(tf.mul(moments.variance, 0.1), 0.9))).toBeLessThan(1e-6);
    // Inference still uses the moving statistics.
    const inference = layer.apply(x, { training: false }) as tf.Tensor;
    expect(await relativeError(inference, tf.batchNorm(x, movingMean, movingVariance, betaValue, gammaValue, EPSILON))).toBeLessThan(1e-6);
  });
});
