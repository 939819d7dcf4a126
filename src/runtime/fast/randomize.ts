// Non-trivial weights for checking the fast path: a freshly built LayersModel's BatchNorms are the
// identity (γ 1, β 0, mean 0, variance 1) and its biases zero, which would leave folding untested.

import * as tf from '@tensorflow/tfjs';
import { seededRandom } from '../../data/batches';

/** Per-weight ranges [low, high) by Keras weight name; kernels keep their initializer's values. */
const RANGES: Readonly<Record<string, readonly [number, number]>> = {
  bias: [-0.2, 0.2],
  gamma: [0.5, 1.5],
  beta: [-0.3, 0.3],
  moving_mean: [-0.3, 0.3],
  moving_variance: [0.5, 2],
};

/**
 * Sets every bias and BatchNorm weight of the model to seeded random values in RANGES, so that
 * each BatchNorm is a different affine map per channel.
 */
export function randomizeBiasesAndBatchNorms(layersModel: tf.LayersModel, seed = 7): void {
  const next = seededRandom(seed);
  for (const layer of layersModel.layers) {
    const keys = layer.weights.map((w) => w.originalName.slice(w.originalName.lastIndexOf('/') + 1));
    if (!keys.some((key) => key in RANGES)) continue;
    const created: tf.Tensor[] = [];
    const values = layer.getWeights().map((value, i) => {
      const range = RANGES[keys[i]];
      if (!range) return value;
      const data = Float32Array.from({ length: value.size }, () => range[0] + (range[1] - range[0]) * next());
      const fresh = tf.tensor(data, value.shape);
      created.push(fresh);
      return fresh;
    });
    // setWeights copies into the variables; free the new tensors, never the variables themselves.
    layer.setWeights(values);
    tf.dispose(created);
  }
}
