// The classify worker's logic as a plain class (no worker globals): which weights can classify,
// loading them (shipped with the app, trained in this browser, or ImageNet weights the user
// supplies), top-5 predictions and Grad-CAM maps of one image.

import * as tf from '@tensorflow/tfjs';
import { configure } from '../../model/networks';
import type { Model, NetworkName } from '../../model/types';
import type { Backends } from '../backends';
import { buildLayersModel } from '../build-layers-model';
import '../lrn-layer';
import { registerBatchNormGradient } from '../training/batch-norm-gradient';
import type { RunStore } from '../training/run-store';
import { registerWasmGradients } from '../training/wasm-gradients';
import type { WeightStore } from '../training/weight-store';
import type { BackendChoice } from '../worker/protocol';
import { camModules, gradCam } from './grad-cam';
import { loadWeightsByName, readModelArtifacts } from './imagenet-weights';
import type { CamResult, ClassifierInfo, ClassifyCalls, ImageParams, PredictResult, WeightsChoice, WeightsId } from './protocol';
import { topK } from './top-k';

/** Weights that ship with the app, in public/models/<folder>/ (written by `npm run train`). */
export const SHIPPED: readonly { readonly folder: string; readonly title: string }[] = [
  { folder: 'googlenet-small', title: 'GoogLeNet small' },
  { folder: 'xception-small', title: 'Xception small' },
];

/** What training.json beside shipped weights says (the fields used here). */
export interface ShippedTraining {
  readonly network: NetworkName;
  readonly options: Readonly<Record<string, string>>;
  readonly data: { readonly classNames: readonly string[] };
  readonly testAccuracy?: number;
}

export interface ClassifierDeps {
  readonly backends: Backends;
  /** training.json of a shipped folder. */
  readonly shippedTraining: (folder: string) => Promise<ShippedTraining>;
  /** The model in a shipped folder. */
  readonly shippedModel: (folder: string) => Promise<tf.LayersModel>;
  readonly runs: RunStore;
  readonly weights: WeightStore;
  readonly imagenetClasses: () => Promise<readonly string[]>;
}

interface Loaded {
  readonly info: Omit<ClassifierInfo, 'backend'>;
  readonly description: Model;
  readonly model: tf.LayersModel;
}

const percent = (x: number) => `${(100 * x).toFixed(1)}%`;

export class Classifier {
  private current: Loaded | undefined;
  /** Kept apart: it cannot be loaded again without the user's files. */
  private imagenet: Loaded | undefined;
  private readonly shipped = new Map<string, Promise<ShippedTraining>>();

  constructor(private readonly deps: ClassifierDeps) {
    // Grad-CAM differentiates through convs; WASM lacks some of their gradients.
    registerWasmGradients();
    registerBatchNormGradient();
  }

  /** Handles one call; the worker posts what it returns. */
  handle<K extends keyof ClassifyCalls>(type: K, params: ClassifyCalls[K]['params']): Promise<ClassifyCalls[K]['result']> {
    const calls: { [C in keyof ClassifyCalls]: (p: ClassifyCalls[C]['params']) => Promise<ClassifyCalls[C]['result']> } = {
      choices: () => this.choices(),
      select: (p) => this.select(p.id, p.backend),
      predict: async (p) => this.predict(p),
      gradCam: async (p) => this.gradCam(p, p.classIndex, p.module),
      loadImagenet: (p) => this.loadImagenet(p.source, p.options, p.backend),
    };
    return (calls[type] as (p: unknown) => Promise<ClassifyCalls[K]['result']>)(params);
  }

  async choices(): Promise<WeightsChoice[]> {
    const shipped = await Promise.all(
      SHIPPED.map(async ({ folder, title }) => {
        const training = await this.training(folder).catch(() => undefined);
        const accuracy = training?.testAccuracy === undefined ? '' : `, ${percent(training.testAccuracy)} test accuracy`;
        const network = training?.network ?? (folder.split('-')[0] as NetworkName);
        return { id: `shipped:${folder}`, label: `${title} · CIFAR-10 (shipped${accuracy})`, network };
      }),
    );
    const runs = (await this.deps.runs.list().catch(() => [])).filter((run) => run.saved);
    const trained = runs.map((run) => ({ id: `run:${run.id}`, label: `${run.name} (trained here)`, network: run.network as NetworkName }));
    const imagenet = this.imagenet ? [{ id: 'imagenet', label: this.imagenet.info.label, network: 'xception' as const }] : [];
    return [...shipped, ...trained, ...imagenet];
  }

  /** Loads the chosen weights (unless already loaded) on the chosen backend. */
  async select(id: WeightsId, backend: BackendChoice): Promise<ClassifierInfo> {
    const backendInfo = await this.deps.backends.activate(backend);
    if (this.current?.info.id !== id) {
      const next = id === 'imagenet' ? this.imagenet : await this.load(id);
      if (!next) throw new Error('No ImageNet weights are loaded yet: use "Load ImageNet weights" first.');
      this.replace(next);
    }
    return { ...(this.current as Loaded).info, backend: backendInfo };
  }

  predict(image: ImageParams): PredictResult {
    const { model, info } = this.ready(image);
    const start = performance.now();
    const probabilities = tf.tidy(() => {
      const output = model.predict(toInput(image));
      return (Array.isArray(output) ? output[0] : output).squeeze([0]);
    });
    const values = probabilities.dataSync();
    const milliseconds = performance.now() - start;
    probabilities.dispose();
    return { top: topK(values, info.classNames, 5), milliseconds, backend: tf.getBackend() };
  }

  gradCam(image: ImageParams, classIndex: number, module: string): CamResult {
    const { model, info, description } = this.ready(image);
    if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= info.classNames.length) {
      throw new Error(`class ${classIndex} does not exist: the network has ${info.classNames.length} classes`);
    }
    const start = performance.now();
    const x = toInput(image);
    const cam = gradCam(description, model, x, module, classIndex);
    const heat = cam.dataSync() as Float32Array;
    const [height, width] = cam.shape;
    tf.dispose([x, cam]);
    return { module, classIndex, heat, width, height, milliseconds: performance.now() - start };
  }

  /** Reads a Keras Xception's weights by layer name into the explorer's Xception, and selects it. */
  async loadImagenet(
    source: ClassifyCalls['loadImagenet']['params']['source'],
    options: Readonly<Record<string, string>>,
    backend: BackendChoice,
  ): Promise<ClassifierInfo> {
    const configuration = configure('xception', options);
    const classes = Number(configuration.optionText.classes);
    if (classes !== 1000) {
      throw new Error(`ImageNet has 1000 classes, but this Xception has classes=${classes}. Set classes to 1000 (or pick the keras preset) and load again.`);
    }
    const backendInfo = await this.deps.backends.activate(backend);
    const artifacts = await readModelArtifacts(source);
    const model = buildLayersModel(configuration.model, { init: 'zeros' });
    try {
      loadWeightsByName(model, artifacts);
    } catch (error) {
      model.dispose();
      throw error;
    }
    const classNames = await this.deps.imagenetClasses();
    const loaded = this.loaded('imagenet', 'Xception · ImageNet (loaded)', configuration.model, configuration.optionText, model, classNames);
    const previous = this.imagenet;
    this.imagenet = loaded;
    this.replace(loaded);
    if (previous && previous !== loaded) previous.model.dispose();
    return { ...loaded.info, backend: backendInfo };
  }

  private training(folder: string): Promise<ShippedTraining> {
    let training = this.shipped.get(folder);
    if (!training) {
      training = this.deps.shippedTraining(folder);
      training.catch(() => this.shipped.delete(folder)); // a failed read is tried again next time
      this.shipped.set(folder, training);
    }
    return training;
  }

  private async load(id: WeightsId): Promise<Loaded> {
    const [kind, key] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
    if (kind === 'shipped') {
      const entry = SHIPPED.find((s) => s.folder === key);
      if (!entry) throw new Error(`No shipped weights are called "${key}".`);
      const training = await this.training(key);
      const { model, optionText } = configure(training.network, training.options);
      const label = `${entry.title} · CIFAR-10 (shipped)`;
      return this.loaded(id, label, model, optionText, await this.deps.shippedModel(key), training.data.classNames);
    }
    if (kind === 'run') {
      const run = (await this.deps.runs.list()).find((r) => r.id === key);
      if (!run?.saved) throw new Error('That run has no saved weights in this browser any more (it was deleted, or its weights were not kept).');
      const { model, optionText } = configure(run.network, run.options);
      return this.loaded(id, `${run.name} (trained here)`, model, optionText, await this.deps.weights.load(key), run.classNames);
    }
    throw new Error(`Unknown weights "${id}".`);
  }

  /** Checks that the model is the described network with one output per class. */
  private loaded(
    id: WeightsId,
    label: string,
    description: Model,
    options: Readonly<Record<string, string>>,
    model: tf.LayersModel,
    classNames: readonly string[],
  ): Loaded {
    const [, h, w] = model.inputs[0].shape;
    const outputs = model.outputs[0].shape.at(-1);
    const size = description.input[0];
    if (h !== size || w !== size || outputs !== classNames.length) {
      model.dispose();
      throw new Error(
        `${label}: the weights take ${String(h)}×${String(w)} images with ${String(outputs)} outputs, but the network described takes ${size}×${size} with ${classNames.length} classes.`,
      );
    }
    const { modules, defaultModule } = camModules(description);
    const info = { id, label, network: description.network, options, inputSize: size, classNames, camModules: modules, defaultCamModule: defaultModule };
    return { info, description, model };
  }

  private replace(next: Loaded): void {
    const previous = this.current;
    this.current = next;
    if (previous && previous !== next && previous !== this.imagenet) previous.model.dispose();
  }

  private ready(image: ImageParams): Loaded {
    const current = this.current;
    if (!current) throw new Error('No weights are selected yet.');
    const size = current.info.inputSize;
    if (image.size !== size || image.rgb.length !== size * size * 3) {
      throw new Error(`${current.info.label} takes ${size}×${size} RGB images; it was given ${image.size}×${image.size} (${image.rgb.length} bytes).`);
    }
    return current;
  }
}

/** RGB bytes as the networks were trained on them: [1, size, size, 3], x / 127.5 − 1. */
function toInput({ rgb, size }: ImageParams): tf.Tensor4D {
  return tf.tidy(() => tf.tensor4d(Float32Array.from(rgb), [1, size, size, 3]).div(127.5).sub(1));
}
