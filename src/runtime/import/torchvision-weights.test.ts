// torchvisionWeights and setTorchvisionWeights on state dicts made here with seeded values, for
// small configurations of the networks (the same layouts as torchvision's, narrower): every value
// lands where tfjs reads it (OIHW → HWIO, [out, in] → [in, out], torchvision's c×h×w flatten order
// → our h×w×c), GoogLeNet's aux heads are dropped when the configuration has none, and every bad
// state dict is refused by name with the model left as it was. That torch's own logits come out
// is checked by scripts/torchvision-logits.ts, on files torch wrote.

import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { configure, type Configuration } from '../../model/networks';
import type { TensorMap } from '../../weights/state-dict';
import { WeightFileError } from '../../weights/weight-file-error';
import { buildLayersModel } from '../build-layers-model';
import { torchvisionLayout } from './torchvision-names';
import { setTorchvisionWeights, torchvisionWeights, type MappedWeights } from './torchvision-weights';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** GoogLeNet as torchvision builds it, at 1/16 width (224×224, so the aux heads see 14×14 and pool to 4×4). */
const googlenet = (aux: 'on' | 'off') => configure('googlenet', { aux, width: '0.0625', classes: '7' }, 'torchvision');
/** VGG-11 with BatchNorm at 64×64 and 1/32 width: fc1 reads a flattened 2×2×16 map. */
const vgg = configure('vgg', { bn: 'on', input: '64', width: '0.03125', fc: '8', classes: '5' }, 'vgg11');

/** Seeded values, different in every tensor. */
const value = (k: number, i: number) => Math.fround(Math.sin(k * 12.9898 + i * 78.233) * 0.5);

/** A state dict with the configuration's keys and shapes (in torchvision's layout), and a counter per BatchNorm. */
function stateDict(configuration: Configuration): TensorMap {
  const tensors: TensorMap = new Map();
  torchvisionLayout(configuration).forEach((layer) => {
    for (const [key, shape] of layer.keys) {
      const k = tensors.size;
      const size = shape.reduce((a, b) => a * b, 1);
      tensors.set(key, { shape: [...shape], dtype: 'float32', data: Float32Array.from({ length: size }, (_, i) => value(k, i)) });
    }
    if (layer.kind === 'batchNorm') tensors.set(layer.keys[0][0].replace(/weight$/, 'num_batches_tracked'), { shape: [], dtype: 'int64', data: new BigInt64Array(1) });
  });
  return tensors;
}

const data = (tensors: TensorMap, key: string) => {
  const t = tensors.get(key);
  if (t === undefined) throw new Error(`no ${key}`);
  return t.data as Float32Array;
};

const mapped = (weights: MappedWeights, layer: string) => {
  const found = weights.layers.find((l) => l.layer === layer);
  if (found === undefined) throw new Error(`no layer ${layer}`);
  return found.values;
};

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(WeightFileError);
    return (e as Error).message;
  }
  throw new Error('nothing was refused');
}

describe('torchvisionWeights puts every value where tfjs reads it', () => {
  const tensors = stateDict(googlenet('on'));
  const weights = torchvisionWeights(tensors, googlenet('on'));

  it('a conv: OIHW → HWIO, every element (inception_3a_3x3 = inception3a.branch2.1.conv, 3×3, 6 → 8)', () => {
    const torch = data(tensors, 'inception3a.branch2.1.conv.weight');
    const [kernel] = mapped(weights, 'inception_3a_3x3');
    const [o, i, k] = [8, 6, 3];
    expect(kernel.shape).toEqual([k, k, i, o]);
    for (let a = 0; a < o; a++) for (let b = 0; b < i; b++) for (let h = 0; h < k; h++) for (let w = 0; w < k; w++) {
      expect(kernel.data[((h * k + w) * i + b) * o + a]).toBe(torch[((a * i + b) * k + h) * k + w]);
    }
  });

  it('a BatchNorm: weight, bias, running_mean, running_var as gamma, beta, moving mean, moving variance', () => {
    const values = mapped(weights, 'conv2_bn');
    expect(values.map((v) => Array.from(v.data))).toEqual(['weight', 'bias', 'running_mean', 'running_var'].map((p) => Array.from(data(tensors, `conv3.bn.${p}`))));
  });

  it('the classifier: [out, in] → [in, out], and its bias', () => {
    const [kernel, bias] = mapped(weights, 'fc');
    const torch = data(tensors, 'fc.weight');
    expect(kernel.shape).toEqual([64, 7]);
    for (let u = 0; u < 7; u++) for (let j = 0; j < 64; j++) expect(kernel.data[j * 7 + u]).toBe(torch[u * 64 + j]);
    expect(bias.data).toEqual(data(tensors, 'fc.bias'));
  });

  it('aux1_fc1 after a flatten of 4×4×8: torchvision\'s input c·16 + y·4 + x is our (y·4 + x)·8 + c', () => {
    const [kernel] = mapped(weights, 'aux1_fc1');
    const torch = data(tensors, 'aux1.fc1.weight');
    const units = 64;
    expect(kernel.shape).toEqual([128, units]);
    for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) for (let c = 0; c < 8; c++) for (let u = 0; u < units; u++) {
      expect(kernel.data[((y * 4 + x) * 8 + c) * units + u]).toBe(torch[u * 128 + c * 16 + y * 4 + x]);
    }
  });

  it('VGG: features.N in conv order, BatchNorm at N + 1, classifier.0/3/6; fc1 reads a flattened 2×2×16', () => {
    const layout = torchvisionLayout(vgg);
    expect(layout.filter((l) => l.kind !== 'batchNorm').map((l) => `${l.layer} ${l.keys[0][0]}`)).toEqual([
      'block1_conv1 features.0.weight', 'block2_conv1 features.4.weight', 'block3_conv1 features.8.weight', 'block3_conv2 features.11.weight',
      'block4_conv1 features.15.weight', 'block4_conv2 features.18.weight', 'block5_conv1 features.22.weight', 'block5_conv2 features.25.weight',
      'fc1 classifier.0.weight', 'fc2 classifier.3.weight', 'predictions classifier.6.weight',
    ]);
    expect(layout.find((l) => l.layer === 'block5_conv2_bn')?.keys[0][0]).toBe('features.26.weight');
    const vggTensors = stateDict(vgg);
    const [kernel] = mapped(torchvisionWeights(vggTensors, vgg), 'fc1');
    const torch = data(vggTensors, 'classifier.0.weight');
    for (let y = 0; y < 2; y++) for (let x = 0; x < 2; x++) for (let c = 0; c < 16; c++) for (let u = 0; u < 8; u++) {
      expect(kernel.data[((y * 2 + x) * 16 + c) * 8 + u]).toBe(torch[u * 64 + c * 4 + y * 2 + x]);
    }
  });

  it('with aux=off, the aux heads\' keys are dropped and named', () => {
    const dropped = torchvisionWeights(tensors, googlenet('off'));
    // Each head: a conv weight, a BatchNorm's 4 tensors, fc1 and fc2 with a bias each = 9.
    expect(dropped.dropped).toHaveLength(18);
    expect(dropped.dropped.every((key) => /^aux[12]\./.test(key))).toBe(true);
    expect(dropped.layers.some((l) => l.layer.startsWith('aux'))).toBe(false);
  });
});

describe('setTorchvisionWeights', () => {
  it('writes every weight of the model, and leaks no tensor', () => {
    const configuration = googlenet('on');
    const weights = torchvisionWeights(stateDict(configuration), configuration);
    const model = buildLayersModel(configuration.model, { init: 'zeros' });
    const before = tf.memory().numTensors;
    expect(setTorchvisionWeights(model, weights)).toBe(model.weights.length);
    expect(tf.memory().numTensors).toBe(before);
    for (const layer of weights.layers) {
      model.getLayer(layer.layer).weights.forEach((variable, i) => expect(variable.read().dataSync()).toEqual(layer.values[i].data));
    }
    model.dispose();
  });

  it('refuses weights of another configuration and writes nothing', () => {
    const weights = torchvisionWeights(stateDict(googlenet('on')), googlenet('on'));
    const wider = buildLayersModel(configure('googlenet', { aux: 'on', width: '0.125', classes: '7' }, 'torchvision').model, { init: 'zeros' });
    expect(refusal(() => setTorchvisionWeights(wider, weights))).toBe('conv1/kernel: the file gives [7, 7, 3, 4], the model has [7, 7, 3, 8]');
    expect(wider.weights.every((v) => v.read().dataSync().every((n) => n === 0 || n === 1))).toBe(true);
    const noAux = buildLayersModel(googlenet('off').model, { init: 'zeros' });
    expect(refusal(() => setTorchvisionWeights(noAux, weights))).toBe('the file has weights for layer "aux1_conv", which the model does not have');
    wider.dispose();
    noAux.dispose();
  });
});

describe('torchvisionWeights refuses a state dict that does not fit, by key', () => {
  const configuration = googlenet('on');
  const edited = (edit: (t: TensorMap) => void) => {
    const t = stateDict(configuration);
    edit(t);
    return t;
  };

  it('a key missing', () => {
    expect(refusal(() => torchvisionWeights(edited((t) => t.delete('inception4b.branch3.1.bn.running_var')), configuration))).toBe(
      'the file has no "inception4b.branch3.1.bn.running_var" ([4]), which layer "inception_4b_5x5_bn" needs',
    );
  });

  it('a key of the wrong shape', () => {
    const t = edited((m) => m.set('conv1.conv.weight', { shape: [4, 3, 5, 5], dtype: 'float32', data: new Float32Array(300) }));
    expect(refusal(() => torchvisionWeights(t, configuration))).toBe('"conv1.conv.weight" is [4, 3, 5, 5] in the file; layer "conv1" needs [4, 3, 7, 7]');
  });

  it('a key the network does not have', () => {
    const t = edited((m) => m.set('fc2.weight', { shape: [7, 7], dtype: 'float32', data: new Float32Array(49) }));
    expect(refusal(() => torchvisionWeights(t, configuration))).toMatch(/^the file has "fc2\.weight", which googlenet with inception=bottleneck .* does not have$/);
  });

  it('integers where weights should be', () => {
    const t = edited((m) => m.set('fc.bias', { shape: [7], dtype: 'int64', data: new BigInt64Array(7) }));
    expect(refusal(() => torchvisionWeights(t, configuration))).toBe('"fc.bias" holds int64 values, not floating-point weights');
  });
});
