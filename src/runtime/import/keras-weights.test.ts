// Keras' own .h5 files, mapped onto our networks and run: keras.applications' Xception, VGG16
// and ResNet50 code at 1/16 of its filters, 10 classes, seeded values everywhere
// (fixtures/keras3-*-w16.h5, keras2-xception-w16.h5, with Keras' outputs for two seeded images
// in keras-w16-outputs.json; all written by scripts/reference/keras-applications-h5.py). Each
// file maps by order onto our configuration at the same width, setKerasWeights writes it into
// the model buildLayersModel made, and the model, fed the images as the network's `inputs.keras`
// prepares them, answers what Keras answered. Bad fits leave the model as it was.

import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { configure, getNetwork } from '../../model/networks';
import type { Layer, Sequence } from '../../model/types';
import { prepareRgb } from '../../model/input-preparation';
import { readKerasWeights, type KerasWeights } from '../../weights/keras-h5';
import { buildLayersModel } from '../build-layers-model';
import { kerasApplication } from './keras-applications';
import { KerasMismatchError, mapKerasWeights } from './keras-match';
import { recogniseKerasWeights } from './keras-recognise';
import { setKerasWeights } from './keras-set-weights';
import expected from './fixtures/keras-w16-outputs.json';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const fixture = async (name: string): Promise<KerasWeights> => readKerasWeights(new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url))));

const base64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));
const floats = (text: string) => new Float32Array(base64(text).slice().buffer);

/** Our configuration of Keras' code at 1/16 width (VGG's fc1, fc2 at 32 units), 10 classes. */
const CASES = [
  ['Xception', 'keras3-xception-w16.h5', { width: '0.0625', classes: '10', input: '71' }],
  ['Xception', 'keras2-xception-w16.h5', { width: '0.0625', classes: '10', input: '71' }],
  ['VGG16', 'keras3-vgg16-w16.h5', { width: '0.0625', classes: '10', input: '32', fc: '32' }],
  ['ResNet50', 'keras3-resnet50-w16.h5', { width: '0.0625', classes: '10', input: '32' }],
] as const;

/** The largest |a − b|. */
const maxAbs = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((m, x, i) => Math.max(m, Math.abs(x - b[i])), 0);

/** Our outputs and the features before `predictions` for Keras' two images. */
function run(app: (typeof CASES)[number][0], layersModel: tf.LayersModel, network: string) {
  const { images, input, featuresLayer } = expected[app];
  const prepared = images.map((image) => prepareRgb(base64(image), getNetwork(network).inputs.keras!));
  const probe = tf.model({ inputs: layersModel.inputs, outputs: [layersModel.outputs[0], layersModel.getLayer(featuresLayer === 'avg_pool' && network === 'resnet' ? 'avgpool' : featuresLayer).output as tf.SymbolicTensor] });
  return tf.tidy(() => {
    const x = tf.tensor4d(Float32Array.from(prepared.flatMap((p) => Array.from(p))), [2, input[0], input[1], 3]);
    const [out, features] = probe.predict(x) as tf.Tensor[];
    return { outputs: out.arraySync() as number[][], features: features.arraySync() as number[][] };
  });
}

describe.each(CASES)('keras.applications.%s at 1/16 width (%s)', (app, name, options) => {
  const application = kerasApplication(app);
  const configuration = configure(application.network, options, application.preset);

  it('maps by order onto our configuration, every weight set, and answers what Keras answered', async () => {
    const layers = mapKerasWeights(await fixture(name), configuration.model, application, `our ${app}`);
    const layersModel = buildLayersModel(configuration.model);
    try {
      const before = tf.memory().numTensors;
      expect(setKerasWeights(layersModel, layers)).toBe(layersModel.weights.length);
      expect(tf.memory().numTensors).toBe(before);
      const ours = run(app, layersModel, application.network);
      const { outputs, features } = expected[app];
      if (app === 'ResNet50') {
        // Our stem pads as TensorFlow's `same` does, Keras' ResNet50 by 3 (the conv) and 1 (the
        // pool) on every side: the outputs differ (below, with Keras' padding, they agree).
        expect(maxAbs(ours.outputs[0], outputs[0])).toBeGreaterThan(1e-2);
        return;
      }
      outputs.forEach((row, i) => expect(maxAbs(ours.outputs[i], row), `image ${i} outputs`).toBeLessThan(1e-5));
      features.forEach((row, i) => expect(maxAbs(ours.features[i], floats(row)), `image ${i} features`).toBeLessThan(1e-4));
    } finally {
      layersModel.dispose();
    }
  });
});

describe('ResNet50 at 1/16 width with Keras\' stem padding', () => {
  it('the stem by hand (pad 3, 7x7/2 valid, BN, ReLU, pad 1, 3x3/2 valid max pool), then our network: Keras\' features', async () => {
    const configuration = configure('resnet', CASES[3][2], 'keras');
    const layers = mapKerasWeights(await fixture('keras3-resnet50-w16.h5'), configuration.model, kerasApplication('ResNet50'), 'our ResNet50');
    const [stem, ...rest] = configuration.model.root.children as Sequence[];
    const [conv1, bn1] = stem.children as Layer[];
    if (conv1.kind !== 'conv2d' || bn1.kind !== 'batchNorm') throw new Error('not a ResNet stem');
    // 32 → (32 + 6 − 7)/2 + 1 = 16 → (16 + 2 − 3)/2 + 1 = 8.
    const tail = buildLayersModel({ ...configuration.model, input: [8, 8, conv1.filters], root: { ...configuration.model.root, children: rest } });
    try {
      setKerasWeights(tail, layers.filter((l) => l.name !== 'conv1' && l.name !== 'bn1'));
      const values = (name: string) => layers.find((l) => l.name === name)!.weights.map((w) => tf.tensor(w.data, [...w.shape]));
      const { images, features } = expected.ResNet50;
      const ours = tf.tidy(() => {
        const [kernel, bias] = values('conv1') as [tf.Tensor4D, tf.Tensor1D];
        const [gamma, beta, mean, variance] = values('bn1') as tf.Tensor1D[];
        const x = tf.tensor4d(Float32Array.from(images.flatMap((image) => Array.from(prepareRgb(base64(image), getNetwork('resnet').inputs.keras!)))), [2, 32, 32, 3]);
        const conv = tf.conv2d(tf.pad(x, [[0, 0], [3, 3], [3, 3], [0, 0]]), kernel, 2, 'valid').add(bias);
        const y = tf.relu(tf.batchNorm(conv, mean, variance, beta, gamma, bn1.epsilon)) as tf.Tensor4D;
        const pooled = tf.maxPool(tf.pad(y, [[0, 0], [1, 1], [1, 1], [0, 0]]), 3, 2, 'valid');
        const probe = tf.model({ inputs: tail.inputs, outputs: tail.getLayer('avgpool').output as tf.SymbolicTensor });
        return (probe.predict(pooled) as tf.Tensor).arraySync() as number[][];
      });
      features.forEach((row, i) => expect(maxAbs(ours[i], floats(row)), `image ${i} features`).toBeLessThan(1e-3));
    } finally {
      tail.dispose();
    }
  });
});

describe('mapping Keras files', () => {
  it('Keras 2 and Keras 3 names, one mapping: the same values for every layer', async () => {
    const model = configure('xception', CASES[0][2], 'keras').model;
    const [keras3, keras2] = await Promise.all([fixture('keras3-xception-w16.h5'), fixture('keras2-xception-w16.h5')]);
    const a = mapKerasWeights(keras3, model, kerasApplication('Xception'), 'our Xception');
    const b = mapKerasWeights(keras2, model, kerasApplication('Xception'), 'our Xception');
    expect(b.map((l) => l.name)).toEqual(a.map((l) => l.name));
    expect(b.map((l) => l.weights.map((w) => Array.from(w.data)))).toEqual(a.map((l) => l.weights.map((w) => Array.from(w.data))));
    expect(b.find((l) => l.name === 'conv2d')?.fileName).toBe('conv2d_1');
    expect(a.find((l) => l.name === 'conv2d')?.fileName).toBe('conv2d');
  });

  it('a 1/16-width Xception is no application: recognise names the first mismatch', async () => {
    await expect(fixture('keras3-xception-w16.h5').then(recogniseKerasWeights)).rejects.toThrow(
      "no Keras application fits the file (Xception, VGG16, VGG19, ResNet50); none takes even its first layer with weights (against Xception: layer with weights #1: the file's \"block1_conv1\" has 3×3×3×2; Keras' Xception's block1_conv1 has 3×3×3×32)",
    );
  });

  it('a Keras network the explorer does not have (src/weights\' tiny fixture): no application, the closest and its first mismatch', async () => {
    const tiny = await readKerasWeights(new Uint8Array(readFileSync(new URL('../../weights/fixtures/keras3-weights.h5', import.meta.url))));
    expect(() => recogniseKerasWeights(tiny)).toThrow(
      new KerasMismatchError(
        'no Keras application fits the file (Xception, VGG16, VGG19, ResNet50); none takes even its first layer with weights (against Xception: layer with weights #1: the file\'s "conv2d" has 3×3×2×3, 3; Keras\' Xception\'s block1_conv1 has 3×3×3×32)',
      ),
    );
  });

  it('a file that does not fit the configuration is refused before anything is written', async () => {
    const file = await fixture('keras3-xception-w16.h5');
    const wider = configure('xception', { ...CASES[0][2], width: '0.125' }, 'keras').model;
    expect(() => mapKerasWeights(file, wider, kerasApplication('Xception'), 'our Xception')).toThrow(
      new KerasMismatchError("layer with weights #1: the file's \"block1_conv1\" has 3×3×3×2; our Xception's block1_conv1 has 3×3×3×4"),
    );
  });

  it('setKerasWeights checks every layer and shape against the tfjs model, and writes nothing when one is off', async () => {
    const configuration = configure('xception', CASES[0][2], 'keras');
    const layers = mapKerasWeights(await fixture('keras3-xception-w16.h5'), configuration.model, kerasApplication('Xception'), 'our Xception');
    const layersModel = buildLayersModel(configuration.model);
    try {
      const values = () => layersModel.getWeights().map((w) => w.dataSync().slice(0, 4));
      const before = values();
      const broken = layers.map((l) => (l.name === 'predictions' ? { ...l, weights: [l.weights[0], { ...l.weights[1], shape: [11] }] } : l));
      expect(() => setKerasWeights(layersModel, broken)).toThrow('predictions/bias: the file gives bias 11, the model has bias 10');
      expect(() => setKerasWeights(layersModel, layers.slice(1))).toThrow('layer "block1_conv1" of the model has no weights from the file');
      expect(() => setKerasWeights(layersModel, [...layers, { ...layers[0], name: 'nowhere' }])).toThrow(
        'the file gives weights for "nowhere" (from "block1_conv1"), which the model does not have',
      );
      expect(values()).toEqual(before);
    } finally {
      layersModel.dispose();
    }
  });
});
