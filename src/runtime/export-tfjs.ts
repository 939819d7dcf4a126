// The tfjs layers-model JSON (model.json) of a configuration, as tfjs's own save writes it, so
// its layer and weight names can be checked against a Keras model converted by tensorflowjs_converter.

import * as tf from '@tensorflow/tfjs';
import type { Model } from '../model/types';
import { buildLayersModel } from './build-layers-model';

export interface LayersModelJson {
  readonly format: 'layers-model';
  readonly generatedBy: string;
  readonly convertedBy: null;
  readonly modelTopology: object;
  readonly weightsManifest: tf.io.WeightsManifestConfig;
}

/** tensorflowjs_converter's file name for a model whose weights fit in one shard. */
const SHARD = 'group1-shard1of1.bin';

/**
 * What `layersModel.save()` writes as model.json, without encoding the weight values (save()
 * would copy every weight into one buffer: 0.7 GB and seconds for Xception with regular convs).
 * Weights are named by `originalName`, as save() names them: a second model built in the same
 * process gets uniquified variable names (`block1_conv1/kernel_1`) but the same original names.
 */
export function layersModelJson(layersModel: tf.LayersModel): LayersModelJson {
  return {
    format: 'layers-model',
    generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
    convertedBy: null,
    modelTopology: layersModel.toJSON(null, false) as object,
    weightsManifest: [
      {
        paths: [SHARD],
        // A weight's shape is always concrete; only the Shape type allows null (batch) dims.
        weights: layersModel.weights.map((w) => ({ name: w.originalName, shape: w.shape as number[], dtype: w.dtype })),
      },
    ],
  };
}

/** model.json of a configuration: its topology and every weight's name, shape and dtype. */
export async function exportLayersModelJson(model: Model): Promise<LayersModelJson> {
  const layersModel = buildLayersModel(model, { init: 'zeros' });
  try {
    return layersModelJson(layersModel);
  } finally {
    layersModel.dispose();
  }
}
