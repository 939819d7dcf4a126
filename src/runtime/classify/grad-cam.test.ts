import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { configure } from '../../model/networks';
import { startNodeBackend } from '../../node/tf-node';
import { buildLayersModel } from '../build-layers-model';
import { layersRunner } from '../worker/execute';
import { camModules, gradCam } from './grad-cam';

const small = (network: string) => configure(network, {}, 'small').model;
const image = () => tf.randomUniform([1, 32, 32, 3], -1, 1, 'float32', 7) as tf.Tensor4D;

describe('camModules', () => {
  it('lists the spatial modules and picks the last convolutional block', () => {
    const googlenet = camModules(small('googlenet'));
    expect(googlenet.modules).toEqual(['conv1', 'pool1', 'conv2', 'inception_3a', 'pool3', 'inception_4a', 'pool4', 'inception_5a']);
    expect(googlenet.defaultModule).toBe('inception_5a');
    const xception = camModules(small('xception'));
    expect(xception.modules[0]).toBe('block1');
    // middle=2: the exit flow's blocks are numbered on from the middle flow's, as Keras numbers them.
    expect(xception.modules.at(-1)).toBe('block8');
    expect(xception.defaultModule).toBe('block8');
  });

  it('leaves out the auxiliary classifiers of the full GoogLeNet', () => {
    const { modules, defaultModule } = camModules(configure('googlenet', { aux: 'on' }).model);
    expect(modules.some((m) => m.startsWith('aux'))).toBe(false);
    expect(defaultModule).toBe('inception_5b');
  });
});

describe('gradCam', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('equals CAM where global average pooling and one dense layer follow the module (the last block of Xception)', () => {
    // Below a global average pool and a dense layer, d score_c / dA[i,j,k] = W[k,c] / (h·w), so
    // Grad-CAM reduces to Zhou et al.'s CAM: ReLU(Σ_k A_k W[k,c]), computed here without gradients.
    const description = small('xception');
    const model = buildLayersModel(description, { seed: 3 });
    const x = image();
    const runner = layersRunner(description, model);
    const cam = (classIndex: number) =>
      tf.tidy(() => {
        let a: tf.Tensor = x;
        for (let i = 0; i <= runner.modules.indexOf('block8'); i++) a = runner.runModule(i, a).next;
        const [kernel] = model.getLayer('predictions').getWeights();
        const map = tf.relu(a.mul(kernel.slice([0, classIndex], [-1, 1]).reshape([-1])).sum(-1)).squeeze([0]);
        return map.div(tf.maximum(map.max(), 1e-12));
      });
    let checked = 0;
    for (let classIndex = 0; classIndex < 10; classIndex++) {
      const expected = cam(classIndex);
      const actual = gradCam(description, model, x, 'block8', classIndex);
      expect(actual.shape).toEqual(expected.shape);
      const diff = tf.tidy(() => actual.sub(expected).abs().max().dataSync()[0]);
      expect(diff).toBeLessThan(1e-4);
      if (expected.max().dataSync()[0] > 0.5) checked++;
      tf.dispose([expected, actual]);
    }
    expect(checked).toBeGreaterThan(2); // most classes have some positive evidence somewhere
    x.dispose();
    model.dispose();
  });

  it('maps an inner module at its own resolution, in [0, 1], and leaves no tensor behind', () => {
    const description = small('googlenet');
    const model = buildLayersModel(description, { seed: 2 });
    const x = image();
    const before = tf.memory().numTensors;
    const cam = gradCam(description, model, x, 'inception_3a', 1);
    expect(cam.shape).toEqual([16, 16]);
    const values = cam.dataSync();
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThanOrEqual(1 + 1e-6);
    expect(Math.max(...values)).toBeGreaterThan(0.5);
    cam.dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    model.dispose();
  });

  it('differs between classes and names an unknown module', () => {
    const description = small('googlenet');
    const model = buildLayersModel(description, { seed: 2 });
    const x = image();
    const [a, b] = [0, 9].map((c) => gradCam(description, model, x, 'inception_5a', c));
    const diff = tf.tidy(() => a.sub(b).abs().max().dataSync()[0]);
    expect(diff).toBeGreaterThan(1e-3);
    expect(() => gradCam(description, model, x, 'inception_9z', 0)).toThrow(/no module "inception_9z"/);
    tf.dispose([a, b, x]);
    model.dispose();
  });
});

describe('gradCam on WASM', { timeout: 60_000 }, () => {
  it('runs with the kernels WASM has (no gather gradient) and agrees with the CPU backend', async () => {
    const description = small('googlenet');
    await tf.setBackend('cpu');
    const model = buildLayersModel(description, { seed: 2 });
    const x = image();
    const cpu = gradCam(description, model, x, 'conv2', 3).arraySync();
    await startNodeBackend('wasm');
    const wasm = gradCam(description, model, x, 'conv2', 3);
    const diff = tf.tidy(() => wasm.sub(tf.tensor2d(cpu)).abs().max().dataSync()[0]);
    expect(diff).toBeLessThan(1e-3);
    tf.dispose([x, wasm]);
    model.dispose();
    await tf.setBackend('cpu');
  });
});
