// Where a run's trained weights are kept: tfjs' indexeddb:// model storage in the browser, memory
// in tests.

import * as tf from '@tensorflow/tfjs';

export interface WeightStore {
  save(model: tf.LayersModel, runId: string): Promise<void>;
  load(runId: string): Promise<tf.LayersModel>;
  remove(runId: string): Promise<void>;
}

/** Where a run's weights live in tfjs model storage. */
export const weightsUrl = (runId: string): string => `indexeddb://inception-explorer-run-${runId}`;

export const indexedDbWeights: WeightStore = {
  save: async (model, runId) => {
    await model.save(weightsUrl(runId));
  },
  load: (runId) => tf.loadLayersModel(weightsUrl(runId)),
  remove: async (runId) => {
    await tf.io.removeModel(weightsUrl(runId));
  },
};

/** Model artifacts kept in a Map (tests). */
export function memoryWeights(): WeightStore {
  const saved = new Map<string, tf.io.ModelArtifacts>();
  return {
    save: async (model, runId) => {
      await model.save(
        tf.io.withSaveHandler(async (artifacts) => {
          saved.set(runId, artifacts);
          return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
        }),
      );
    },
    load: (runId) => {
      const artifacts = saved.get(runId);
      if (!artifacts) throw new Error(`no weights for ${runId}`);
      return tf.loadLayersModel(tf.io.fromMemory(artifacts));
    },
    remove: async (runId) => void saved.delete(runId),
  };
}
