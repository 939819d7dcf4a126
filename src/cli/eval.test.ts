// `cli eval` on weights saved as the trainer saves them and a folder in CIFAR-10's binary layout,
// both made here: the printed accuracy must be what the model predicts.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeCifar10 } from '../data/cifar10';
import type { LabeledImages } from '../data/dataset';
import { MINUS_ONE_TO_ONE } from '../model/input-preparation';
import { configure } from '../model/networks';
import { saveModelFiles } from '../node/model-files';
import { startNodeBackend } from '../node/tf-node';
import { buildLayersModel } from '../runtime/build-layers-model';
import { evaluate } from '../runtime/training/trainer';
import { runCli } from './run';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const test: LabeledImages = {
  name: 'test',
  count: 40,
  height: 32,
  width: 32,
  channels: 3,
  pixels: Uint8Array.from({ length: 40 * 32 * 32 * 3 }, (_, i) => (i * 7919) % 251),
  labels: Uint8Array.from({ length: 40 }, (_, i) => i % 10),
  classNames: ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'],
};

describe('cli eval', { timeout: 60_000 }, () => {
  const weights = mkdtempSync(join(tmpdir(), 'eval-weights-'));
  const data = mkdtempSync(join(tmpdir(), 'eval-data-'));
  let expected = 0;

  beforeAll(async () => {
    await startNodeBackend('cpu');
    const model = buildLayersModel(configure('xception', { width: '0.0625', middle: '1' }, 'small').model, { seed: 5 });
    await saveModelFiles(model, weights);
    expected = (await evaluate(model, test, MINUS_ONE_TO_ONE)).accuracy;
    writeFileSync(join(data, 'test_batch.bin'), encodeCifar10(test));
  }, 60_000);

  it('prints {"accuracy", "n", "perClass"} for saved weights on test_batch.bin', async () => {
    const { code, out } = await cli('eval', '--weights', weights, '--data', data, '--backend', 'cpu');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(Object.keys(result)).toEqual(['accuracy', 'n', 'perClass']);
    expect(result.n).toBe(40);
    expect(result.accuracy).toBeCloseTo(expected, 10);
    expect(Object.keys(result.perClass)).toEqual(test.classNames);
    expect(tf.getBackend()).toBe('cpu');
  });

  it('says what is missing, with exit code 2', async () => {
    expect((await cli('eval', '--data', data)).err).toContain('eval needs --weights DIR');
    expect((await cli('eval', '--weights', weights)).code).toBe(2);
    expect((await cli('eval', '--weights', data, '--data', data)).err).toContain('has no model.json');
    expect((await cli('eval', '--weights', weights, '--data', weights)).err).toContain('has no test_batch.bin');
  });
});
