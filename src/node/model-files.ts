// Trained models on disk in the tfjs layers-model format the browser loads (model.json +
// weights.bin), with training.json beside them: what was trained, how, and how well.

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '../runtime/custom-layers';
import { METADATA_KEY, modelJsonText } from '../runtime/training/model-files';

/**
 * Writes model.json and weights.bin into `dir` (created if missing), replacing them atomically, in
 * the form the training panel downloads and uploads (`metadata` describes the run).
 */
export async function saveModelFiles(model: tf.LayersModel, dir: string, metadata: Readonly<Record<string, unknown>> = {}): Promise<void> {
  mkdirSync(dir, { recursive: true });
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights = tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? new ArrayBuffer(0));
      writeFileSync(join(dir, 'weights.bin.tmp'), new Uint8Array(weights));
      writeFileSync(join(dir, 'model.json.tmp'), modelJsonText(artifacts.modelTopology, artifacts.weightSpecs ?? [], metadata));
      renameSync(join(dir, 'weights.bin.tmp'), join(dir, 'weights.bin'));
      renameSync(join(dir, 'model.json.tmp'), join(dir, 'model.json'));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: weights.byteLength } };
    }),
  );
}

/** Loads model.json and its weight files from `dir`. */
export async function loadModelFiles(dir: string): Promise<tf.LayersModel> {
  const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as {
    modelTopology: object;
    weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
  };
  const weightSpecs = json.weightsManifest.flatMap((group) => group.weights);
  const buffers = json.weightsManifest.flatMap((group) => group.paths.map((path) => readFileSync(join(dir, path))));
  const weightData = tf.io.CompositeArrayBuffer.join(buffers.map((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)));
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs, weightData }));
}

/**
 * The network weights in `dir` were trained as: from the run metadata in model.json (files the
 * Train tab downloads) or from training.json (what `npm run train` writes), if either says.
 */
export function savedNetwork(dir: string): string | undefined {
  const read = (file: string): unknown => {
    try {
      return JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch {
      return undefined; // absent or unreadable: the other file may say
    }
  };
  const field = (value: unknown, ...path: string[]): unknown =>
    path.reduce((at, key) => (typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined), value);
  const network = field(read('model.json'), 'userDefinedMetadata', METADATA_KEY, 'network') ?? field(read('training.json'), 'network');
  return typeof network === 'string' ? network : undefined;
}
