// A saved model holding the app's own layers (LRN, PadChannels) loads back and computes the same:
// every loader imports custom-layers.ts, and this is what it registers.

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { configure } from '../model/networks';
import { buildLayersModel } from './build-layers-model';
import './custom-layers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function roundTrip(model: tf.LayersModel): Promise<tf.LayersModel> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return tf.loadLayersModel(tf.io.fromMemory(saved!));
}

describe('custom layers survive save and load', () => {
  it.each([
    ['resnet', { depth: '20', shortcut: 'A', input: '16', classes: '10' }, 'padChannels'], // option A shortcuts
    ['googlenet', { width: '0.125', input: '64', classes: '10', modules: '3a' }, 'lrn'], // the paper's stem
  ] as const)('%s %o (%s)', async (network, options, kind) => {
    const { model } = configure(network, options);
    const original = buildLayersModel(model, { seed: 4 });
    const loaded = await roundTrip(original);
    expect(loaded.layers.some((layer) => layer.getClassName() === (kind === 'lrn' ? 'LRN' : 'PadChannels'))).toBe(true);
    const x = tf.randomNormal([2, model.input[0], model.input[1], 3], 0, 1, 'float32', 9);
    const [a, b] = [original, loaded].map((m) => m.predict(x) as tf.Tensor);
    expect(Array.from(await b.data())).toEqual(Array.from(await a.data()));
    tf.dispose([x, a, b]);
    original.dispose();
    loaded.dispose();
  });
});
