// A torchvision state dict as the weights of a tfjs model built from our description: every key
// of the layout (torchvision-names.ts) taken from the file with its shape checked, transposed into
// tfjs' layout (conv OIHW → HWIO, dense [out, in] → [in, out], a flattened c×h×w input reordered
// to our h×w×c), then written into the model once everything fits, so a bad file changes nothing.

import * as tf from '@tensorflow/tfjs';
import type { Configuration } from '../../model/networks';
import type { TensorMap, WeightTensor } from '../../weights/state-dict';
import { WeightFileError } from '../../weights/weight-file-error';
import { droppableKey, torchvisionLayout, type TorchvisionLayer } from './torchvision-names';

/** One weight in tfjs' layout. */
export interface WeightValue {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/** A layer's weights in tfjs' order: conv kernel (+ bias); BN gamma, beta, moving mean, moving variance; dense kernel, bias. */
export interface LayerWeights {
  readonly layer: string;
  readonly values: readonly WeightValue[];
}

export interface MappedWeights {
  readonly layers: readonly LayerWeights[];
  /** Keys of the file the configuration has no place for and leaves out, as torchvision does (GoogLeNet's aux heads with aux=off). */
  readonly dropped: readonly string[];
}

const shapeText = (shape: readonly (number | null)[]) => `[${shape.join(', ')}]`;
const isCounter = (key: string) => key === 'num_batches_tracked' || key.endsWith('.num_batches_tracked');

function floats(key: string, t: WeightTensor): Float32Array {
  if (t.data instanceof Float32Array) return t.data;
  if (t.data instanceof Float64Array) return Float32Array.from(t.data);
  throw new WeightFileError(`"${key}" holds ${t.dtype} values, not floating-point weights`);
}

/** OIHW → HWIO. */
function convKernel(w: Float32Array, [o, i, kh, kw]: readonly number[]): WeightValue {
  const out = new Float32Array(w.length);
  for (let a = 0; a < o; a++) for (let b = 0; b < i; b++) for (let h = 0; h < kh; h++) for (let x = 0; x < kw; x++) {
    out[((h * kw + x) * i + b) * o + a] = w[((a * i + b) * kh + h) * kw + x];
  }
  return { shape: [kh, kw, i, o], data: out };
}

/** [out, in] → [in, out]; when the input was flattened from an h×w×c map, torchvision's input j = c·h·w order becomes ours, (y·w + x)·c + ch. */
function denseKernel(w: Float32Array, [units, inputs]: readonly number[], flattened?: readonly number[]): WeightValue {
  const out = new Float32Array(w.length);
  const [h, width, c] = flattened ?? [1, 1, inputs];
  for (let y = 0; y < h; y++) for (let x = 0; x < width; x++) for (let ch = 0; ch < c; ch++) {
    const ours = (y * width + x) * c + ch;
    const theirs = (ch * h + y) * width + x;
    for (let u = 0; u < units; u++) out[ours * units + u] = w[u * inputs + theirs];
  }
  return { shape: [inputs, units], data: out };
}

function layerValues(layout: TorchvisionLayer, tensors: TensorMap): LayerWeights {
  const values = layout.keys.map(([key, shape]) => {
    const t = tensors.get(key);
    if (t === undefined) throw new WeightFileError(`the file has no "${key}" (${shapeText(shape)}), which layer "${layout.layer}" needs`);
    if (t.shape.length !== shape.length || t.shape.some((n, i) => n !== shape[i])) {
      throw new WeightFileError(`"${key}" is ${shapeText(t.shape)} in the file; layer "${layout.layer}" needs ${shapeText(shape)}`);
    }
    return floats(key, t);
  });
  const [first, ...rest] = values;
  const vector = (data: Float32Array): WeightValue => ({ shape: [data.length], data });
  switch (layout.kind) {
    case 'conv2d':
      return { layer: layout.layer, values: [convKernel(first, layout.keys[0][1]), ...rest.map(vector)] };
    case 'dense':
      return { layer: layout.layer, values: [denseKernel(first, layout.keys[0][1], layout.flattened), ...rest.map(vector)] };
    case 'batchNorm':
      // torchvision's weight, bias, running_mean, running_var are tfjs' gamma, beta, moving mean, moving variance.
      return { layer: layout.layer, values: values.map(vector) };
  }
}

/** The file's weights for every layer of the configuration, in tfjs' layout; a WeightFileError for a missing, misshapen or extra key. */
export function torchvisionWeights(tensors: TensorMap, configuration: Configuration): MappedWeights {
  const layout = torchvisionLayout(configuration);
  const layers = layout.map((l) => layerValues(l, tensors));
  const used = new Set(layout.flatMap((l) => l.keys.map(([key]) => key)));
  const unused = [...tensors.keys()].filter((key) => !used.has(key) && !isCounter(key));
  const extra = unused.find((key) => !droppableKey(configuration.network, key));
  if (extra !== undefined) throw new WeightFileError(`the file has "${extra}", which ${configuration.network} with ${describeOptions(configuration)} does not have`);
  return { layers, dropped: unused };
}

const describeOptions = (c: Configuration) => Object.entries(c.optionText).map(([k, v]) => `${k}=${v}`).join(' ');

/** Writes mapped weights into a model buildLayersModel made; every layer and shape is checked before anything is written. Returns the weights written. */
export function setTorchvisionWeights(model: tf.LayersModel, weights: MappedWeights): number {
  const byLayer = new Map(weights.layers.map((l) => [l.layer, l.values]));
  const targets = model.layers.filter((layer) => layer.weights.length > 0);
  const pairs = targets.flatMap((layer) => {
    const values = byLayer.get(layer.name);
    if (values === undefined) throw new WeightFileError(`layer "${layer.name}" of the model gets no weights from the file`);
    if (values.length !== layer.weights.length) throw new WeightFileError(`layer "${layer.name}" has ${layer.weights.length} weights, the file gives it ${values.length}`);
    return layer.weights.map((variable, i) => {
      const { shape } = values[i];
      if (shape.length !== variable.shape.length || shape.some((n, k) => n !== variable.shape[k])) {
        throw new WeightFileError(`${variable.originalName}: the file gives ${shapeText(shape)}, the model has ${shapeText(variable.shape)}`);
      }
      return { variable, value: values[i] };
    });
  });
  const names = new Set(targets.map((layer) => layer.name));
  const stray = weights.layers.find((l) => !names.has(l.layer));
  if (stray !== undefined) throw new WeightFileError(`the file has weights for layer "${stray.layer}", which the model does not have`);
  for (const { variable, value } of pairs) {
    const tensor = tf.tensor(value.data, [...value.shape], 'float32');
    variable.write(tensor);
    tensor.dispose();
  }
  return pairs.length;
}
