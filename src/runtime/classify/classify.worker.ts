// The classify worker's entry: tfjs lives here, never on the page. Shipped weights are files the
// app serves (public/models/); ImageNet class names are loaded only when ImageNet weights are.

import * as tf from '@tensorflow/tfjs';
import { Backends } from '../backends';
import { serve } from '../rpc/serve';
import { servedWasmPaths } from '../served-wasm';
import { indexedDbRunStore } from '../training/run-store';
import { indexedDbWeights } from '../training/weight-store';
import { Classifier, type ShippedTraining } from './classifier';
import type { ClassifyProtocol } from './protocol';

const shippedUrl = (folder: string, file: string) => new URL(`${import.meta.env.BASE_URL}models/${folder}/${file}`, self.location.origin).href;

const classifier = new Classifier({
  backends: new Backends({ wasmPaths: servedWasmPaths() }),
  shippedTraining: async (folder) => {
    const response = await fetch(shippedUrl(folder, 'training.json'));
    if (!response.ok) throw new Error(`the app serves no ${folder}/training.json (HTTP ${response.status})`);
    return (await response.json()) as ShippedTraining;
  },
  shippedModel: (folder) => tf.loadLayersModel(shippedUrl(folder, 'model.json')),
  runs: indexedDbRunStore(),
  weights: indexedDbWeights,
  imagenetClasses: async () => (await import('./imagenet-classes')).IMAGENET_CLASSES,
});

// Serial: a prediction never sees weights half-loaded by a `select`.
serve<ClassifyProtocol>(classifier.handlers, { policy: 'serial' });
