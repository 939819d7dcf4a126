// The training worker's logic as a plain class (no worker globals): one run at a time, paused,
// resumed and stopped between steps; runs kept in a RunStore with their weights in tfjs'
// indexeddb:// storage; runs downloaded and uploaded as model files.

import * as tf from '@tensorflow/tfjs';
import { analyze } from '../../analysis/counts';
import { sliceImages, type LabeledImages } from '../../data/dataset';
import { classCount, configure, getNetwork, trainedInput } from '../../model/networks';
import type { Backends } from '../backends';
import { buildLayersModel } from '../build-layers-model';
import type { BackendChoice } from '../backend-types';
import { registerBatchNormGradient } from './batch-norm-gradient';
import { installBatchNormInTraining } from './batch-norm-training';
import { parseModelFiles } from './model-files';
import { checkModelFits, modelFilesOf, modelFromFiles } from './model-io';
import type { Handlers } from '../rpc/serve';
import type { DatasetKey, EvaluationResult, ModelFiles, Progress, RunRecord, StartParams, TrainingControl, TrainingEvent, TrainingProtocol } from './protocol';
import { trainRun, type RunControl } from './run-loop';
import { runName, uniqueName } from './run-name';
import type { RunStore } from './run-store';
import { evaluate } from './trainer';
import { registerWasmGradients } from './wasm-gradients';
import { trainingBackendLabel } from './wasm-simd';
import { indexedDbWeights, type WeightStore } from './weight-store';

export interface SessionDeps {
  readonly backends: Backends;
  readonly store: RunStore;
  /** Default: tfjs' indexeddb:// storage. */
  readonly weights?: WeightStore;
  readonly loadSplit: (key: DatasetKey, split: 'train' | 'test') => Promise<LabeledImages>;
  readonly post: (event: TrainingEvent) => void;
}

interface Active extends RunControl {
  run: RunRecord;
}

const newId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Answers the page's training requests; at most one run trains at a time. */
export class TrainingSession {
  private active: Active | undefined;
  private choice: BackendChoice | undefined;
  private readonly data = new Map<string, Promise<LabeledImages>>();
  private readonly weights: WeightStore;

  constructor(private readonly deps: SessionDeps) {
    this.weights = deps.weights ?? indexedDbWeights;
    registerWasmGradients();
    registerBatchNormGradient();
    installBatchNormInTraining();
  }

  /** The calls the worker answers; served concurrently, so runs are listed while one starts. */
  readonly handlers: Handlers<TrainingProtocol> = {
    start: (params) => this.start(params),
    list: () => this.list(),
    delete: ({ runId }) => this.delete(runId),
    export: ({ runId }) => this.exportRun(runId),
    import: (params) => this.importRun(params),
    evaluate: ({ runId, backend }) => this.evaluateRun(runId, backend),
  };

  /** Pauses, resumes or stops the active run, between two of its steps. */
  control(type: TrainingControl): void {
    const active = this.active;
    if (!active) return;
    active.paused = type === 'pause';
    if (type === 'stop') active.stopping = true;
    if (type !== 'pause') active.resume?.();
  }

  private split(key: DatasetKey, split: 'train' | 'test'): Promise<LabeledImages> {
    const id = `${key}/${split}`;
    let loaded = this.data.get(id);
    if (!loaded) {
      loaded = this.deps.loadSplit(key, split);
      loaded.catch(() => this.data.delete(id));
      this.data.set(id, loaded);
    }
    return loaded;
  }

  /** Starts the chosen backend (never switches under a training run); its name for the panel. */
  private async backend(choice: BackendChoice): Promise<string> {
    const wanted = this.active ? this.choice ?? choice : choice;
    if (this.choice !== wanted) {
      await this.deps.backends.activate(wanted);
      this.choice = wanted;
    }
    return trainingBackendLabel(this.deps.backends.current, tf.backend());
  }

  private async find(runId: string): Promise<RunRecord> {
    const run = (await this.deps.store.list()).find((r) => r.id === runId);
    if (!run) throw new Error(`no run with id ${runId}`);
    return run;
  }

  private async save(model: tf.LayersModel, run: RunRecord): Promise<RunRecord> {
    await this.weights.save(model, run.id);
    const saved = { ...run, saved: true };
    await this.deps.store.put(saved);
    return saved;
  }

  /** Checks the settings, loads the data, builds the network and starts training it (not awaited). */
  private async start(params: StartParams): Promise<RunRecord> {
    if (this.active) throw new Error(`"${this.active.run.name}" is training; stop it first.`);
    const configuration = configure(params.config.network, params.config.text);
    const [height, width, channels] = configuration.model.input;
    const progress = (stage: Progress['stage']) =>
      this.deps.post({ type: 'progress', progress: { runId: '', stage, stepsDone: 0, totalSteps: 0, imagesPerSecond: 0, etaSeconds: 0 } });
    progress('loading data');
    const backend = await this.backend(params.backend);
    const [fullTrain, fullTest] = await Promise.all([this.split(params.dataset, 'train'), this.split(params.dataset, 'test')]);
    const trainSet = sliceImages(fullTrain, 0, params.trainLimit ?? fullTrain.count);
    const testSet = sliceImages(fullTest, 0, params.validationLimit ?? fullTest.count);
    const classes = classCount(configuration.model);
    if (height !== trainSet.height || width !== trainSet.width || channels !== 3 || classes !== trainSet.classNames.length) {
      throw new Error(`The network takes ${height}×${width} images and ${String(classes)} classes; ${fullTrain.name} has ${trainSet.height}×${trainSet.width} and ${trainSet.classNames.length}.`);
    }
    progress('building');
    const model = buildLayersModel(configuration.model, { seed: params.seed });
    const datasetName = fullTrain.name.replace(/ train$/, '');
    const { totals } = analyze(configuration.model);
    const taken = (await this.deps.store.list()).map((r) => r.name);
    const { config: _config, variant, dataset, ...settings } = params;
    const run: RunRecord = {
      id: newId(),
      name: uniqueName(runName({ network: configuration.network, preset: getNetwork(configuration.network).trainablePreset ?? 'custom', variant, learningRate: params.learningRate, seed: params.seed, datasetName }), taken),
      network: configuration.network,
      variant,
      options: configuration.optionText,
      dataset,
      datasetName,
      classNames: trainSet.classNames,
      trainImages: trainSet.count,
      validationImages: testSet.count,
      settings,
      backend,
      params: totals.params,
      macs: totals.macs,
      created: Date.now(),
      status: 'training',
      steps: [],
      epochs: [],
      saved: false,
    };
    await this.deps.store.put(run);
    this.active = { run, paused: false, stopping: false };
    void this.loop(model, trainSet, testSet, params);
    return run;
  }

  private async loop(model: tf.LayersModel, data: LabeledImages, validation: LabeledImages, params: StartParams): Promise<void> {
    const active = this.active!;
    const update = (change: Partial<RunRecord>) => {
      active.run = { ...active.run, ...change };
      this.deps.post({ type: 'update', run: active.run });
    };
    try {
      await trainRun(model, data, validation, params, active, {
        update,
        report: (progress) => this.deps.post({ type: 'progress', progress: { runId: active.run.id, ...progress } }),
        save: async () => update(await this.save(model, active.run)),
      }, () => active.run);
    } finally {
      model.dispose();
      this.active = undefined;
      await this.deps.store.put(active.run).catch(() => undefined);
      this.deps.post({ type: 'finished', run: active.run });
    }
  }

  /** The stored runs; one still marked as training (its page was closed) is kept as stopped. */
  private async list(): Promise<RunRecord[]> {
    const runs = await this.deps.store.list();
    return Promise.all(
      runs.map(async (run) => {
        if (run.status !== 'training' || run.id === this.active?.run.id) return run;
        const interrupted: RunRecord = { ...run, status: 'stopped', error: 'Interrupted: the page was closed while it trained; kept as of its last saved epoch.' };
        await this.deps.store.put(interrupted);
        return interrupted;
      }),
    );
  }

  private async delete(runId: string): Promise<{ deleted: boolean }> {
    if (this.active?.run.id === runId) throw new Error('This run is training; stop it before deleting it.');
    const run = await this.find(runId);
    if (run.saved) await this.weights.remove(runId).catch(() => undefined);
    await this.deps.store.delete(runId);
    return { deleted: true };
  }

  private async load(run: RunRecord): Promise<tf.LayersModel> {
    if (!run.saved) throw new Error(`"${run.name}" has no saved weights.`);
    return this.weights.load(run.id);
  }

  private async exportRun(runId: string): Promise<ModelFiles> {
    const run = await this.find(runId);
    const model = await this.load(run);
    try {
      const { predictions: _predictions, ...metadata } = run;
      return await modelFilesOf(model, metadata);
    } finally {
      model.dispose();
    }
  }

  /** Evaluates weights trained here as `network` (or of a network not known here) on a dataset's test split. */
  private async evaluateOn(model: tf.LayersModel, network: string | undefined, key: DatasetKey, images: number) {
    const validation = sliceImages(await this.split(key, 'test'), 0, images);
    checkModelFits(model, validation);
    return { evaluation: await evaluate(model, validation, trainedInput(network)), validation, name: validation.name.replace(/ test$/, '') };
  }

  private async evaluateRun(runId: string, backend: BackendChoice): Promise<EvaluationResult> {
    const run = await this.find(runId);
    const name = await this.backend(backend);
    const model = await this.load(run);
    try {
      const { evaluation, validation } = await this.evaluateOn(model, run.network, run.dataset, run.validationImages);
      return { runId, accuracy: evaluation.accuracy, loss: evaluation.loss, images: validation.count, backend: name };
    } finally {
      model.dispose();
    }
  }

  private async importRun(params: ModelFiles & { dataset: DatasetKey; backend: BackendChoice }): Promise<RunRecord> {
    const parsed = parseModelFiles(params.modelJson, params.weights);
    const meta = (parsed.metadata ?? {}) as Partial<RunRecord>;
    const dataset: DatasetKey = meta.dataset === 'digits' || meta.dataset === 'cifar10' ? meta.dataset : params.dataset;
    const backend = await this.backend(params.backend);
    const model = await modelFromFiles(parsed);
    try {
      const images = typeof meta.validationImages === 'number' ? meta.validationImages : Infinity;
      const { evaluation, validation, name } = await this.evaluateOn(model, typeof meta.network === 'string' ? meta.network : undefined, dataset, images);
      const taken = (await this.deps.store.list()).map((r) => r.name);
      const base = typeof meta.name === 'string' ? `${meta.name} (uploaded)` : `uploaded ${model.name} · ${name}`;
      const record: RunRecord = {
        id: newId(),
        name: uniqueName(base, taken),
        network: typeof meta.network === 'string' ? meta.network : model.name,
        variant: meta.variant ?? {},
        options: meta.options ?? {},
        dataset,
        datasetName: name,
        classNames: validation.classNames,
        trainImages: meta.trainImages ?? 0,
        validationImages: validation.count,
        settings: meta.settings,
        backend,
        params: model.countParams(),
        macs: meta.macs,
        created: Date.now(),
        status: 'uploaded',
        steps: meta.steps ?? [],
        epochs: meta.epochs ?? [],
        confusion: evaluation.confusion,
        predictions: evaluation.predictions,
        saved: false,
      };
      return await this.save(model, record);
    } finally {
      model.dispose();
    }
  }
}
