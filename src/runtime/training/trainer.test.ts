import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LabeledImages } from '../../data/dataset';
import { MINUS_ONE_TO_ONE } from '../../model/input-preparation';
import { DivergenceError, evaluate, learningRateAt, train, type EpochResult, type TrainingConfig } from './trainer';
import { seededRandom } from '../../data/batches';
import { registerBatchNormGradient } from './batch-norm-gradient';
import { recalibrateBatchNorm } from './batch-norm-recalibration';

/** Class 0: dark images, class 1: bright ones, with seeded noise; 8×8 RGB. */
function brightness(count: number, seed: number): LabeledImages {
  let state = seed;
  const noise = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648) * 60;
  const labels = Uint8Array.from({ length: count }, (_, i) => i % 2);
  const pixels = Uint8Array.from({ length: count * 8 * 8 * 3 }, (_, j) => (labels[Math.floor(j / 192)] ? 150 : 40) + noise());
  return { name: 'brightness', count, height: 8, width: 8, channels: 3, pixels, labels, classNames: ['dark', 'bright'] };
}

function tinyModel(): tf.LayersModel {
  const input = tf.input({ shape: [8, 8, 3] });
  let x = tf.layers.conv2d({ filters: 4, kernelSize: 3, padding: 'same', useBias: false, kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }).apply(input) as tf.SymbolicTensor;
  x = tf.layers.batchNormalization().apply(x) as tf.SymbolicTensor;
  x = tf.layers.reLU().apply(x) as tf.SymbolicTensor;
  x = tf.layers.globalAveragePooling2d({}).apply(x) as tf.SymbolicTensor;
  const output = tf.layers.dense({ units: 2, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }).apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: output });
}

const config: TrainingConfig = { epochs: 2, batchSize: 16, learningRate: 0.1, augmentation: { crop: 1, flip: true }, seed: 3, input: MINUS_ONE_TO_ONE };

// Real training steps on the CPU backend: seconds each on a loaded machine.
describe('train', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    tf.enableProdMode();
    await tf.setBackend('cpu');
    registerBatchNormGradient();
  });

  it('learns an easy task and reports every step and epoch', async () => {
    const model = tinyModel();
    const epochs: EpochResult[] = [];
    let steps = 0;
    const outcome = await train(model, brightness(128, 1), brightness(64, 2), config, {
      onStep: (p) => {
        steps++;
        expect(p.imagesPerSecond).toBeGreaterThan(0);
        expect(p.stepsPerEpoch).toBe(8);
      },
      onEpoch: (e) => void epochs.push(e),
    });
    expect(outcome).toBe('completed');
    expect(steps).toBe(16);
    expect(epochs.map((e) => e.fraction)).toEqual([1, 1]);
    expect(epochs[1].validation!.accuracy).toBeGreaterThan(0.9);
    expect(epochs[1].validation!.confusion.flat().reduce((a, b) => a + b)).toBe(64);
  });

  it('repeats a run exactly with the same seeds', async () => {
    const losses = async () => {
      const seen: number[] = [];
      await train(tinyModel(), brightness(64, 1), undefined, { ...config, epochs: 1 }, { onStep: (p) => void seen.push(p.loss) });
      return seen;
    };
    expect(await losses()).toEqual(await losses());
  });

  it('recalibrating BatchNorm changes neither the images training sees nor its losses', async () => {
    // Training normalizes with batch statistics, so the moving ones (all recalibration touches) never enter a loss.
    const losses = async (recalibrationImages: number) => {
      const seen: number[] = [];
      await train(tinyModel(), brightness(64, 1), brightness(16, 2), { ...config, recalibrationImages }, { onStep: (p) => void seen.push(p.loss) });
      return seen;
    };
    expect(await losses(32)).toEqual(await losses(0));
  });

  it('ends every epoch with BatchNorm statistics of the weights as they are, not the moving averages', async () => {
    const movingMean = (model: tf.LayersModel) => Array.from(model.weights.find((w) => w.name.endsWith('moving_mean'))!.read().dataSync());
    const trained = async (recalibrationImages: number) => {
      const model = tinyModel();
      await train(model, brightness(64, 1), undefined, { ...config, epochs: 1, recalibrationImages });
      return model;
    };
    const recalibrated = await trained(64);
    const averaged = await trained(0);
    // Over all 64 images in equal batches, the mean of the batch means is the data's mean, whatever the order.
    const expected = movingMean(recalibrated);
    recalibrateBatchNorm(recalibrated, brightness(64, 1), { batchSize: 64, images: 64, random: seededRandom(9), input: MINUS_ONE_TO_ONE });
    movingMean(recalibrated).forEach((m, i) => expect(m).toBeCloseTo(expected[i], 4));
    expect(Math.max(...movingMean(averaged).map((m, i) => Math.abs(m - expected[i])))).toBeGreaterThan(1e-3);
    recalibrated.dispose();
    averaged.dispose();
  });

  it('stops when asked, mid-epoch, leaving a usable model', async () => {
    const model = tinyModel();
    let asked = 0;
    const epochs: EpochResult[] = [];
    const outcome = await train(model, brightness(128, 1), brightness(32, 2), config, {
      shouldStop: () => ++asked > 3,
      onEpoch: (e) => void epochs.push(e),
    });
    expect(outcome).toBe('stopped');
    expect(epochs).toHaveLength(1);
    expect(epochs[0].fraction).toBeCloseTo(3 / 8);
    expect((await evaluate(model, brightness(32, 2), MINUS_ONE_TO_ONE)).predictions).toHaveLength(32);
  });

  it('stops a diverging run and suggests a lower learning rate', async () => {
    await expect(train(tinyModel(), brightness(64, 1), undefined, { ...config, learningRate: 1e8 })).rejects.toThrow(DivergenceError);
    await expect(train(tinyModel(), brightness(64, 1), undefined, { ...config, learningRate: 1e8 })).rejects.toThrow(/lower learning rate/);
  });
});

describe('learningRateAt', () => {
  it('warms up from a tenth of the peak, then falls along a cosine to zero', () => {
    expect(learningRateAt(0, 1000, 0.1)).toBeCloseTo(0.01);
    expect(learningRateAt(50, 1000, 0.1)).toBeCloseTo(0.1);
    expect(learningRateAt(525, 1000, 0.1)).toBeCloseTo(0.05);
    expect(learningRateAt(1000, 1000, 0.1)).toBeCloseTo(0);
  });
});

describe('train and memory', { timeout: 60_000 }, () => {
  it('leaves no tensor behind, the optimizer included', async () => {
    await tf.setBackend('cpu');
    const model = tinyModel();
    const before = tf.memory().numTensors;
    await train(model, brightness(32, 1), brightness(16, 2), { ...config, epochs: 1 });
    expect(tf.memory().numTensors).toBe(before);
  });
});
