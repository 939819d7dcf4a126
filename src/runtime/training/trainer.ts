// The training loop the browser worker and the offline trainer (`npm run train`) share: seeded
// shuffling and augmentation, SGD with Nesterov momentum under a warm-up + cosine learning-rate
// schedule, decoupled weight decay, a check for a diverging loss, and at the end of every epoch
// (or of a stopped run) BatchNorm's statistics recomputed, then evaluation.

import * as tf from '@tensorflow/tfjs';
import { makeBatch, seededRandom, shuffledIndices, type Augmentation } from '../../data/batches';
import type { LabeledImages } from '../../data/dataset';
import type { InputPreparation } from '../../model/input-preparation';
import { recalibrateBatchNorm } from './batch-norm-recalibration';
import { divergenceMessage, DivergenceWatch } from './divergence';

export interface TrainingConfig {
  readonly epochs: number;
  readonly batchSize: number;
  /** The peak learning rate, reached after the warm-up. */
  readonly learningRate: number;
  readonly augmentation: Augmentation;
  /** How images become the network's input (the network's `inputs.explorer`). */
  readonly input: InputPreparation;
  /** Seeds the data order and the augmentation (the weights have their own seed). */
  readonly seed: number;
  /** Decoupled weight decay on conv and dense kernels (default 5e-4). */
  readonly weightDecay?: number;
  /** Stops after this many steps in all (a short run), keeping the schedule of the full one. */
  readonly maxSteps?: number;
  /** Images per step when evaluating (default 256). */
  readonly evaluationBatchSize?: number;
  /**
   * Training images whose batch statistics replace BatchNorm's moving ones at the end of every
   * epoch, before validation (default RECALIBRATION_IMAGES; 0 keeps the moving averages).
   */
  readonly recalibrationImages?: number;
}

/** Measured: 256, 512 and 1024 images give the same accuracies within a point; 512 cost about half a validation of the digits (1 s of 2 in Node). */
export const RECALIBRATION_IMAGES = 512;

export interface StepProgress {
  readonly epoch: number;
  /** Steps done in this epoch and in one epoch. */
  readonly step: number;
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
  readonly stepsDone: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly learningRate: number;
  readonly imagesPerSecond: number;
  readonly etaSeconds: number;
}

export interface Evaluation {
  readonly loss: number;
  readonly accuracy: number;
  /** The predicted class of every image, in order. */
  readonly predictions: Uint8Array;
  /** confusion[true][predicted] = count. */
  readonly confusion: number[][];
  readonly perClass: Record<string, number>;
}

export interface EpochResult {
  readonly epoch: number;
  /** Less than 1 when the run stopped inside this epoch. */
  readonly fraction: number;
  readonly trainLoss: number;
  readonly trainAccuracy: number;
  readonly seconds: number;
  readonly validation?: Evaluation;
}

export interface TrainingHooks {
  onStep?(progress: StepProgress): void | Promise<void>;
  onEpoch?(result: EpochResult): void | Promise<void>;
  /** Asked before every step; resolving late is how a pause works. */
  shouldStop?(): boolean | Promise<boolean>;
}

export type TrainingOutcome = 'completed' | 'stopped';

/** The loss became NaN or exploded: the run stops with this message. */
export class DivergenceError extends Error {
  override name = 'DivergenceError';
}

/** Warm-up from a tenth of the peak over the first 5% of steps, then a cosine down to zero. */
export function learningRateAt(step: number, totalSteps: number, peak: number): number {
  const warmup = Math.max(1, Math.round(totalSteps * 0.05));
  if (step < warmup) return peak * (0.1 + (0.9 * step) / warmup);
  const progress = (step - warmup) / Math.max(1, totalSteps - warmup);
  return peak * 0.5 * (1 + Math.cos(Math.PI * Math.min(1, progress)));
}

const isKernel = (name: string) => /kernel$/.test(name);

/**
 * BatchNorm's moving statistics (what evaluation uses) follow the batches with momentum 0.9,
 * PyTorch's default, instead of Keras' 0.99: with 0.99 they still hold mostly their initial values
 * after the tens or hundreds of steps a browser run makes (measured: small GoogLeNet, 40 steps on
 * the digits, 10% validation accuracy with 0.99, 90% with 0.9). tfjs has no setter for it.
 */
function followBatchStatistics(model: tf.LayersModel): void {
  for (const layer of model.layers) {
    if (layer.getClassName() === 'BatchNormalization') (layer as unknown as { momentum: number }).momentum = 0.9;
  }
}

/** The main output of a model whose extra outputs are auxiliary heads (weighted 0.3, as in GoogLeNet). */
function lossOf(outputs: tf.Tensor | tf.Tensor[], labels: tf.Tensor): { loss: tf.Scalar; main: tf.Tensor } {
  const list = Array.isArray(outputs) ? outputs : [outputs];
  const crossEntropy = (p: tf.Tensor) => tf.neg(tf.mean(tf.log(tf.clipByValue(tf.sum(tf.mul(p, labels), -1), 1e-7, 1))));
  const loss = list.slice(1).reduce((sum, aux) => tf.add(sum, tf.mul(crossEntropy(aux), 0.3)), crossEntropy(list[0]));
  return { loss: loss as tf.Scalar, main: list[0] };
}

const toTensors = (batch: { images: Float32Array; labels: Uint8Array }, data: LabeledImages, classes: number) =>
  tf.tidy(() => ({
    x: tf.tensor4d(batch.images, [batch.labels.length, data.height, data.width, 3]),
    y: tf.oneHot(tf.tensor1d(batch.labels, 'int32'), classes),
  }));

/** Trains `model` in place; it is usable whenever this returns or throws. */
export async function train(
  model: tf.LayersModel,
  data: LabeledImages,
  validation: LabeledImages | undefined,
  config: TrainingConfig,
  hooks: TrainingHooks = {},
): Promise<TrainingOutcome> {
  followBatchStatistics(model);
  const classes = data.classNames.length;
  const stepsPerEpoch = Math.ceil(data.count / config.batchSize);
  const scheduledSteps = stepsPerEpoch * config.epochs;
  const totalSteps = Math.min(scheduledSteps, config.maxSteps ?? Infinity);
  const random = seededRandom(config.seed);
  // Its own sequence: recalibrating must not change which images and augmentations training sees.
  const recalibrationRandom = seededRandom(config.seed + 0x9e3779b9);
  const divergence = new DivergenceWatch(Math.log(classes));
  const optimizer = tf.train.momentum(config.learningRate, 0.9, true);
  const weights = model.trainableWeights.map((w) => ({ name: w.name, variable: w.read() as tf.Variable }));
  const variables = weights.map((w) => w.variable);
  const decayed = weights.filter((w) => isKernel(w.name)).map((w) => w.variable);
  const weightDecay = config.weightDecay ?? 5e-4;
  const started = performance.now();
  let stepsDone = 0;

  try {
    for (let epoch = 0; epoch < config.epochs && stepsDone < totalSteps; epoch++) {
      const order = shuffledIndices(data.count, random);
      const epochStart = performance.now();
      let lossSum = 0;
      let correct = 0;
      let seen = 0;
      let step = 0;
      for (; step < stepsPerEpoch && stepsDone < totalSteps; step++) {
        if (await hooks.shouldStop?.()) {
          await finishEpoch(epoch, step / stepsPerEpoch);
          return 'stopped';
        }
        const indices = order.subarray(step * config.batchSize, (step + 1) * config.batchSize);
        const { x, y } = toTensors(makeBatch(data, indices, config.input, config.augmentation, random), data, classes);
        const learningRate = learningRateAt(stepsDone, scheduledSteps, config.learningRate);
        optimizer.setLearningRate(learningRate);
        let hits: tf.Tensor | undefined;
        const cost = optimizer.minimize(
          () => {
            const { loss, main } = lossOf(model.apply(x, { training: true }) as tf.Tensor | tf.Tensor[], y);
            hits = tf.keep(tf.sum(tf.cast(tf.equal(tf.argMax(main, -1), tf.argMax(y, -1)), 'float32')));
            return loss;
          },
          true,
          variables,
        );
        tf.tidy(() => {
          const shrink = 1 - learningRate * weightDecay;
          for (const v of decayed) v.assign(tf.mul(v, shrink));
        });
        if (!cost || !hits) throw new Error('The optimizer returned no loss.');
        const [lossValue, hitCount] = await Promise.all([cost.data(), hits.data()]);
        tf.dispose([x, y, cost, hits]);
        const loss = lossValue[0];
        const diverged = divergence.observe(loss);
        if (diverged) throw new DivergenceError(divergenceMessage(diverged, config.learningRate));
        stepsDone++;
        lossSum += loss * indices.length;
        correct += hitCount[0];
        seen += indices.length;
        const elapsed = (performance.now() - started) / 1000;
        const imagesPerSecond = (stepsDone * config.batchSize) / elapsed;
        await hooks.onStep?.({
          epoch,
          step: step + 1,
          stepsPerEpoch,
          totalSteps,
          stepsDone,
          loss,
          accuracy: hitCount[0] / indices.length,
          learningRate,
          imagesPerSecond,
          etaSeconds: ((totalSteps - stepsDone) * config.batchSize) / imagesPerSecond,
        });
      }
      await finishEpoch(epoch, step / stepsPerEpoch);

      async function finishEpoch(at: number, fraction: number): Promise<void> {
        if (seen === 0) return;
        const seconds = (performance.now() - epochStart) / 1000;
        // The model as saved and evaluated carries statistics of its current weights, not the
        // momentum-0.9 averages of the last steps' (stale after a few fast-changing steps).
        recalibrateBatchNorm(model, data, { input: config.input, batchSize: config.batchSize, images: config.recalibrationImages ?? RECALIBRATION_IMAGES, random: recalibrationRandom });
        const evaluation = validation ? await evaluate(model, validation, config.input, config.evaluationBatchSize) : undefined;
        await hooks.onEpoch?.({ epoch: at, fraction, trainLoss: lossSum / seen, trainAccuracy: correct / seen, seconds, validation: evaluation });
      }
    }
    return 'completed';
  } finally {
    optimizer.dispose();
    // tfjs 4.22's MomentumOptimizer.dispose() skips SGDOptimizer's, which frees the learning-rate scalar.
    tf.SGDOptimizer.prototype.dispose.call(optimizer);
  }
}

/** Accuracy, loss, per-class accuracy and the confusion matrix of `model` on `data`. */
export async function evaluate(model: tf.LayersModel, data: LabeledImages, input: InputPreparation, batchSize = 256): Promise<Evaluation> {
  const classes = data.classNames.length;
  const predictions = new Uint8Array(data.count);
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  let lossSum = 0;
  for (let first = 0; first < data.count; first += batchSize) {
    const indices = Array.from({ length: Math.min(batchSize, data.count - first) }, (_, i) => first + i);
    const { x, y } = toTensors(makeBatch(data, indices, input), data, classes);
    const [predicted, loss] = tf.tidy(() => {
      const output = model.predict(x) as tf.Tensor | tf.Tensor[];
      const main = Array.isArray(output) ? output[0] : output;
      return [tf.argMax(main, -1), tf.mul(lossOf(main, y).loss, indices.length)];
    });
    const [labels, lossValue] = await Promise.all([predicted.data(), loss.data()]);
    tf.dispose([x, y, predicted, loss]);
    lossSum += lossValue[0];
    for (let i = 0; i < indices.length; i++) {
      predictions[first + i] = labels[i];
      confusion[data.labels[first + i]][labels[i]]++;
    }
  }
  const correct = confusion.reduce((sum, row, i) => sum + row[i], 0);
  const perClass = Object.fromEntries(
    data.classNames.map((name, i) => {
      const total = confusion[i].reduce((a, b) => a + b, 0);
      return [name, total === 0 ? 0 : confusion[i][i] / total];
    }),
  );
  return { loss: lossSum / data.count, accuracy: correct / data.count, predictions, confusion, perClass };
}
