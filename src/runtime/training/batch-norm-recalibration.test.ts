import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { MINUS_ONE_TO_ONE } from '../../model/input-preparation';
import { makeBatch, seededRandom, shuffledIndices } from '../../data/batches';
import type { LabeledImages } from '../../data/dataset';
import { installBatchNormInTraining } from './batch-norm-training';
import { batchNormLayers, recalibrateBatchNorm } from './batch-norm-recalibration';

/** `count` seeded random 4×4 RGB images, each channel with its own offset and spread. */
function images(count: number): LabeledImages {
  const random = seededRandom(5);
  const pixels = Uint8Array.from({ length: count * 4 * 4 * 3 }, (_, j) => Math.round([30, 120, 200][j % 3] + [20, 60, 40][j % 3] * (random() - 0.5)));
  return { name: 'random', count, height: 4, width: 4, channels: 3, pixels, labels: new Uint8Array(count), classNames: ['a', 'b'] };
}

/** Per-channel mean and biased variance of float images [n, h, w, 3]. */
function statistics(values: Float32Array): { mean: number[]; variance: number[] } {
  const mean = [0, 1, 2].map((c) => values.filter((_, j) => j % 3 === c).reduce((a, b) => a + b, 0) / (values.length / 3));
  const variance = [0, 1, 2].map((c) => values.filter((_, j) => j % 3 === c).reduce((a, b) => a + (b - mean[c]) ** 2, 0) / (values.length / 3));
  return { mean, variance };
}

/** Input → BatchNorm: its moving statistics are those of the images themselves. */
function inputNorm(): tf.LayersModel {
  const input = tf.input({ shape: [4, 4, 3] });
  return tf.model({ inputs: input, outputs: tf.layers.batchNormalization({ momentum: 0.9 }).apply(input) as tf.SymbolicTensor });
}

function convNet(): tf.LayersModel {
  const input = tf.input({ shape: [4, 4, 3] });
  let x = tf.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'same', useBias: false, kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }).apply(input) as tf.SymbolicTensor;
  x = tf.layers.batchNormalization({ momentum: 0.9 }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.reLU().apply(x) as tf.SymbolicTensor;
  x = tf.layers.conv2d({ filters: 5, kernelSize: 3, padding: 'same', useBias: false, kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.batchNormalization({ momentum: 0.9 }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.globalAveragePooling2d({}).apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: tf.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }).apply(x) as tf.SymbolicTensor });
}

const moving = (model: tf.LayersModel, name: 'moving_mean' | 'moving_variance') =>
  Array.from(model.weights.find((w) => w.name.endsWith(name))!.read().dataSync());

describe('recalibrateBatchNorm', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
    installBatchNormInTraining();
  });

  it('sets the moving statistics to those of the data, in one batch', () => {
    const data = images(12);
    const model = inputNorm();
    expect(recalibrateBatchNorm(model, data, { batchSize: 12, images: 12, random: seededRandom(1), input: MINUS_ONE_TO_ONE })).toBe(1);
    const all = statistics(makeBatch(data, Array.from({ length: 12 }, (_, i) => i), MINUS_ONE_TO_ONE).images);
    moving(model, 'moving_mean').forEach((m, c) => expect(m).toBeCloseTo(all.mean[c], 4));
    moving(model, 'moving_variance').forEach((v, c) => expect(v).toBeCloseTo(all.variance[c], 3));
  });

  it('averages the batch statistics over equal batches, leaving out a remainder', () => {
    const data = images(13);
    const model = inputNorm();
    const random = seededRandom(2);
    expect(recalibrateBatchNorm(model, data, { batchSize: 4, images: 13, random, input: MINUS_ONE_TO_ONE })).toBe(3);
    // The same images in the same order: the first 12 of the shuffle, in three batches of 4.
    const order = shuffledIndices(13, seededRandom(2));
    const batches = [0, 1, 2].map((k) => statistics(makeBatch(data, order.subarray(4 * k, 4 * k + 4), MINUS_ONE_TO_ONE).images));
    const average = (pick: (s: { mean: number[]; variance: number[] }) => number[]) => [0, 1, 2].map((c) => batches.reduce((sum, b) => sum + pick(b)[c], 0) / 3);
    moving(model, 'moving_mean').forEach((m, c) => expect(m).toBeCloseTo(average((s) => s.mean)[c], 4));
    moving(model, 'moving_variance').forEach((v, c) => expect(v).toBeCloseTo(average((s) => s.variance)[c], 3));
  });

  it('makes inference normalize as training does on the same batch, changing nothing but the moving statistics', () => {
    const data = images(16);
    const model = convNet();
    const x = tf.tensor4d(makeBatch(data, Array.from({ length: 16 }, (_, i) => i), MINUS_ONE_TO_ONE).images, [16, 4, 4, 3]);
    const before = tf.tidy(() => model.predict(x) as tf.Tensor);
    const trainable = model.trainableWeights.map((w) => Array.from(w.read().dataSync()));
    const momenta = batchNormLayers(model).map((l) => l.momentum);
    const tensors = tf.memory().numTensors;
    recalibrateBatchNorm(model, data, { batchSize: 16, images: 16, random: seededRandom(3), input: MINUS_ONE_TO_ONE });
    expect(tf.memory().numTensors).toBe(tensors);
    const inference = tf.tidy(() => model.predict(x) as tf.Tensor);
    const training = tf.tidy(() => model.apply(x, { training: true }) as tf.Tensor);
    // Stale (initial: mean 0, variance 1) statistics gave other outputs; recalibrated ones the training-mode ones.
    expect(tf.max(tf.abs(tf.sub(before, training))).dataSync()[0]).toBeGreaterThan(1e-3);
    expect(tf.max(tf.abs(tf.sub(inference, training))).dataSync()[0]).toBeLessThan(1e-5);
    expect(model.trainableWeights.map((w) => Array.from(w.read().dataSync()))).toEqual(trainable);
    expect(batchNormLayers(model).map((l) => l.momentum)).toEqual(momenta);
    tf.dispose([x, before, inference, training]);
    model.dispose();
  });

  it('does nothing to a model without BatchNorm, or without images', () => {
    const input = tf.input({ shape: [4, 4, 3] });
    const plain = tf.model({ inputs: input, outputs: tf.layers.globalAveragePooling2d({}).apply(input) as tf.SymbolicTensor });
    expect(recalibrateBatchNorm(plain, images(4), { batchSize: 2, images: 4, random: seededRandom(1), input: MINUS_ONE_TO_ONE })).toBe(0);
    expect(recalibrateBatchNorm(inputNorm(), images(4), { batchSize: 2, images: 0, random: seededRandom(1), input: MINUS_ONE_TO_ONE })).toBe(0);
  });
});
