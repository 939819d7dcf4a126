// Model files made in the test itself: the explorer's own Xception (Keras layer names) with
// random weights, saved as tensorflowjs_converter lays a layers model out (model.json + a shard).
import * as tf from '@tensorflow/tfjs';
import { configure } from '../src/model/networks';
import { buildLayersModel } from '../src/runtime/build-layers-model';

export interface FilePayload {
  readonly name: string;
  readonly mimeType: string;
  readonly buffer: Buffer;
}

export async function xceptionFiles(options: Readonly<Record<string, string>>, seed = 1): Promise<FilePayload[]> {
  await tf.setBackend('cpu');
  const model = buildLayersModel(configure('xception', options).model, { seed });
  let files: FilePayload[] = [];
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights = tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? new ArrayBuffer(0));
      const json = {
        format: 'layers-model',
        generatedBy: 'e2e/model-fixtures.ts',
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: artifacts.weightSpecs }],
      };
      files = [
        { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)) },
        { name: 'group1-shard1of1.bin', mimeType: 'application/octet-stream', buffer: Buffer.from(weights) },
      ];
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  model.dispose();
  return files;
}
