import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { startNodeBackend } from '../../node/tf-node';
import { batchNormInTraining, installBatchNormInTraining } from './batch-norm-training';
import { BATCH_NORM_STATISTICS, BATCH_NORM_TRAINING_GRADIENT, hasWasmBatchNormKernels } from './wasm-batch-norm';

const EPSILON = 1e-3;

/** max |a − b| / max |b|. */
function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let [diff, scale] = [0, 0];
  for (let i = 0; i < a.length; i++) [diff, scale] = [Math.max(diff, Math.abs(a[i] - b[i])), Math.max(scale, Math.abs(b[i]))];
  return diff / scale;
}

/** BatchNorm on the batch's statistics, op by op, as tfjs-layers computes it in training. */
function opByOp(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor): tf.Tensor {
  const { mean, variance } = tf.moments(x, [0, 1, 2]);
  return tf.batchNorm(x, mean, variance, beta as tf.Tensor1D, gamma as tf.Tensor1D, EPSILON);
}

type Forward = (x: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => tf.Tensor;

/** Output, batch statistics and the gradients of Σ f(x)·dy for x, γ, β, read back as arrays. */
function evaluate(f: Forward, stats: (x: tf.Tensor) => tf.Tensor[], shape: number[]): Float32Array[] {
  return tf.tidy(() => {
    const c = shape[3];
    const x = tf.randomNormal(shape, 1, 2, 'float32', 7);
    const gamma = tf.randomUniform([c], -1.5, 1.5, 'float32', 8);
    const beta = tf.randomUniform([c], -0.5, 0.5, 'float32', 9);
    const dy = tf.randomNormal(shape, 0, 1, 'float32', 3);
    const grads = tf.grads((a: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(f(a, g, b), dy)))([x, gamma, beta]);
    return [f(x, gamma, beta), ...stats(x), ...grads].map((t) => t.dataSync() as Float32Array);
  });
}

const fusedForward: Forward = (a, g, b) => batchNormInTraining(a, g as tf.Tensor1D, b as tf.Tensor1D, EPSILON).y;
const fusedStats = (x: tf.Tensor) => {
  const c = x.shape[3] as number;
  const { mean, variance } = batchNormInTraining(x, tf.ones([c]), tf.zeros([c]), EPSILON);
  return [mean, variance];
};
const momentStats = (x: tf.Tensor) => Object.values(tf.moments(x, [0, 1, 2]));
const OUTPUTS = ['y', 'mean', 'variance', 'dx', 'dgamma', 'dbeta'];

// 3 channels: only the SIMD kernels' scalar tail; 6: one 4-lane step and a tail. 648 rows: more
// than one of the kernels' 256-row blocks.
const SHAPES = [
  [4, 5, 5, 3],
  [8, 9, 9, 6],
  [2, 4, 4, 32],
];

describe.each(['cpu', 'wasm'])('batchNormInTraining on %s', (backend) => {
  beforeAll(async () => {
    await startNodeBackend(backend as 'cpu' | 'wasm');
  }, 60_000);

  for (const shape of SHAPES) {
    it(`x ${shape.join('×')}: output, statistics and gradients match tf.moments, tf.batchNorm and the op-by-op gradient on CPU`, async () => {
      await tf.setBackend(backend);
      const fused = evaluate(fusedForward, fusedStats, shape);
      await tf.setBackend('cpu');
      const reference = evaluate(opByOp, momentStats, shape);
      OUTPUTS.forEach((name, i) => expect(relativeError(fused[i], reference[i]), name).toBeLessThan(name.startsWith('d') ? 1e-4 : 1e-5));
    });
  }

  it('makes a BatchNormalization layer train with it and follow the batch statistics', async () => {
    await tf.setBackend(backend);
    installBatchNormInTraining();
    const x = tf.randomNormal([4, 5, 5, 3], 1, 2, 'float32', 7);
    const layer = tf.layers.batchNormalization({ momentum: 0.9, epsilon: EPSILON });
    layer.build(x.shape);
    const before = tf.memory().numTensors;
    const y = tf.tidy(() => layer.apply(x, { training: true }) as tf.Tensor);
    expect(tf.memory().numTensors, 'only the output is left').toBe(before + 1);
    const [gammaValue, betaValue, movingMean, movingVariance] = layer.getWeights();
    const close = async (a: tf.Tensor, b: tf.Tensor) => relativeError(await a.data(), await b.data());
    expect(await close(y, opByOp(x, gammaValue, betaValue))).toBeLessThan(1e-5);
    const moments = tf.moments(x, [0, 1, 2]);
    // From the initial 0 and 1: 0.9·old + 0.1·batch.
    expect(await close(movingMean, tf.mul(moments.mean, 0.1))).toBeLessThan(1e-5);
    expect(await close(movingVariance, tf.add(tf.mul(moments.variance, 0.1), 0.9))).toBeLessThan(1e-5);
    // Inference still uses the moving statistics.
    const inference = layer.apply(x, { training: false }) as tf.Tensor;
    expect(await close(inference, tf.batchNorm(x, movingMean, movingVariance, betaValue, gammaValue, EPSILON))).toBeLessThan(1e-6);
  });
});

describe('BatchNorm in training on WASM', () => {
  it('runs as the two SIMD kernels, and frees what they allocate', async () => {
    await startNodeBackend('wasm');
    expect(hasWasmBatchNormKernels()).toBe(true);
    const x = tf.randomNormal([2, 4, 4, 8]);
    const [gamma, beta] = [tf.ones([8]) as tf.Tensor1D, tf.zeros([8]) as tf.Tensor1D];
    const step = () => {
      let statistics: tf.Tensor[] = [];
      const grads = tf.grads((a: tf.Tensor) => {
        const { y, mean, variance } = batchNormInTraining(a, gamma, beta, EPSILON);
        statistics = [mean, variance]; // kept for the caller, as the layer's moving averages use them
        return tf.sum(y);
      })([x]);
      tf.dispose(statistics);
      return grads;
    };
    tf.dispose(step());
    const buffers = tf.engine().backend.numDataIds();
    const profile = await tf.profile(() => step());
    const kernels = profile.kernels.map((k) => k.name);
    expect(kernels).toContain(BATCH_NORM_STATISTICS);
    expect(kernels).toContain(BATCH_NORM_TRAINING_GRADIENT);
    expect(kernels).not.toContain('Mean');
    tf.dispose(profile.result as tf.Tensor[]);
    expect(tf.engine().backend.numDataIds()).toBe(buffers);
  });
});
