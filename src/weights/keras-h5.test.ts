// readKerasWeights on .h5 files written by Keras itself (scripts/reference/keras-h5-weights.py):
// every fixture reads back with Keras' names, order, shapes and values; every bad file (cut short,
// not HDF5, over the limit, without layer_names, a shape past the file's end) gets its message.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readKerasWeights, type KerasWeights } from './keras-h5.ts';
import { DEFAULT_MAX_BYTES } from './state-dict.ts';
import { WeightFileError } from './weight-file-error.ts';
import expected from './fixtures/keras-h5-weights.json';

type Expected = typeof expected.keras3;

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
}

/** The layers as plain values: Float32Array values become numbers, which are the JSON's float32s. */
function plain(weights: KerasWeights): Expected {
  return weights.layers.map((layer) => ({
    name: layer.name,
    weights: layer.weights.map((w) => ({ name: w.name, shape: w.shape, values: Array.from(w.data) })),
  }));
}

/** Where `needle` occurs in `bytes`. */
function indexOf(bytes: Uint8Array, needle: number[]): number[] {
  const hits: number[] = [];
  for (let i = 0; i + needle.length <= bytes.length; i++) if (needle.every((b, j) => bytes[i + j] === b)) hits.push(i);
  return hits;
}

describe('readKerasWeights on the files Keras wrote', () => {
  it('keras3-weights.h5 (Keras 3 legacy save_weights): every layer and weight as Keras wrote them', async () => {
    const weights = await readKerasWeights(fixture('keras3-weights.h5'));
    expect(weights).toMatchObject({ layout: 'weights', kerasVersion: '3.15.1', backend: 'jax' });
    expect(plain(weights)).toEqual(expected.keras3);
    expect(weights.layers.map((l) => l.name)).toEqual(['input_layer', 'conv2d', 'batch_normalization', 'separable_conv2d', 'global_average_pooling2d', 'dense']);
    expect(weights.layers[3].weights.map((w) => w.name)).toEqual(['separable_conv2d/depthwise_kernel', 'separable_conv2d/pointwise_kernel', 'separable_conv2d/bias']);
  });

  it('keras2-weights.h5 (Keras 2 names, fixed-length byte strings): names with :0 and _1, in model order', async () => {
    const weights = await readKerasWeights(fixture('keras2-weights.h5'));
    expect(weights).toMatchObject({ layout: 'weights', kerasVersion: '2.2.4', backend: 'tensorflow' });
    expect(plain(weights)).toEqual(expected.keras2);
    expect(weights.layers[1].weights.map((w) => w.name)).toEqual(['conv2d_1/kernel:0', 'conv2d_1/bias:0']);
  });

  it('keras2-vlen-chunked.h5 (variable-length strings, layer_names0 + layer_names1): the same layers', async () => {
    expect(plain(await readKerasWeights(fixture('keras2-vlen-chunked.h5')))).toEqual(expected.keras2);
  });

  it('keras3-model.h5 (a whole model from model.save): its model_weights, reported as a model', async () => {
    const weights = await readKerasWeights(fixture('keras3-model.h5'));
    expect(weights.layout).toBe('model');
    expect(plain(weights)).toEqual(expected.keras3);
  });

  it('the same weights whichever Keras wrote them: Keras 2 and 3 differ in names only', () => {
    const values = (layers: Expected) => layers.map((l) => l.weights.map((w) => [w.shape, w.values]));
    expect(values(expected.keras2)).toEqual(values(expected.keras3));
  });

  it('reports progress in bytes of float32 data, after each of the 11 weights: 4 × 127 bytes in the end', async () => {
    // 3×3×2×3 + 3 (conv) + 4×3 (BatchNorm) + 3×3×3 + 3×4 + 4 (separable) + 4×3 + 3 (dense) = 127 values.
    const calls: [number, number][] = [];
    await readKerasWeights(fixture('keras3-weights.h5'), { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toHaveLength(11);
    expect(calls.at(-1)).toEqual([508, 508]);
  });
});

describe('readKerasWeights on bad files', () => {
  const file = fixture('keras3-weights.h5');

  it('a file cut short anywhere is named as truncated, with both lengths', async () => {
    const cuts = [1, 7, 8, 13, 40, 100, 1_000, 5_000, 10_000, 20_000, file.length - 1];
    for (const cut of cuts) {
      const error = await readKerasWeights(file.slice(0, cut)).catch((e: unknown) => e);
      expect(error, `cut at ${cut}`).toBeInstanceOf(WeightFileError);
      expect((error as Error).message, `cut at ${cut}`).toMatch(/^truncated HDF5 file: it has [\d,]+ bytes, (too few for its superblock|and its superblock says it has 22,016)/);
    }
    await expect(readKerasWeights(file.slice(0, 20_000))).rejects.toThrow('truncated HDF5 file: it has 20,000 bytes, and its superblock says it has 22,016');
  });

  it('every fixture cut every 1,001 bytes throws a WeightFileError, never anything else', async () => {
    for (const name of ['keras2-weights.h5', 'keras2-vlen-chunked.h5', 'keras3-model.h5']) {
      const bytes = fixture(name);
      for (let cut = 0; cut < bytes.length; cut += 1_001) {
        await expect(readKerasWeights(bytes.slice(0, cut)), `${name} cut at ${cut}`).rejects.toBeInstanceOf(WeightFileError);
      }
    }
  });

  it('a file that is not HDF5: an empty one, a zip (.pth), text', async () => {
    await expect(readKerasWeights(new Uint8Array(0))).rejects.toThrow('not an HDF5 file: the file is empty');
    await expect(readKerasWeights(new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 0, 0, 8, 0]))).rejects.toThrow(
      'not an HDF5 file: it does not start with the HDF5 signature 89 48 44 46 0d 0a 1a 0a; its first bytes are 50 4b 03 04 14 00 00 00',
    );
    await expect(readKerasWeights(new TextEncoder().encode('{"format": "layers-model"}'))).rejects.toThrow(/^not an HDF5 file/);
  });

  it('a file over the size limit is refused before it is read; the default admits Keras VGG16 (553 MB)', async () => {
    await expect(readKerasWeights(file, { maxBytes: 22_015 })).rejects.toThrow('the file has 22,016 bytes, more than the limit of 22,015 bytes');
    expect(DEFAULT_MAX_BYTES).toBeGreaterThan(553_467_096);
  });

  it('an HDF5 file without layer_names, at the top or in model_weights', async () => {
    for (const name of ['keras2-weights.h5', 'keras3-model.h5']) {
      // Renaming the attribute in place (same length) keeps the file valid HDF5.
      const bytes = fixture(name);
      const at = indexOf(bytes, [...new TextEncoder().encode('layer_names')]);
      expect(at, name).toHaveLength(1);
      bytes[at[0] + 10] = 'X'.charCodeAt(0);
      await expect(readKerasWeights(bytes), name).rejects.toThrow(/^not a Keras weights file: it has no "layer_names" attribute, at the top or in a "model_weights" group/);
    }
  });

  it('a dataset whose shape reaches past the end of the file names its layer and weight', async () => {
    // dense_1/kernel:0 is 4×3: its dataspace message holds the dims 4, 3 and the max dims 4, 3 (8 bytes each).
    const bytes = fixture('keras2-weights.h5');
    const dims = [4, 3, 4, 3].flatMap((n) => [n, 0, 0, 0, 0, 0, 0, 0]);
    const at = indexOf(bytes, dims);
    expect(at).toHaveLength(1);
    bytes[at[0] + 9] = 0x10; // 3 → 4,099 columns: 65,584 bytes of data in a 21,328-byte file
    bytes[at[0] + 25] = 0x10;
    await expect(readKerasWeights(bytes)).rejects.toThrow('layer "dense_1", weight "dense_1/kernel:0": invalid dataset size, likely file corruption');
  });
});

describe('readKerasWeights on files that are not what they say', () => {
  /** `bytes` with the first occurrence of `from` replaced by `to` (same length, so the file stays valid HDF5). */
  function replaced(bytes: Uint8Array, from: string, to: string): Uint8Array {
    const at = indexOf(bytes, [...new TextEncoder().encode(from)]);
    expect(at.length, from).toBeGreaterThan(0);
    bytes.set(new TextEncoder().encode(to), at[0]);
    return bytes;
  }

  it('a layer in layer_names without its group', async () => {
    // "dense_1" also names its group (in the root's name heap, further on): the root's attributes
    // come first in the file, the list of 26-byte strings padding it with NULs.
    const bytes = replaced(fixture('keras2-weights.h5'), 'dense_1\0', 'dense_9\0');
    await expect(readKerasWeights(bytes)).rejects.toThrow('layer "dense_9" is in layer_names, but the file has no group "dense_9"');
  });

  it('a weight in weight_names without its dataset', async () => {
    const bytes = replaced(fixture('keras2-weights.h5'), 'dense_1/bias:0', 'dense_1/bias:9');
    await expect(readKerasWeights(bytes)).rejects.toThrow('layer "dense_1": weight "dense_1/bias:9" is in weight_names, but the group has no dataset "dense_1/bias:9"');
  });

  it('a Keras 3 .weights.h5 file (model.save_weights) is named as such', async () => {
    await expect(readKerasWeights(fixture('keras3.weights.h5'))).rejects.toThrow(/^a Keras 3 "\.weights\.h5" file \(its weights under layers\/<name>\/vars\/0, 1, …\)/);
  });
});
