// Reading a layer's weights by name from the LayersModel, and folding an inference-mode
// BatchNorm into the kernel and bias of the layer before it.
//
// The folding arithmetic runs in JavaScript (float64, rounded once to float32) on values read
// back from the backend, and the results are uploaded like any weights. Folding with tf ops
// instead took 9 s for Xception on WebGL/SwiftShader (a shader per kernel shape), 0.8 s this way.

import * as tf from '@tensorflow/tfjs';

/**
 * The weights of the layer called `name`, keyed by Keras' weight name (`kernel`, `bias`,
 * `depthwise_kernel`, `gamma`, `moving_mean`, …). The tensors are the LayersModel's own
 * variables: read them, never dispose them.
 */
export function layerWeights(layersModel: tf.LayersModel, name: string): ReadonlyMap<string, tf.Tensor> {
  const layer = layersModel.getLayer(name);
  const values = layer.getWeights();
  // getWeights() follows layer.weights' order; the original name is `<layer>/<weight>`.
  return new Map(layer.weights.map((w, i) => [w.originalName.slice(w.originalName.lastIndexOf('/') + 1), values[i]]));
}

/** Looks a weight up, with an error that names the layer and what it has. */
export function weight(weights: ReadonlyMap<string, tf.Tensor>, layer: string, key: string): tf.Tensor {
  const value = weights.get(key);
  if (!value) throw new Error(`layer "${layer}" has no weight "${key}" (it has: ${[...weights.keys()].join(', ') || 'none'})`);
  return value;
}

/** A BatchNorm at inference, per channel: y = x·scale + shift. */
export interface Affine {
  readonly scale: Float64Array;
  readonly shift: Float64Array;
}

/** scale = γ / √(variance + ε), shift = β − mean·scale: what tf.batchNorm computes, as two vectors. */
export function batchNormAffine(layersModel: tf.LayersModel, name: string, epsilon: number): Affine {
  const w = layerWeights(layersModel, name);
  const [gamma, beta, mean, variance] = ['gamma', 'beta', 'moving_mean', 'moving_variance'].map((key) =>
    weight(w, name, key).dataSync(),
  );
  const scale = Float64Array.from(gamma, (g, c) => g / Math.sqrt(variance[c] + epsilon));
  const shift = Float64Array.from(beta, (b, c) => b - mean[c] * scale[c]);
  return { scale, shift };
}

/**
 * A kernel whose fastest-varying axis is the output channel — conv [kh, kw, cin, cout], dense
 * [cin, units], and depthwise [kh, kw, c, multiplier], whose output channel c·multiplier + m is
 * its last two axes flattened — multiplied by a per-output-channel scale.
 */
export function scaleKernel(kernel: tf.Tensor, scale: Float64Array, depthwise: boolean): tf.Tensor {
  const shape = kernel.shape;
  const outputs = depthwise ? shape[shape.length - 2] * shape[shape.length - 1] : shape[shape.length - 1];
  if (scale.length !== outputs) {
    throw new Error(`cannot fold a BatchNorm of ${scale.length} channels into a kernel of ${outputs} outputs`);
  }
  const values = kernel.dataSync();
  const folded = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) folded[i] = values[i] * scale[i % outputs];
  return tf.tensor(folded, shape, 'float32');
}

/** The bias after the BatchNorm: bias·scale + shift (just shift when the layer had no bias). */
export function scaleBias(bias: tf.Tensor | undefined, { scale, shift }: Affine): tf.Tensor1D {
  const values = bias?.dataSync();
  return tf.tensor1d(Float32Array.from(shift, (s, c) => (values ? values[c] * scale[c] + s : s)), 'float32');
}

/** A standalone BatchNorm's scale and shift as tensors of shape [channels]. */
export function affineTensors({ scale, shift }: Affine): { scale: tf.Tensor1D; shift: tf.Tensor1D } {
  return { scale: tf.tensor1d(Float32Array.from(scale), 'float32'), shift: tf.tensor1d(Float32Array.from(shift), 'float32') };
}
