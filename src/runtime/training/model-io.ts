// Layers models to and from the files the panel downloads and uploads, and the check that a model
// fits a dataset before it is evaluated on it.

import * as tf from '@tensorflow/tfjs';
import type { LabeledImages } from '../../data/dataset';
import '../custom-layers';
import { modelJsonText, type ParsedModelFiles, type WeightSpec } from './model-files';
import type { ModelFiles } from './protocol';

/** model.json (with `metadata`) and weights.bin of a model. */
export async function modelFilesOf(model: tf.LayersModel, metadata: Readonly<Record<string, unknown>>): Promise<ModelFiles> {
  let files: ModelFiles | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights = tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? new ArrayBuffer(0));
      files = { modelJson: modelJsonText(artifacts.modelTopology, (artifacts.weightSpecs ?? []) as WeightSpec[], metadata), weights };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: weights.byteLength } };
    }),
  );
  if (!files) throw new Error('tfjs saved nothing');
  return files;
}

/** The model of checked files; tfjs' own complaint (unknown layer, wrong weights) is passed on. */
export async function modelFromFiles(parsed: ParsedModelFiles): Promise<tf.LayersModel> {
  try {
    return await tf.loadLayersModel(
      tf.io.fromMemory({ modelTopology: parsed.modelTopology, weightSpecs: [...parsed.weightSpecs] as tf.io.WeightsManifestEntry[], weightData: parsed.weightData }),
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`model.json and weights.bin could not be loaded as a layers model: ${reason}`, { cause: error });
  }
}

/** Throws, naming the mismatch, unless the model takes the dataset's images and has one output per class. */
export function checkModelFits(model: tf.LayersModel, data: LabeledImages): void {
  const [, h, w, c] = model.inputs[0].shape;
  const output = model.outputs[0].shape;
  const classes = output[output.length - 1];
  if (h !== data.height || w !== data.width || c !== 3) {
    throw new Error(`The model takes ${String(h)}×${String(w)}×${String(c)} inputs; ${data.name} has ${data.height}×${data.width} images (given as 3 channels).`);
  }
  if (classes !== data.classNames.length) {
    throw new Error(`The model has ${String(classes)} outputs; ${data.name} has ${data.classNames.length} classes.`);
  }
}
