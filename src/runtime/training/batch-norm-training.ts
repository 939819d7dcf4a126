// BatchNorm in training as one differentiable op. tfjs-layers normalizes a training batch with
// tf.moments and tf.batchNorm, so the backward pass runs through the batch statistics op by op
// (Mean, Sub, Square, Mean, each with its own full-size gradient, then the three paths to dx added
// up): about fifteen passes over the activation per layer. With the gradient written out
// (Ioffe & Szegedy 2015, section 3) it is seven: dβ = Σdy, dγ = Σdy·x̂, and
// dx = γ/σ · (dy − dβ/N − x̂·dγ/N). Same mathematics, so the same training; a unit test checks it
// against the op-by-op gradient.

import * as tf from '@tensorflow/tfjs';
import { BATCH_NORM_STATISTICS, BATCH_NORM_TRAINING_GRADIENT, hasWasmBatchNormKernels } from './wasm-batch-norm';

export interface BatchNormTraining {
  readonly y: tf.Tensor;
  /** The batch's per-channel mean and (biased) variance, for the moving averages; no gradient. */
  readonly mean: tf.Tensor1D;
  readonly variance: tf.Tensor1D;
}

/** Normalizes x (channels last) with its own batch statistics, then scales by gamma and shifts by beta. */
export function batchNormInTraining(x: tf.Tensor, gamma: tf.Tensor1D, beta: tf.Tensor1D, epsilon: number): BatchNormTraining {
  const axes = x.shape.slice(0, -1).map((_, i) => i);
  const count = x.size / x.shape[x.rank - 1];
  let statistics: [tf.Tensor1D, tf.Tensor1D] | undefined;
  // On WASM the statistics and the gradient are single SIMD kernels (wasm-batch-norm.ts).
  const fused = x.dtype === 'float32' && hasWasmBatchNormKernels();
  const op = tf.customGrad((input, scale, offset, save) => {
    const { mean, variance } = fused ? wasmStatistics(input as tf.Tensor) : tf.moments(input as tf.Tensor, axes);
    // Kept past the op's own scope for the moving averages; the caller disposes them.
    statistics = [tf.keep(mean as tf.Tensor1D), tf.keep(variance as tf.Tensor1D)];
    (save as tf.GradSaveFunc)([input as tf.Tensor, mean, variance, scale as tf.Tensor]);
    return {
      value: tf.batchNorm(input as tf.Tensor, mean, variance, offset as tf.Tensor1D, scale as tf.Tensor1D, epsilon),
      gradFunc: (dy, saved) => {
        const [xs, mu, sigma2, g] = saved;
        if (fused) {
          const inputs = { x: xs, dy: dy as tf.Tensor, mean: mu, variance: sigma2, gamma: g };
          return tf.engine().runKernel(BATCH_NORM_TRAINING_GRADIENT, inputs, { epsilon }) as tf.Tensor[];
        }
        const rstd = tf.rsqrt(tf.add(sigma2, epsilon));
        const centered = tf.sub(xs, mu);
        const sumDy = tf.sum(dy, axes);
        const sumDyCentered = tf.sum(tf.mul(dy, centered), axes);
        // dx = γ·rstd · (dy − Σdy/N − (x − μ)·rstd²·Σdy(x − μ)/N)
        const perCentered = tf.mul(tf.square(rstd), tf.div(sumDyCentered, count));
        const dx = tf.mul(tf.sub(tf.sub(dy, tf.div(sumDy, count)), tf.mul(centered, perCentered)), tf.mul(g, rstd));
        return [dx, tf.mul(sumDyCentered, rstd), sumDy];
      },
    };
  });
  const y = op(x, gamma, beta);
  const [mean, variance] = statistics!;
  return { y, mean, variance };
}

function wasmStatistics(x: tf.Tensor): { mean: tf.Tensor1D; variance: tf.Tensor1D } {
  const [mean, variance] = tf.engine().runKernel(BATCH_NORM_STATISTICS, { x }) as tf.Tensor1D[];
  return { mean, variance };
}

/** The fields of tfjs-layers' BatchNormalization this replacement reads (public in Keras, not typed in tfjs). */
interface BatchNormLayer {
  axis: number;
  center: boolean;
  scale: boolean;
  epsilon: number;
  momentum: number;
  gamma: tf.LayerVariable;
  beta: tf.LayerVariable;
  movingMean: tf.LayerVariable;
  movingVariance: tf.LayerVariable;
}

type Call = (this: BatchNormLayer, inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }) => tf.Tensor;

/** movingValue ← movingValue − (movingValue − value)·(1 − momentum), as tfjs-layers updates it. */
function followInPlace(variable: tf.LayerVariable, value: tf.Tensor, momentum: number): void {
  tf.tidy(() => {
    const current = variable.read();
    variable.write(tf.sub(current, tf.mul(tf.sub(current, value), 1 - momentum)));
  });
}

let installed = false;

/**
 * Makes every tfjs-layers BatchNormalization layer (built here or loaded from a file) normalize a
 * training batch with batchNormInTraining; inference and unusual layers (no centre or scale, or
 * channels not last) keep tfjs-layers' own code. Once, for all backends.
 */
export function installBatchNormInTraining(): void {
  if (installed) return;
  installed = true;
  const prototype = Object.getPrototypeOf(tf.layers.batchNormalization({})) as { call: Call };
  const layersCall = prototype.call;
  prototype.call = function (inputs, kwargs) {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    const channelsLast = this.axis === -1 || this.axis === x.rank - 1;
    if (!kwargs?.training || !channelsLast || !this.center || !this.scale) return layersCall.call(this, inputs, kwargs);
    return tf.tidy(() => {
      const { y, mean, variance } = batchNormInTraining(x, this.gamma.read() as tf.Tensor1D, this.beta.read() as tf.Tensor1D, this.epsilon);
      followInPlace(this.movingMean, mean, this.momentum);
      followInPlace(this.movingVariance, variance, this.momentum);
      tf.dispose([mean, variance]);
      return y;
    });
  };
}
