import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configure } from '../../model/networks';
import { buildLayersModel } from '../build-layers-model';
import {
  loadWeightsByName,
  ModelFileError,
  readModelArtifacts,
  WeightMismatchError,
  type WeightsFile,
} from './imagenet-weights';

// A small explorer Xception: Keras' stem and all four flows, 1/8 of the channels, one middle block.
const SMALL = { width: 0.125, middle: 1, input: 71, classes: 10 } as const;

const build = (seed: number, options: Readonly<Record<string, unknown>> = SMALL) =>
  buildLayersModel(configure('xception', options).model, { seed });

type Spec = tf.io.WeightsManifestEntry;

/** A model's topology, weight specs and weights, as tfjs saves them. */
async function saved(model: tf.LayersModel): Promise<{ topology: object; specs: Spec[]; data: ArrayBuffer }> {
  let out: { topology: object; specs: Spec[]; data: ArrayBuffer } | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      out = { topology: a.modelTopology as object, specs: a.weightSpecs ?? [], data: tf.io.CompositeArrayBuffer.join(a.weightData) };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (!out) throw new Error('tfjs saved nothing');
  return out;
}

/** model.json and `shards` weight files, as tensorflowjs_converter writes them (equal shards, the last shorter). */
function filesOf(topology: object | null, specs: readonly Spec[], data: ArrayBuffer, shards = 3): WeightsFile[] {
  const size = Math.ceil(data.byteLength / shards);
  const paths = Array.from({ length: shards }, (_, i) => `group1-shard${i + 1}of${shards}.bin`);
  const json = { format: 'layers-model', generatedBy: 'keras v2.15.0', convertedBy: 'TensorFlow.js Converter v4.22.0', modelTopology: topology, weightsManifest: [{ paths, weights: specs }] };
  return [
    { name: 'model.json', data: new TextEncoder().encode(JSON.stringify(json)).buffer as ArrayBuffer },
    ...paths.map((name, i) => ({ name, data: data.slice(i * size, (i + 1) * size) })),
  ];
}

const values = (model: tf.LayersModel) => model.weights.map((w) => Array.from(w.read().dataSync()));

function predict(model: tf.LayersModel, x: tf.Tensor): number[] {
  return tf.tidy(() => Array.from((model.predict(x) as tf.Tensor).dataSync()));
}

/** Gives the BatchNorm statistics, γ, β and biases values other than their defaults, so swapping two of them shows. */
function randomizeNonKernels(model: tf.LayersModel): void {
  model.weights.forEach((w, i) => {
    if (w.originalName.endsWith('kernel')) return;
    const value = tf.randomUniform(w.shape as number[], 0.5, 1.5, 'float32', 100 + i);
    w.write(value);
    value.dispose();
  });
}

let source: tf.LayersModel;
let file: Awaited<ReturnType<typeof saved>>;
let input: tf.Tensor;

beforeAll(async () => {
  await tf.setBackend('cpu');
  source = build(1);
  randomizeNonKernels(source);
  file = await saved(source);
  input = tf.randomUniform([1, 71, 71, 3], -1, 1, 'float32', 7);
});

afterAll(() => {
  source.dispose();
  input.dispose();
});

/** Runs `check` on a fresh explorer Xception (seed 2), then disposes it. */
function withTarget(check: (model: tf.LayersModel) => void | Promise<void>, options?: Readonly<Record<string, unknown>>) {
  return async () => {
    const model = build(2, options);
    try {
      await check(model);
    } finally {
      model.dispose();
    }
  };
}

/** Expects `load` to throw `error` (class and exact message) and to leave the model and the tensor count as they were. */
function expectRejectedUntouched(model: tf.LayersModel, load: () => unknown, error: new (...args: never[]) => Error, message: string) {
  const before = values(model);
  const tensors = tf.memory().numTensors;
  let thrown: unknown;
  try {
    load();
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(error);
  expect((thrown as Error).message).toBe(message);
  expect(tf.memory().numTensors).toBe(tensors);
  expect(values(model)).toEqual(before);
}

describe('readModelArtifacts({files}) then loadWeightsByName', () => {
  it(
    'loads every weight: the second build then predicts exactly as the first, and no tensor is left behind',
    withTarget(async (target) => {
      expect(predict(target, input)).not.toEqual(predict(source, input));
      const artifacts = await readModelArtifacts({ files: filesOf(file.topology, file.specs, file.data) });
      const tensors = tf.memory().numTensors;
      const result = loadWeightsByName(target, artifacts);
      expect(tf.memory().numTensors).toBe(tensors);
      expect(result).toEqual({ loaded: source.weights.length, skipped: [] });
      expect(values(target)).toEqual(values(source));
      expect(predict(target, input)).toEqual(predict(source, input));
    }),
  );

  it(
    'matches shards by base name, whatever the files are called in the chooser',
    withTarget(async (target) => {
      const files = filesOf(null, file.specs, file.data, 2).map((f, i) => ({ ...f, name: i === 0 ? 'xception/model.json' : `xception/${f.name}` }));
      files.push({ name: 'notes.txt', data: new ArrayBuffer(3) });
      const artifacts = await readModelArtifacts({ files: files.reverse() });
      expect(loadWeightsByName(target, artifacts).loaded).toBe(source.weights.length);
      expect(values(target)).toEqual(values(source));
    }),
  );

  it(
    'loads the artifacts tfjs saves in memory (one weight buffer)',
    withTarget((target) => {
      loadWeightsByName(target, { modelTopology: file.topology, weightSpecs: file.specs, weightData: file.data });
      expect(values(target)).toEqual(values(source));
    }),
  );
});

describe('loadWeightsByName() weight names', () => {
  /** Keras 3's name of the model's weights: the layer's name and the weight's position in it. */
  const keras3Names = (model: tf.LayersModel) =>
    new Map(model.layers.flatMap((layer) => layer.weights.map((w, i) => [w.originalName, `layers/${layer.name}/vars/${i}`] as const)));

  it.each([
    ['with a ":0" suffix', (name: string) => `${name}:0`],
    ['under the model\'s name', (name: string) => `xception/${name}`],
    ['in Keras 3 form (layers/<layer>/vars/<i>)', (name: string) => keras3Names(source).get(name) ?? name],
  ])(
    'accepts names %s',
    (_, rename) =>
      withTarget((target) => {
        const specs = file.specs.map((s) => ({ ...s, name: rename(s.name) }));
        expect(specs[0].name).not.toBe(file.specs[0].name);
        loadWeightsByName(target, { weightSpecs: specs, weightData: file.data });
        expect(values(target)).toEqual(values(source));
      })(),
  );

  it(
    'skips optimizer state and reports it',
    withTarget((target) => {
      const specs: Spec[] = [{ name: 'optimizer/vars/0', shape: [], dtype: 'float32' }, ...file.specs, { name: 'Adam/iter', shape: [], dtype: 'int32', group: 'optimizer' }];
      const data = tf.io.concatenateArrayBuffers([new ArrayBuffer(4), file.data, new ArrayBuffer(4)]);
      expect(loadWeightsByName(target, { weightSpecs: specs, weightData: data })).toEqual({
        loaded: source.weights.length,
        skipped: ['optimizer/vars/0', 'Adam/iter'],
      });
      expect(values(target)).toEqual(values(source));
    }),
  );
});

/** float32 → IEEE half bits (truncated; tiny values flushed to zero): what --quantize_float16 stores. */
function toHalf(value: number): number {
  const bits = new Uint32Array(new Float32Array([value]).buffer)[0];
  const sign = (bits >>> 16) & 0x8000;
  const exponent = ((bits >>> 23) & 0xff) - 127 + 15;
  if (exponent <= 0) return sign;
  if (exponent >= 31) return sign | 0x7c00;
  return sign | (exponent << 10) | ((bits & 0x7fffff) >>> 13);
}

describe('loadWeightsByName() on float16-quantized weights', () => {
  it(
    'dequantizes them to float32 (within float16 precision)',
    withTarget(async (target) => {
      const half = Uint16Array.from(new Float32Array(file.data), toHalf);
      const specs = file.specs.map((s): Spec => ({ ...s, quantization: { dtype: 'float16' } }));
      const artifacts = await readModelArtifacts({ files: filesOf(null, specs, half.buffer, 2) });
      loadWeightsByName(target, artifacts);
      const expected = values(source).flat();
      const actual = values(target).flat();
      expect(actual).toHaveLength(expected.length);
      const worst = actual.reduce((m, a, i) => Math.max(m, Math.abs(a - expected[i]) / (Math.abs(expected[i]) + 0.1)), 0);
      expect(worst).toBeGreaterThan(0);
      expect(worst).toBeLessThan(1.5e-3); // truncation: 2^-10 relative; flushed subnormals: < 6.1e-5
    }),
  );
});

describe('loadWeightsByName() mismatches name the first one and change nothing', () => {
  it('a different width: the first layer\'s shape', async () => {
    const wider = build(3, { ...SMALL, width: 0.25 });
    const { specs, data } = await saved(wider);
    wider.dispose();
    await withTarget((target) =>
      expectRejectedUntouched(
        target,
        () => loadWeightsByName(target, { weightSpecs: specs, weightData: data }),
        WeightMismatchError,
        "block1_conv1/kernel: the file has shape [3,3,3,8], the explorer's Xception expects [3,3,3,4]",
      ),
    )();
  });

  it(
    'another number of classes: the classifier\'s shape',
    withTarget(async (target) => {
      const imagenet = build(3, { ...SMALL, classes: 1000 });
      const { specs, data } = await saved(imagenet);
      imagenet.dispose();
      expectRejectedUntouched(
        target,
        () => loadWeightsByName(target, { weightSpecs: specs, weightData: data }),
        WeightMismatchError,
        "predictions/kernel: the file has shape [256,1000], the explorer's Xception expects [256,10]",
      );
    }),
  );

  /** The file without one weight (its bytes cut out too). */
  function without(name: string): tf.io.ModelArtifacts {
    let offset = 0;
    const kept: Spec[] = [];
    const parts: ArrayBuffer[] = [];
    for (const spec of file.specs) {
      const bytes = 4 * spec.shape.reduce((a, b) => a * b, 1);
      if (spec.name !== name) {
        kept.push(spec);
        parts.push(file.data.slice(offset, offset + bytes));
      }
      offset += bytes;
    }
    expect(kept).toHaveLength(file.specs.length - 1);
    return { weightSpecs: kept, weightData: parts };
  }

  it(
    'a weight the file lacks',
    withTarget((target) =>
      expectRejectedUntouched(target, () => loadWeightsByName(target, without('block7_sepconv2_bn/gamma')), WeightMismatchError, 'block7_sepconv2_bn/gamma is missing from the file'),
    ),
  );

  it(
    'a BatchNorm statistic the file lacks is named in network order, before later layers\' weights',
    withTarget((target) =>
      expectRejectedUntouched(target, () => loadWeightsByName(target, without('block1_conv1_bn/moving_mean')), WeightMismatchError, 'block1_conv1_bn/moving_mean is missing from the file'),
    ),
  );

  it(
    'a weight the model lacks',
    withTarget((target) =>
      expectRejectedUntouched(
        target,
        () =>
          loadWeightsByName(target, {
            weightSpecs: [...file.specs, { name: 'block8_conv1/kernel', shape: [1, 1, 1, 1], dtype: 'float32' }],
            weightData: [file.data, new ArrayBuffer(4)],
          }),
        WeightMismatchError,
        "the file has block8_conv1/kernel, which the explorer's Xception does not have",
      ),
    ),
  );

  it(
    'another dtype',
    withTarget((target) =>
      expectRejectedUntouched(
        target,
        () =>
          loadWeightsByName(target, {
            weightSpecs: file.specs.map((s) => (s.name === 'block2_sepconv1/pointwise_kernel' ? { ...s, dtype: 'int32' } : s)),
            weightData: file.data,
          }),
        WeightMismatchError,
        "block2_sepconv1/pointwise_kernel: the file holds int32 values, the explorer's Xception expects float32",
      ),
    ),
  );

  it(
    'one weight under two names',
    withTarget((target) =>
      expectRejectedUntouched(
        target,
        () =>
          loadWeightsByName(target, {
            weightSpecs: [...file.specs, { ...file.specs[0], name: `xception/${file.specs[0].name}` }],
            weightData: [file.data, file.data.slice(0, 4 * 3 * 3 * 3 * 4)],
          }),
        WeightMismatchError,
        'the file has block1_conv1/kernel twice (as block1_conv1/kernel and xception/block1_conv1/kernel)',
      ),
    ),
  );

  it(
    'weight data shorter than its specs',
    withTarget((target) =>
      expectRejectedUntouched(
        target,
        () => loadWeightsByName(target, { weightSpecs: file.specs, weightData: file.data.slice(4) }),
        ModelFileError,
        `The weight data holds ${(file.data.byteLength - 4).toLocaleString('en-US')} bytes, but model.json describes ${file.data.byteLength.toLocaleString('en-US')}.`,
      ),
    ),
  );
});

describe('readModelArtifacts({files}) errors', () => {
  const read = (files: WeightsFile[]) => readModelArtifacts({ files });
  const text = (name: string, body: string): WeightsFile => ({ name, data: new TextEncoder().encode(body).buffer as ArrayBuffer });
  const shards = () => filesOf(null, file.specs, file.data).slice(1);

  it('no model.json among the files', async () => {
    await expect(read(shards())).rejects.toThrow(
      new ModelFileError('No model.json among the chosen files (group1-shard1of3.bin, group1-shard2of3.bin, group1-shard3of3.bin): choose model.json and every .bin shard it lists, together.'),
    );
  });

  it('several .json files', async () => {
    await expect(read([text('a.json', '{}'), text('b.json', '{}')])).rejects.toThrow(
      'Several .json files were chosen (a.json, b.json): choose one model.json and its .bin shards.',
    );
  });

  it('model.json that is not JSON', async () => {
    await expect(read([text('model.json', 'PK\u0003\u0004 not json')])).rejects.toThrow(/^model\.json is not JSON \(.+\)\.$/);
  });

  it('a graph model', async () => {
    const graph = { format: 'graph-model', modelTopology: { node: [], versions: {} }, signature: {}, weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: [] }] };
    await expect(read([text('model.json', JSON.stringify(graph))])).rejects.toThrow(
      'model.json is a TensorFlow.js graph model, whose weights have no layer names; convert the Keras model with tensorflowjs_converter --input_format keras --output_format tfjs_layers_model.',
    );
  });

  it('a JSON file with no weights manifest', async () => {
    await expect(read([text('model.json', '{"modelTopology": {}}')])).rejects.toThrow('model.json has no "weightsManifest"');
  });

  it('a shard not chosen, named', async () => {
    const files = filesOf(null, file.specs, file.data).filter((f) => f.name !== 'group1-shard2of3.bin');
    await expect(read(files)).rejects.toThrow(
      new ModelFileError('model.json lists the shard group1-shard2of3.bin, which was not chosen. Choose model.json and every .bin shard together.'),
    );
  });

  it('a shard of another size than the manifest says', async () => {
    const files = filesOf(null, file.specs, file.data);
    files[3] = { name: files[3].name, data: files[3].data.slice(8) };
    const n = (x: number) => x.toLocaleString('en-US');
    await expect(read(files)).rejects.toThrow(
      `group1-shard1of3.bin, group1-shard2of3.bin, group1-shard3of3.bin hold together ${n(file.data.byteLength - 8)} bytes, but model.json describes ${n(file.data.byteLength)}: a shard is incomplete or belongs to another model.`,
    );
  });
});

describe('readModelArtifacts({url})', () => {
  const BASE = 'https://models.example/xception';

  /** A fetch that serves `files` under BASE and records what was asked. */
  function server(files: readonly WeightsFile[]) {
    const asked: string[] = [];
    const fetchFn = (async (input: RequestInfo | URL) => {
      const url = String(input);
      asked.push(url);
      const name = new URL(url).pathname.split('/').pop();
      const found = url.startsWith(`${BASE}/`) ? files.find((f) => f.name === name) : undefined;
      return found ? new Response(found.data) : new Response('no such file', { status: 404, statusText: 'Not Found' });
    }) as typeof fetch;
    return { asked, fetchFn };
  }

  it(
    'fetches model.json, then its shards relative to it (with its query), and loads them',
    withTarget(async (target) => {
      const { asked, fetchFn } = server(filesOf(null, file.specs, file.data, 2));
      const progress: number[][] = [];
      const artifacts = await readModelArtifacts(
        { url: `${BASE}/model.json?v=2` },
        { fetch: fetchFn, onProgress: (loaded, total) => progress.push([loaded, total]) },
      );
      expect(asked.sort()).toEqual([`${BASE}/group1-shard1of2.bin?v=2`, `${BASE}/group1-shard2of2.bin?v=2`, `${BASE}/model.json?v=2`]);
      expect(progress[0]).toEqual([0, file.data.byteLength]);
      expect(progress.at(-1)).toEqual([file.data.byteLength, file.data.byteLength]);
      loadWeightsByName(target, artifacts);
      expect(values(target)).toEqual(values(source));
    }),
  );

  it('names the URL and the HTTP status of a missing shard', async () => {
    const { fetchFn } = server(filesOf(null, file.specs, file.data, 2).slice(0, 2));
    await expect(readModelArtifacts({ url: `${BASE}/model.json` }, { fetch: fetchFn })).rejects.toThrow(
      new ModelFileError(`${BASE}/group1-shard2of2.bin answered HTTP 404 Not Found.`),
    );
  });

  it('names the URL, the network error and CORS when the fetch fails', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    await expect(readModelArtifacts({ url: `${BASE}/model.json` }, { fetch: failing })).rejects.toThrow(
      new ModelFileError(`Could not fetch ${BASE}/model.json: Failed to fetch. If it is on another server, that server must allow this page's origin (CORS).`),
    );
  });

  it('says when the address served an HTML page instead of model.json', async () => {
    const { fetchFn } = server([{ name: 'model.json', data: new TextEncoder().encode('<!doctype html><html></html>').buffer as ArrayBuffer }]);
    await expect(readModelArtifacts({ url: `${BASE}/model.json` }, { fetch: fetchFn })).rejects.toThrow(
      /^https:\/\/models\.example\/xception\/model\.json is not JSON \(.+\)\. It looks like an HTML page: check the address\.$/,
    );
  });
});
