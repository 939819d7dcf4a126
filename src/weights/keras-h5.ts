// Reads the weights of a Keras .h5 file: the legacy `save_weights` layout Keras' ImageNet files
// use (root attributes `layer_names`, `backend`, `keras_version`; a group per layer whose attribute
// `weight_names` lists its float32 datasets, paths relative to the group), or a whole model saved
// with `model.save(…h5)`, which holds the same under `model_weights`. Names are kept as written,
// Keras 2's (`conv2d_1/kernel:0`) and Keras 3's (`conv2d/kernel`) alike: the mapper matches layers
// by order, as Keras' own loader does. Pure TypeScript over h5wasm: the worker and Node use it alike.
import { Dataset, Group, inFile, readFloat32, withHdf5File } from './hdf5.ts';
import { DEFAULT_MAX_BYTES, type ReadOptions } from './state-dict.ts';
import { WeightFileError } from './weight-file-error.ts';
import { stringListAttribute, stringAttribute } from './hdf5-strings.ts';

/** One weight of a layer, as Keras wrote it. */
export interface KerasWeight {
  name: string;
  shape: number[];
  data: Float32Array;
}

/** One layer of `layer_names`, with its weights in `weight_names` order (none for a pool or an input). */
export interface KerasLayerWeights {
  name: string;
  weights: KerasWeight[];
}

/** What a Keras .h5 file holds. */
export interface KerasWeights {
  /** `weights`: a `save_weights` file; `model`: a whole saved model, its weights read from `model_weights`. */
  layout: 'weights' | 'model';
  /** The file's `keras_version` and `backend` attributes, when it has them. */
  kerasVersion?: string;
  backend?: string;
  /** Every layer of `layer_names`, in that order. */
  layers: KerasLayerWeights[];
}

/** Reads the layers and weights of a Keras .h5 file; a file it cannot use throws a WeightFileError. */
export async function readKerasWeights(bytes: Uint8Array, options: ReadOptions = {}): Promise<KerasWeights> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    throw new WeightFileError(`the file has ${bytes.length.toLocaleString('en-US')} bytes, more than the limit of ${maxBytes.toLocaleString('en-US')} bytes`);
  }
  return withHdf5File(bytes, (file) => {
    const nested = file.get('model_weights');
    const isModel = nested instanceof Group && !hasLayerNames(file);
    const root = isModel ? nested : file;
    if (!hasLayerNames(root) && file.get('layers/') instanceof Group && file.get('vars') instanceof Group) {
      throw new WeightFileError('a Keras 3 ".weights.h5" file (its weights under layers/<name>/vars/0, 1, …), not the legacy layout with "layer_names" that Keras\' ImageNet files have; this reader reads the legacy one');
    }
    if (!hasLayerNames(root)) {
      const attrs = Object.keys(file.attrs).join(', ') || 'none';
      throw new WeightFileError(`not a Keras weights file: it has no "layer_names" attribute, at the top or in a "model_weights" group (its attributes: ${attrs})`);
    }
    const layerNames = stringListAttribute(root, 'layer_names');
    const layers = layerNames.map((name) => ({ name, weightNames: stringListAttribute(layerGroup(root, name), 'weight_names') }));
    // Every group and dataset is found, and its shape read, before any values are.
    const datasets = layers.map(({ name, weightNames }) => weightNames.map((weight) => weightDataset(layerGroup(root, name), name, weight)));
    const totalBytes = datasets.flat().reduce((sum, { shape }) => sum + 4 * count(shape), 0);
    let doneBytes = 0;
    return {
      layout: isModel ? 'model' : 'weights',
      kerasVersion: stringAttribute(root, 'keras_version'),
      backend: stringAttribute(root, 'backend'),
      layers: layers.map(({ name, weightNames }, i) => ({
        name,
        weights: weightNames.map((weight, j) =>
          readWeight(datasets[i][j], name, weight, (bytes) => {
            doneBytes += bytes;
            options.onProgress?.(doneBytes, totalBytes);
          }),
        ),
      })),
    };
  });
}

function hasLayerNames(group: Group): boolean {
  // Keras splits a list over 64 KB into layer_names0, layer_names1, … (save_attributes_to_hdf5_group).
  return 'layer_names' in group.attrs || 'layer_names0' in group.attrs;
}

function layerGroup(root: Group, name: string): Group {
  const group = root.get(name);
  if (!(group instanceof Group)) {
    throw new WeightFileError(`layer "${name}" is in layer_names, but the file has no group "${name}"`);
  }
  return group;
}

function weightDataset(group: Group, layer: string, weight: string): { dataset: Dataset; shape: number[] } {
  return inFile(`layer "${layer}", weight "${weight}"`, () => {
    const dataset = group.get(weight);
    if (!(dataset instanceof Dataset)) {
      throw new WeightFileError(`layer "${layer}": weight "${weight}" is in weight_names, but the group has no dataset "${weight}"`);
    }
    return { dataset, shape: dataset.shape ?? [] };
  });
}

function readWeight({ dataset, shape }: { dataset: Dataset; shape: number[] }, layer: string, name: string, onRead: (bytes: number) => void): KerasWeight {
  const where = `layer "${layer}", weight "${name}"`;
  const { type, size } = inFile(where, () => dataset.metadata);
  // HDF5 type class 1 is floating point; Keras stores float32 (h5wasm converts the byte order).
  if (type !== 1 || size !== 4) {
    throw new WeightFileError(`${where}: its values are ${String(dataset.dtype)} (${size} bytes each), not float32`);
  }
  const data = inFile(where, () => readFloat32(dataset, shape, onRead));
  if (!(data instanceof Float32Array) || data.length !== count(shape)) {
    const got = data instanceof Float32Array ? `${data.length.toLocaleString('en-US')} values` : 'no values';
    throw new WeightFileError(`${where}: shape ${shape.join('×') || 'scalar'} needs ${count(shape).toLocaleString('en-US')} values, and the file holds ${got}`);
  }
  return { name, shape, data };
}

function count(shape: number[]): number {
  return shape.reduce((product, n) => product * n, 1);
}
