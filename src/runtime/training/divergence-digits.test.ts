// The divergence rule on real runs: the small GoogLeNet on the built-in digits, WASM in Node (as
// `npm run train`), at the largest learning rate the form accepts and at a high but sound one.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { sliceImages } from '../../data/dataset';
import { digitsFromPackage } from '../../data/digits';
import { configure } from '../../model';
import { startNodeBackend } from '../../node/tf-node';
import { buildLayersModel } from '../build-layers-model';
import { MINUS_ONE_TO_ONE } from '../../model/input-preparation';
import { DivergenceError, train, type TrainingConfig } from './trainer';

function digits() {
  const folder = join(dirname(createRequire(import.meta.url).resolve('mnist/package.json')), 'src', 'digits');
  const perDigit = Array.from({ length: 10 }, (_, d) => (JSON.parse(readFileSync(join(folder, `${d}.json`), 'utf8')) as { data: number[] }).data);
  return digitsFromPackage(perDigit);
}

// Tens of real steps (a few tenths of a second each on WASM, much more on a loaded machine).
describe('divergence on the digits', { timeout: 300_000 }, () => {
  const { train: all, test } = digits();
  const data = sliceImages(all, 0, 1280);
  const validation = sliceImages(test, 0, 100);
  // The form's defaults but the learning rate; 40 steps of a 5-epoch schedule.
  const config = (learningRate: number): TrainingConfig => ({ epochs: 5, batchSize: 32, learningRate, augmentation: { crop: 0, flip: false }, seed: 1, maxSteps: 40, input: MINUS_ONE_TO_ONE });
  const run = async (learningRate: number) => {
    const model = buildLayersModel(configure('googlenet', {}, 'small').model, { seed: 1 });
    const losses: number[] = [];
    try {
      return { outcome: await train(model, data, validation, config(learningRate), { onStep: (p) => void losses.push(p.loss) }), losses };
    } catch (error) {
      return { error, losses };
    } finally {
      model.dispose();
    }
  };

  beforeAll(async () => {
    await startNodeBackend('wasm');
  }, 60_000);

  it('stops lr 10 as soon as the exploded loss has lasted ten steps', async () => {
    const tensors = tf.memory().numTensors;
    const { error, losses } = await run(10);
    expect(error).toBeInstanceOf(DivergenceError);
    // Measured: 2.81, 2.95, then 13–16 (near the clipped maximum, 16.1) from step 3.
    const [, since, until] = /^The loss exploded: from step (\d+) to (\d+) it stayed above .*Try a lower learning rate, e\.g\. 3\.3\.$/.exec((error as Error).message) ?? [];
    expect(Number(until) - Number(since)).toBe(9);
    expect(Number(until)).toBeLessThan(20);
    expect(losses).toHaveLength(Number(until) - 1); // the last step's loss stops the run before it is reported
    expect(Math.min(...losses.slice(Number(since) - 1))).toBeGreaterThan(4 * losses[0]);
    expect(tf.memory().numTensors).toBe(tensors);
  });

  it('lets lr 0.5 train, early spikes and all', async () => {
    const { outcome, losses } = await run(0.5);
    expect(outcome).toBe('completed');
    expect(losses).toHaveLength(40);
  });
});
