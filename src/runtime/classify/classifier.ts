// The classify worker's logic as a plain class (no worker globals): which weights can classify,
// loading them (shipped with the app, trained in this browser, or ImageNet weights the user
// supplies), top-5 predictions and Grad-CAM maps of one image.

import * as tf from '@tensorflow/tfjs';
import { describePreparation, prepareRgb, type InputPreparation } from '../../model/input-preparation';
import { classCount, configure, getNetwork, networkNames, networks, trainedInput, type Configuration } from '../../model/networks';
import type { ConfigText, Model, NetworkName } from '../../model/types';
import type { Backends } from '../backends';
import { buildLayersModel } from '../build-layers-model';
import '../custom-layers';
import type { Handlers } from '../rpc/serve';
import { registerBatchNormGradient } from '../training/batch-norm-gradient';
import type { RunStore } from '../training/run-store';
import { registerWasmGradients } from '../training/wasm-gradients';
import type { WeightStore } from '../training/weight-store';
import type { BackendChoice } from '../backend-types';
import { camModules, gradCam } from './grad-cam';
import { loadWeightsByName, readModelArtifacts } from './imagenet-weights';
import type { CamResult, ClassifierInfo, ClassifyCalls, ClassifyProtocol, ImageParams, PredictResult, WeightsChoice, WeightsId } from './protocol';
import { topK } from './top-k';

/** Weights that ship with the app, in public/models/<folder>/ (written by `npm run train`), in registry order. */
export const shippedWeights = (): { readonly folder: string; readonly title: string; readonly network: NetworkName }[] =>
  networkNames.flatMap((name) => {
    const { shippedWeights: folder, shortName, trainablePreset } = networks[name];
    return folder === undefined ? [] : [{ folder, title: `${shortName} ${trainablePreset ?? ''}`.trim(), network: name }];
  });

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
  /** How images become this model's input: the preparation its weights were trained with. */
  readonly input: InputPreparation;
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

  /** The calls the worker answers, one at a time (they share the loaded weights). */
  readonly handlers: Handlers<ClassifyProtocol> = {
    choices: () => this.choices(),
    select: (p) => this.select(p.id, p.backend),
    predict: (p) => this.predict(p),
    gradCam: (p) => this.gradCam(p, p.classIndex, p.module),
    loadImagenet: (p) => this.loadImagenet(p.source, p.config, p.backend),
  };

  async choices(): Promise<WeightsChoice[]> {
    const shipped = await Promise.all(
      shippedWeights().map(async ({ folder, title, network }) => {
        const training = await this.training(folder).catch(() => undefined);
        const accuracy = training?.testAccuracy === undefined ? '' : `, ${percent(training.testAccuracy)} test accuracy`;
        return { id: `shipped:${folder}`, label: `${title} · CIFAR-10 (shipped${accuracy})`, network };
      }),
    );
    const runs = (await this.deps.runs.list().catch(() => [])).filter((run) => run.saved);
    const trained = runs.map((run) => ({ id: `run:${run.id}`, label: `${run.name} (trained here)`, network: run.network }));
    const imagenet = this.imagenet ? [{ id: 'imagenet', label: this.imagenet.info.label, network: this.imagenet.info.network }] : [];
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
    const { model, info, input } = this.ready(image);
    const start = performance.now();
    const probabilities = tf.tidy(() => {
      const output = model.predict(toInput(image, input));
      return (Array.isArray(output) ? output[0] : output).squeeze([0]);
    });
    const values = probabilities.dataSync();
    const milliseconds = performance.now() - start;
    probabilities.dispose();
    return { top: topK(values, info.classNames, 5), milliseconds, backend: tf.getBackend() };
  }

  gradCam(image: ImageParams, classIndex: number, module: string): CamResult {
    const { model, info, description, input } = this.ready(image);
    if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= info.classNames.length) {
      throw new Error(`class ${classIndex} does not exist: the network has ${info.classNames.length} classes`);
    }
    const start = performance.now();
    const x = toInput(image, input);
    const cam = gradCam(description, model, x, module, classIndex);
    const heat = cam.dataSync() as Float32Array;
    const [height, width] = cam.shape;
    tf.dispose([x, cam]);
    return { module, classIndex, heat, width, height, milliseconds: performance.now() - start };
  }

  /**
   * Reads a framework's ImageNet weights (a tfjs layers model) by layer name into the network
   * configured as `config`, and selects it.
   */
  async loadImagenet(source: ClassifyCalls['loadImagenet']['params']['source'], config: ConfigText, backend: BackendChoice): Promise<ClassifierInfo> {
    const def = getNetwork(config.network);
    if (!def.imagenet) throw new Error(`${def.title} takes no ImageNet weights here.`);
    const { source: framework, preset } = def.imagenet;
    const configuration = configure(config.network, config.text);
    const classes = classCount(configuration.model);
    if (classes !== 1000) {
      throw new Error(`ImageNet has 1000 classes, but this ${def.shortName} has classes=${classes}. Set classes to 1000 (or pick the ${preset} preset) and load again.`);
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
    const input = def.inputs[framework] ?? def.inputs.explorer;
    const loaded = this.loaded('imagenet', `${def.shortName} · ImageNet (loaded)`, configuration, model, classNames, input);
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
      const entry = shippedWeights().find((s) => s.folder === key);
      if (!entry) throw new Error(`No shipped weights are called "${key}".`);
      const training = await this.training(key);
      const configuration = configure(training.network, training.options);
      const label = `${entry.title} · CIFAR-10 (shipped)`;
      const model = await this.deps.shippedModel(key);
      return this.loaded(id, label, configuration, model, training.data.classNames, trainedInput(training.network));
    }
    if (kind === 'run') {
      const run = (await this.deps.runs.list()).find((r) => r.id === key);
      if (!run?.saved) throw new Error('That run has no saved weights in this browser any more (it was deleted, or its weights were not kept).');
      const configuration = configure(run.network, run.options);
      const model = await this.deps.weights.load(key);
      return this.loaded(id, `${run.name} (trained here)`, configuration, model, run.classNames, trainedInput(run.network));
    }
    throw new Error(`Unknown weights "${id}".`);
  }

  /** Checks that the model is the described network with one output per class. */
  private loaded(
    id: WeightsId,
    label: string,
    { network, model: description, optionText: options }: Configuration,
    model: tf.LayersModel,
    classNames: readonly string[],
    input: InputPreparation,
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
    const info = {
      id,
      label,
      network,
      options,
      inputSize: size,
      preparation: describePreparation(input),
      classNames,
      camModules: modules,
      defaultCamModule: defaultModule,
    };
    return { info, description, model, input };
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

/** RGB bytes as the weights were trained on them: [1, size, size, 3]. */
const toInput = ({ rgb, size }: ImageParams, input: InputPreparation): tf.Tensor4D => tf.tensor4d(prepareRgb(rgb, input), [1, size, size, 3]);
