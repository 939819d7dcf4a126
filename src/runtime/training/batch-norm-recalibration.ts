// "Precise BatchNorm" (Wu & Johnson, "Rethinking 'Batch' in BatchNorm", 2021): before an
// evaluation, the moving mean and variance of every BatchNorm layer are recomputed as the plain
// average of the batch statistics over some training batches, with the weights as they are now.
// The moving averages training keeps (momentum 0.9) mostly hold the statistics of weights from
// ten or more steps ago; early in a run, when each step changes the weights a lot, those are
// far from the current ones and validation measures the stale statistics, not the network
// (measured on the digits: a 10-step GoogLeNet no-reduce run predicting one or two classes
// for every image; see README).

import * as tf from '@tensorflow/tfjs';
import { makeBatch, shuffledIndices } from '../../data/batches';
import type { LabeledImages } from '../../data/dataset';
import type { InputPreparation } from '../../model/input-preparation';

export interface RecalibrationOptions {
  /** Images per forward pass: the training batch size, as the statistics are batch statistics. */
  readonly batchSize: number;
  /** How many training images in all (at most the dataset). */
  readonly images: number;
  /** Chooses the images; give one of its own, so training's own random sequence is untouched. */
  readonly random: () => number;
  /** How images become the network's input, as in training. */
  readonly input: InputPreparation;
}

/** The fields of tfjs-layers' BatchNormalization used here (public in Keras, untyped in tfjs). */
interface BatchNormLayer {
  momentum: number;
}

/** Every BatchNormalization layer of `model`, in nested models too. */
export function batchNormLayers(model: tf.LayersModel): BatchNormLayer[] {
  return model.layers.flatMap((layer) => {
    if (layer instanceof tf.LayersModel) return batchNormLayers(layer);
    return layer.getClassName() === 'BatchNormalization' ? [layer as unknown as BatchNormLayer] : [];
  });
}

/**
 * Sets every BatchNorm layer's moving mean and variance to the mean of its batch statistics over
 * `images` training images (no augmentation), in batches of `batchSize`; returns the number of
 * batches used (0 when the model has no BatchNorm). Nothing else changes.
 */
export function recalibrateBatchNorm(model: tf.LayersModel, data: LabeledImages, options: RecalibrationOptions): number {
  const layers = batchNormLayers(model);
  const images = Math.min(options.images, data.count);
  if (layers.length === 0 || images === 0) return 0;
  // Equal batches, so that each batch's statistics weigh the same; a remainder is left out.
  const size = Math.max(1, Math.min(options.batchSize, images));
  const batches = Math.floor(images / size);
  const order = shuffledIndices(data.count, options.random);
  const momenta = layers.map((layer) => layer.momentum);
  try {
    for (let k = 0; k < batches; k++) {
      // The layers update moving ← moving·m + batch·(1 − m); with m = k/(k+1) for the k-th batch
      // (from 0) the moving value is the running mean of the batch statistics: the first batch
      // replaces the old value, the second counts half, and so on.
      for (const layer of layers) layer.momentum = k / (k + 1);
      const { images: pixels } = makeBatch(data, order.subarray(k * size, (k + 1) * size), options.input);
      tf.tidy(() => {
        // Training mode: each BatchNorm normalizes with its batch's statistics, as in training, and updates its moving ones.
        model.apply(tf.tensor4d(pixels, [size, data.height, data.width, 3]), { training: true });
      });
    }
  } finally {
    layers.forEach((layer, i) => (layer.momentum = momenta[i]));
  }
  return batches;
}
