import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configure } from '../../model/networks';
import { loadModelFiles } from '../../node/model-files';
import { Backends } from '../backends';
import { buildLayersModel } from '../build-layers-model';
import type { RunRecord } from '../training/protocol';
import { memoryRunStore } from '../training/run-store';
import { memoryWeights } from '../training/weight-store';
import { Classifier, type ShippedTraining } from './classifier';
import { IMAGENET_CLASSES } from './imagenet-classes';
import type { PickedFile } from './protocol';

const shippedDir = (folder: string) => join('public', 'models', folder);
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** A run record with the fields the classifier reads. */
const run = (id: string, saved: boolean): RunRecord =>
  ({ id, name: `xception small · Digits ${id}`, network: 'xception', options: configure('xception', {}, 'small').optionText, classNames: DIGITS, saved }) as unknown as RunRecord;

/** An image of `size`² RGB pixels: a bright square on a dark background. */
function picture(size: number): Uint8Array {
  const rgb = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inside = x > size / 4 && x < (3 * size) / 4 && y > size / 4 && y < (3 * size) / 4;
      rgb.set(inside ? [230, 200, 40] : [20, 40, 90], (y * size + x) * 3);
    }
  }
  return rgb;
}

/** A model as the files tfjs' browser download writes: model.json and one shard. */
async function modelFiles(model: tf.LayersModel): Promise<PickedFile[]> {
  let files: PickedFile[] = [];
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights = tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? new ArrayBuffer(0));
      const json = { format: 'layers-model', modelTopology: artifacts.modelTopology, weightsManifest: [{ paths: ['./weights.bin'], weights: artifacts.weightSpecs }] };
      files = [
        { name: 'model.json', data: new TextEncoder().encode(JSON.stringify(json)).buffer },
        { name: 'weights.bin', data: weights },
      ];
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return files;
}

describe('Classifier', { timeout: 120_000 }, () => {
  const runs = memoryRunStore();
  const weights = memoryWeights();
  let classifier: Classifier;

  beforeAll(async () => {
    await tf.setBackend('cpu');
    const trained = buildLayersModel(configure('xception', {}, 'small').model, { seed: 4 });
    await weights.save(trained, 'r1');
    trained.dispose();
    await runs.put(run('r1', true));
    await runs.put(run('r2', false));
    // A ResNet-20 with option-A shortcuts: its saved model holds the app's PadChannels layer.
    const resnet = buildLayersModel(configure('resnet', {}, 'cifar').model, { seed: 5 });
    await weights.save(resnet, 'r3');
    resnet.dispose();
    await runs.put({ ...run('r3', true), name: 'resnet cifar · Digits r3', network: 'resnet', options: configure('resnet', {}, 'cifar').optionText } as RunRecord);
    classifier = new Classifier({
      backends: new Backends({ probe: () => null }),
      shippedTraining: async (folder) => JSON.parse(readFileSync(join(shippedDir(folder), 'training.json'), 'utf8')) as ShippedTraining,
      shippedModel: (folder) => loadModelFiles(shippedDir(folder)),
      runs,
      weights,
      imagenetClasses: async () => IMAGENET_CLASSES,
    });
  }, 60_000);

  afterAll(() => {
    tf.disposeVariables();
  });

  it('offers the shipped weights with their test accuracy and the runs whose weights are saved', async () => {
    const choices = await classifier.choices();
    expect(choices.map((c) => c.id)).toEqual(['shipped:googlenet-small', 'shipped:xception-small', 'run:r1', 'run:r3']);
    expect(choices[0].label).toMatch(/^GoogLeNet small · CIFAR-10 \(shipped, \d+\.\d% test accuracy\)$/);
    expect(choices[2].network).toBe('xception');
  });

  it('classifies with the shipped GoogLeNet exactly as its LayersModel does, and maps Grad-CAM at 5a', async () => {
    const info = await classifier.select('shipped:googlenet-small', 'cpu');
    expect(info).toMatchObject({ network: 'googlenet', inputSize: 32, defaultCamModule: 'inception_5a', backend: { name: 'cpu' } });
    expect(info.classNames).toContain('horse');
    const rgb = picture(32);
    const result = classifier.predict({ rgb, size: 32 });
    expect(result.top).toHaveLength(5);
    expect(result.backend).toBe('cpu');
    const probabilities = result.top.map((p) => p.probability);
    expect([...probabilities].sort((a, b) => b - a)).toEqual(probabilities);

    const reference = await loadModelFiles(shippedDir('googlenet-small'));
    const expected = tf.tidy(() => (reference.predict(tf.tensor4d(Float32Array.from(rgb, (v) => v / 127.5 - 1), [1, 32, 32, 3])) as tf.Tensor).dataSync());
    reference.dispose();
    for (const p of result.top) expect(p.probability).toBeCloseTo(expected[p.index], 5);
    expect(result.top[0].name).toBe(info.classNames[result.top[0].index]);

    const cam = classifier.gradCam({ rgb, size: 32 }, result.top[0].index, info.defaultCamModule);
    expect([cam.height, cam.width]).toEqual([4, 4]);
    expect(Math.max(...cam.heat)).toBeCloseTo(1, 5);
  });

  it('names a wrong image size, an unknown class and a deleted run', async () => {
    await classifier.select('shipped:xception-small', 'cpu');
    expect(() => classifier.predict({ rgb: new Uint8Array(10), size: 2 })).toThrow(/takes 32×32 RGB images; it was given 2×2/);
    expect(() => classifier.gradCam({ rgb: picture(32), size: 32 }, 10, 'block8')).toThrow(/class 10 does not exist: the network has 10 classes/);
    await expect(classifier.select('run:r2', 'cpu')).rejects.toThrow(/no saved weights/);
    await expect(classifier.select('imagenet', 'cpu')).rejects.toThrow(/Load ImageNet weights/);
  });

  it('classifies with a run trained in this browser, with its own class names', async () => {
    const info = await classifier.select('run:r1', 'cpu');
    expect(info.label).toBe('xception small · Digits r1 (trained here)');
    expect(info.classNames).toEqual(DIGITS);
    expect(classifier.predict({ rgb: picture(32), size: 32 }).top[0].name).toMatch(/^\d$/);
  });

  it('classifies with a trained ResNet too, Grad-CAM at its last stage', async () => {
    const info = await classifier.select('run:r3', 'cpu');
    expect(info).toMatchObject({ network: 'resnet', inputSize: 32 });
    expect(info.defaultCamModule).toMatch(/^layer3\./);
    const prediction = classifier.predict({ rgb: picture(32), size: 32 });
    expect(prediction.top[0].name).toMatch(/^\d$/);
  });

  describe('ImageNet weights', () => {
    // A small Xception with 1000 classes stands in for Keras' (88 MB): same layer names, same code path.
    const options = { width: '0.125', middle: '1', input: '71' };

    it('load by layer name and predict exactly as the model they came from', async () => {
      const source = buildLayersModel(configure('xception', options).model, { seed: 9 });
      const files = await modelFiles(source);
      const info = await classifier.loadImagenet({ files }, { network: 'xception', text: options }, 'cpu');
      expect(info).toMatchObject({ id: 'imagenet', network: 'xception', inputSize: 71, defaultCamModule: 'block7' });
      expect(info.classNames).toHaveLength(1000);
      expect(info.classNames[0]).toBe('tench');

      const rgb = picture(71);
      const top = classifier.predict({ rgb, size: 71 }).top;
      const expected = tf.tidy(() => (source.predict(tf.tensor4d(Float32Array.from(rgb, (v) => v / 127.5 - 1), [1, 71, 71, 3])) as tf.Tensor).dataSync());
      source.dispose();
      for (const p of top) expect(p.probability).toBeCloseTo(expected[p.index], 6);
      expect((await classifier.choices()).at(-1)).toEqual({ id: 'imagenet', label: 'Xception · ImageNet (loaded)', network: 'xception' });

      // Kept while other weights are used, and selectable again.
      await classifier.select('shipped:googlenet-small', 'cpu');
      expect((await classifier.select('imagenet', 'cpu')).inputSize).toBe(71);
    });

    it('name the first mismatch, and need 1000 classes', async () => {
      const wider = buildLayersModel(configure('xception', { ...options, width: '0.25' }).model, { seed: 9 });
      const files = await modelFiles(wider);
      wider.dispose();
      await expect(classifier.loadImagenet({ files }, { network: 'xception', text: options }, 'cpu')).rejects.toThrow(/block1_conv1\/kernel/);
      await expect(classifier.loadImagenet({ files }, { network: 'xception', text: { ...options, classes: '10' } }, 'cpu')).rejects.toThrow(/ImageNet has 1000 classes, but this Xception has classes=10/);
    });
  });
});
