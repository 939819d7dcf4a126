// ImageNet weights for the explorer's own networks: a tfjs layers model converted from Keras
// (model.json and its shards, from a URL or from picked files) is read and checked here, then its
// weights are assigned by layer name to a model that buildLayersModel made from the description.
// The converted topology is never used: the description decides what runs.

import * as tf from '@tensorflow/tfjs';
import { networks } from '../../model/networks';
import type { NetworkName } from '../../model/types';
import { expectedWeightBytes, ModelFileError } from '../training/model-files';

export { ModelFileError } from '../training/model-files';

/** A picked file: model.json or one of its weight shards. */
export interface WeightsFile {
  readonly name: string;
  readonly data: ArrayBuffer;
}

export type WeightsSource = { readonly url: string } | { readonly files: readonly WeightsFile[] };

export interface ReadOptions {
  /** The fetch to use (default: the global one); tests pass a fake. */
  readonly fetch?: typeof fetch;
  /** Called after model.json and after each shard: bytes of weights read so far, of all. */
  readonly onProgress?: (loadedBytes: number, totalBytes: number) => void;
}

/** A weight of the file that does not fit the model; `weight` is its name. */
export class WeightMismatchError extends Error {
  override name = 'WeightMismatchError';
  constructor(
    readonly weight: string,
    message: string,
  ) {
    super(message);
  }
}

type Spec = tf.io.WeightsManifestEntry;

interface ManifestGroup {
  readonly paths: readonly string[];
  readonly weights: readonly Spec[];
}

interface ParsedModelJson {
  readonly json: Readonly<Record<string, unknown>>;
  readonly groups: readonly ManifestGroup[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isSpec = (value: unknown): value is Spec =>
  isObject(value) &&
  typeof value.name === 'string' &&
  typeof value.dtype === 'string' &&
  Array.isArray(value.shape) &&
  value.shape.every((n) => Number.isInteger(n) && n >= 0);

const CONVERT = 'convert the Keras model with tensorflowjs_converter --input_format keras --output_format tfjs_layers_model';

/** Checks model.json's text (`where` names it in messages) and returns its weights manifest. */
function parseModelJson(text: string, where: string): ParsedModelJson {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const html = /^\s*</.test(text) ? ' It looks like an HTML page: check the address.' : '';
    throw new ModelFileError(`${where} is not JSON (${(error as Error).message}).${html}`);
  }
  if (!isObject(json)) throw new ModelFileError(`${where} does not hold a JSON object: it is not a TensorFlow.js model.`);
  const topology = json.modelTopology;
  if (json.format === 'graph-model' || 'signature' in json || (isObject(topology) && Array.isArray(topology.node))) {
    throw new ModelFileError(
      `${where} is a TensorFlow.js graph model, whose weights have no layer names; ${CONVERT}.`,
    );
  }
  const manifest = json.weightsManifest;
  if (!Array.isArray(manifest) || manifest.length === 0) {
    throw new ModelFileError(`${where} has no "weightsManifest": it is not a TensorFlow.js layers model; ${CONVERT}.`);
  }
  const groups = manifest.map((group, i): ManifestGroup => {
    if (
      !isObject(group) ||
      !Array.isArray(group.paths) ||
      !group.paths.every((p) => typeof p === 'string') ||
      !Array.isArray(group.weights) ||
      !group.weights.every(isSpec)
    ) {
      throw new ModelFileError(`${where}: weightsManifest[${i}] is not a list of paths and weights.`);
    }
    return { paths: group.paths as string[], weights: group.weights };
  });
  return { json, groups };
}

/** The artifacts of a checked model.json and its shards (in manifest order, one buffer each). */
function artifactsOf({ json, groups }: ParsedModelJson, shards: readonly ArrayBuffer[]): tf.io.ModelArtifacts {
  const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return {
    ...(isObject(json.modelTopology) ? { modelTopology: json.modelTopology } : {}),
    ...(str(json.format) ? { format: str(json.format) } : {}),
    ...(str(json.generatedBy) ? { generatedBy: str(json.generatedBy) } : {}),
    ...(str(json.convertedBy) ? { convertedBy: str(json.convertedBy) } : {}),
    ...(isObject(json.userDefinedMetadata) ? { userDefinedMetadata: json.userDefinedMetadata as Record<string, object> } : {}),
    weightSpecs: groups.flatMap((g) => g.weights),
    weightData: [...shards],
  };
}

/** Throws unless a group's shards together hold the bytes its weights need. */
function checkGroupBytes(group: ManifestGroup, shards: readonly ArrayBuffer[]): void {
  const expected = expectedWeightBytes(group.weights);
  const actual = shards.reduce((sum, shard) => sum + shard.byteLength, 0);
  if (actual === expected) return;
  const names = group.paths.map(basename).join(', ');
  const held = group.paths.length === 1 ? 'holds' : 'hold together';
  throw new ModelFileError(
    `${names} ${held} ${actual.toLocaleString('en-US')} bytes, but model.json describes ${expected.toLocaleString('en-US')}: a shard is incomplete or belongs to another model.`,
  );
}

const totalBytes = (groups: readonly ManifestGroup[]) => groups.reduce((sum, g) => sum + expectedWeightBytes(g.weights), 0);

function basename(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** Reads a tfjs layers model (model.json and every shard) from a URL or from picked files. */
export async function readModelArtifacts(source: WeightsSource, options: ReadOptions = {}): Promise<tf.io.ModelArtifacts> {
  return 'url' in source ? readFromUrl(source.url, options) : readFromFiles(source.files, options);
}

function readFromFiles(files: readonly WeightsFile[], { onProgress }: ReadOptions): tf.io.ModelArtifacts {
  const chosen = files.map((f) => f.name).join(', ') || 'none';
  const jsons = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
  const named = jsons.filter((f) => basename(f.name) === 'model.json');
  const modelFile = jsons.length === 1 ? jsons[0] : named.length === 1 ? named[0] : undefined;
  if (!modelFile) {
    throw new ModelFileError(
      jsons.length === 0
        ? `No model.json among the chosen files (${chosen}): choose model.json and every .bin shard it lists, together.`
        : `Several .json files were chosen (${jsons.map((f) => f.name).join(', ')}): choose one model.json and its .bin shards.`,
    );
  }
  const parsed = parseModelJson(new TextDecoder().decode(modelFile.data), modelFile.name);
  const byName = new Map(files.map((f) => [basename(f.name), f.data]));
  const missing = parsed.groups.flatMap((g) => g.paths.map(basename)).filter((name) => !byName.has(name));
  if (missing.length > 0) {
    const more = missing.length > 1 ? ` (${missing.length} shards are missing: ${missing.join(', ')})` : '';
    throw new ModelFileError(
      `model.json lists the shard ${missing[0]}, which was not chosen${more}. Choose model.json and every .bin shard together.`,
    );
  }
  const shards = parsed.groups.flatMap((group) => {
    const data = group.paths.map((path) => byName.get(basename(path)) as ArrayBuffer);
    checkGroupBytes(group, data);
    return data;
  });
  const total = totalBytes(parsed.groups);
  onProgress?.(total, total);
  return artifactsOf(parsed, shards);
}

const CORS = "If it is on another server, that server must allow this page's origin (CORS).";

async function fetchOk(fetchFn: typeof fetch, url: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetchFn(url);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ModelFileError(`Could not fetch ${url}: ${reason}. ${CORS}`, { cause: error });
  }
  if (!response.ok) {
    throw new ModelFileError(`${url} answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`);
  }
  return response;
}

/** A shard's URL: relative to model.json, keeping model.json's query when the path has none (as tf.io.http does). */
function shardUrl(path: string, modelUrl: URL): string {
  const url = new URL(path, modelUrl);
  if (!url.search && modelUrl.search) url.search = modelUrl.search;
  return url.href;
}

async function readFromUrl(address: string, { fetch: fetchFn = globalThis.fetch, onProgress }: ReadOptions): Promise<tf.io.ModelArtifacts> {
  let modelUrl: URL;
  try {
    modelUrl = new URL(address, (globalThis as { location?: { href: string } }).location?.href);
  } catch {
    throw new ModelFileError(`"${address}" is not a URL.`);
  }
  const text = await (await fetchOk(fetchFn, modelUrl.href)).text();
  const parsed = parseModelJson(text, modelUrl.href);
  const total = totalBytes(parsed.groups);
  let loaded = 0;
  onProgress?.(0, total);
  const groups = await Promise.all(
    parsed.groups.map(async (group) => {
      const data = await Promise.all(
        group.paths.map(async (path) => {
          const buffer = await (await fetchOk(fetchFn, shardUrl(path, modelUrl))).arrayBuffer();
          loaded += buffer.byteLength;
          onProgress?.(Math.min(loaded, total), total);
          return buffer;
        }),
      );
      checkGroupBytes(group, data);
      return data;
    }),
  );
  return artifactsOf(parsed, groups.flat());
}

export interface LoadResult {
  /** Weights of the model that were assigned: all of them. */
  readonly loaded: number;
  /** Names in the file that are not layer weights (optimizer state, seed generators), left alone. */
  readonly skipped: readonly string[];
}

/** Keras 3 files name a weight by its layer and position ("layers/block1_conv1/vars/0"). */
const VARS = /(?:^|\/)([^/]+)\/vars\/(\d+)$/;

/** State saved beside the layers that no layer holds. */
const isNonLayerState = (name: string) => {
  const parts = name.split('/').map((p) => p.replace(/^_/, ''));
  return parts[0] === 'optimizer' || parts[0] === 'optimizer_weights' || parts.includes('seed_generator');
};

/**
 * The model weight's name a file's weight name means, or the name itself when there is none.
 * Accepted forms: tfjs' and Keras 2's "block1_conv1/kernel" (the converter drops ":0"; a
 * leftover ":0" is dropped here), a model-name prefix ("xception/block1_conv1/kernel"), an inner
 * cell name ("layer/cell/kernel", as tfjs-layers accepts), and Keras 3's "…/block1_conv1/vars/0".
 */
function targetName(fileName: string, byName: ReadonlyMap<string, unknown>, byLayer: ReadonlyMap<string, readonly tf.LayerVariable[]>): string {
  const name = fileName.replace(/:\d+$/, '');
  if (byName.has(name)) return name;
  const vars = VARS.exec(name);
  if (vars) return byLayer.get(vars[1])?.[Number(vars[2])]?.originalName ?? name;
  const parts = name.split('/');
  const candidates = parts.length > 2 ? [parts.slice(-2).join('/'), `${parts[0]}/${parts[parts.length - 1]}`] : [];
  return candidates.find((c) => byName.has(c)) ?? name;
}

const shapeText = (shape: readonly (number | null)[]) => `[${shape.join(',')}]`;

const modelTitle = (model: tf.LayersModel) =>
  Object.hasOwn(networks, model.name) ? networks[model.name as NetworkName].title : model.name;

interface Located {
  readonly spec: Spec;
  readonly offset: number;
  readonly bytes: number;
}

/**
 * Assigns the file's weights to `model`'s weights by name. Everything is checked first, in the
 * model's weight order: the first missing, extra, misshapen or mistyped weight throws a
 * WeightMismatchError naming it, and the model is left untouched.
 */
export function loadWeightsByName(model: tf.LayersModel, artifacts: tf.io.ModelArtifacts): LoadResult {
  const specs = artifacts.weightSpecs ?? [];
  const data = new tf.io.CompositeArrayBuffer(artifacts.weightData ?? []);
  let offset = 0;
  const located = specs.map((spec): Located => {
    const bytes = expectedWeightBytes([spec]);
    offset += bytes;
    return { spec, offset: offset - bytes, bytes };
  });
  if (data.byteLength !== offset) {
    throw new ModelFileError(
      `The weight data holds ${data.byteLength.toLocaleString('en-US')} bytes, but model.json describes ${offset.toLocaleString('en-US')}.`,
    );
  }

  const title = `the explorer's ${modelTitle(model)}`;
  // Layer by layer, so the first mismatch is the first in network order (model.weights lists
  // every trainable weight before the BatchNorm statistics).
  const targets = model.layers.flatMap((layer) => layer.weights);
  const byName = new Map(targets.map((w) => [w.originalName, w]));
  const byLayer = new Map(model.layers.map((layer) => [layer.name, layer.weights]));

  const skipped: string[] = [];
  const fromFile = new Map<string, Located>();
  const extra: string[] = [];
  for (const entry of located) {
    const { name } = entry.spec;
    if (entry.spec.group === 'optimizer' || isNonLayerState(name)) {
      skipped.push(name);
      continue;
    }
    const target = targetName(name, byName, byLayer);
    const twin = fromFile.get(target);
    if (twin) throw new WeightMismatchError(target, `the file has ${target} twice (as ${twin.spec.name} and ${name})`);
    fromFile.set(target, entry);
    if (!byName.has(target)) extra.push(name);
  }

  const pairs = targets.map((variable) => {
    const name = variable.originalName;
    const entry = fromFile.get(name);
    if (!entry) throw new WeightMismatchError(name, `${name} is missing from the file`);
    const { shape, dtype } = entry.spec;
    if (shape.length !== variable.shape.length || shape.some((n, i) => n !== variable.shape[i])) {
      throw new WeightMismatchError(name, `${name}: the file has shape ${shapeText(shape)}, ${title} expects ${shapeText(variable.shape)}`);
    }
    if (dtype !== variable.dtype) {
      throw new WeightMismatchError(name, `${name}: the file holds ${dtype} values, ${title} expects ${variable.dtype}`);
    }
    return { variable, entry };
  });
  if (extra.length > 0) {
    throw new WeightMismatchError(extra[0], `the file has ${extra[0]}, which ${title} does not have`);
  }

  // Decode everything before writing anything, so a file that fails to decode changes nothing.
  const decoded: tf.Tensor[] = [];
  try {
    for (const { entry } of pairs) {
      const { spec, offset: start, bytes } = entry;
      const map = tf.io.decodeWeights(data.slice(start, start + bytes), [spec]);
      decoded.push(map[spec.name]);
    }
    pairs.forEach(({ variable }, i) => variable.write(decoded[i]));
  } finally {
    tf.dispose(decoded);
  }
  return { loaded: pairs.length, skipped };
}
