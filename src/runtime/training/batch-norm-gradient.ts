// A leaner gradient for FusedBatchNorm, the same mathematics as tfjs-core's. Training a BatchNorm
// net spends much of its backward pass here: tfjs-core tiles 1/σ to the full activation shape and
// forms three full-size products before summing them. Here the per-channel factors broadcast, and
// the two sums the parameter gradients need, Σdy and Σ(x − μ)·dy, are each taken once.

import * as tf from '@tensorflow/tfjs';

const batchNormGradient: tf.GradConfig = {
  kernelName: 'FusedBatchNorm',
  inputsToSave: ['x', 'mean', 'variance', 'scale'],
  gradFunc: (dy, saved, attrs) => {
    const gradient = Array.isArray(dy) ? dy[0] : dy;
    const { varianceEpsilon } = attrs as unknown as { varianceEpsilon: number };
    const [x, mean, variance, scale] = saved;
    const scaleValue = scale ?? tf.scalar(1);
    const axes = tf.backend_util.getReductionAxes(mean.shape, x.shape);
    const sumToMean = (t: tf.Tensor) => (mean.rank === 1 && axes.length > 0 ? t.sum(axes) : t).reshape(mean.shape);

    const rsqrt = tf.rsqrt(tf.add(variance, varianceEpsilon));
    // Computed here, not inside the lazy per-input functions: the engine runs each of those in its
    // own tidy, so a tensor one of them cached would be gone when the next one used it.
    const sumDy = sumToMean(gradient);
    const sumDyXMinusMean = sumToMean(tf.mul(gradient, tf.sub(x, mean)));

    return {
      x: () => tf.mul(gradient, tf.mul(rsqrt, scaleValue)).reshape(x.shape),
      mean: () => tf.mul(tf.neg(tf.mul(rsqrt, scaleValue)), sumDy).reshape(mean.shape),
      variance: () => tf.mul(tf.mul(tf.pow(rsqrt, 3), tf.mul(scaleValue, -0.5)), sumDyXMinusMean).reshape(mean.shape),
      scale: () => tf.mul(rsqrt, sumDyXMinusMean).reshape(mean.shape),
      offset: () => sumDy.clone(),
    };
  },
};

let registered = false;

/** Replaces tfjs-core's FusedBatchNorm gradient (for every backend: it is pure tfjs ops). */
export function registerBatchNormGradient(): void {
  if (registered) return;
  registered = true;
  tf.registerGradient(batchNormGradient);
}
